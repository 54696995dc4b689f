package spikebot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Discord's size limits on a message the bot sends, checked as Discord checks them: a message that breaks one is
 * refused with 400 "Invalid Form Body" (code 50035), so a bot that does not cut its text loses the whole message.
 * Lengths are counted in UTF-16 code units, as Discord's documentation gives them.
 */
final class MessageLimits {
    private MessageLimits() {
    }

    /** What is wrong with this message payload; empty when Discord would take it. */
    static List<String> violations(JsonNode message) {
        List<String> wrong = new ArrayList<>();
        max(wrong, "content", message.path("content").asText(""), 2000);
        JsonNode embeds = message.path("embeds");
        if (embeds.size() > 10) wrong.add("more than 10 embeds");
        int total = 0;
        for (JsonNode e : embeds) {
            total += max(wrong, "embed title", e.path("title").asText(""), 256);
            total += max(wrong, "embed description", e.path("description").asText(""), 4096);
            total += max(wrong, "embed footer", e.path("footer").path("text").asText(""), 2048);
            if (e.path("fields").size() > 25) wrong.add("more than 25 embed fields");
            for (JsonNode f : e.path("fields")) {
                total += max(wrong, "field name", f.path("name").asText(""), 256);
                total += max(wrong, "field value", f.path("value").asText(""), 1024);
                if (f.path("name").asText("").isEmpty() || f.path("value").asText("").isEmpty()) {
                    wrong.add("an embed field without a name or value");
                }
            }
            max(wrong, "embed url", e.path("url").asText(""), 2048);
        }
        if (total > 6000) wrong.add("embeds have " + total + " characters in all, more than 6000");
        JsonNode rows = message.path("components");
        if (rows.size() > 5) wrong.add("more than 5 action rows");
        for (JsonNode row : rows) {
            if (row.path("components").size() > 5) wrong.add("more than 5 components in a row");
            for (JsonNode c : row.path("components")) {
                max(wrong, "button label", c.path("label").asText(""), 80);
                max(wrong, "custom id", c.path("custom_id").asText(""), 100);
                max(wrong, "placeholder", c.path("placeholder").asText(""), 150);
                if (c.path("options").size() > 25) wrong.add("more than 25 select options");
                for (JsonNode o : c.path("options")) {
                    max(wrong, "option label", o.path("label").asText(""), 100);
                    max(wrong, "option value", o.path("value").asText(""), 100);
                    max(wrong, "option description", o.path("description").asText(""), 100);
                }
            }
        }
        return wrong;
    }

    private static int max(List<String> wrong, String what, String text, int limit) {
        if (text.length() > limit) wrong.add(what + " has " + text.length() + " characters, more than " + limit);
        return text.length();
    }
}
