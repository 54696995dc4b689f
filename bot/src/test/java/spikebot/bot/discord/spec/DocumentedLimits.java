package spikebot.bot.discord.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Discord's documented limits that its OpenAPI description leaves out (or states only in prose), checked as Discord
 * checks them: a request that breaks one is refused with 400 "Invalid Form Body" (code 50035), so a bot that does
 * not cut its text loses the whole message. Lengths are counted in UTF-16 code units, as Discord's documentation
 * gives them. Messages: content 2,000; at most 10 embeds, their text 6,000 in all, 25 fields; 5 rows of 5
 * components; custom ids at most 100 and unique in a message; 25 select options. Forms: at most 5 fields, labels
 * 45. Commands: 25 options and 25 choices each, names 32, descriptions 100. Autocomplete: 25 choices.
 */
public final class DocumentedLimits {
    private DocumentedLimits() {
    }

    /** What is wrong with this request body (method and path as recorded); empty when Discord would take it. */
    public static List<String> violations(String method, String path, JsonNode body) {
        List<String> wrong = new ArrayList<>();
        if (path.matches("interactions/\\d+/[^/]+/callback")) {
            int type = body.path("type").asInt();
            JsonNode data = body.path("data");
            if (type == 4 || type == 7) wrong.addAll(message(data));
            if (type == 9) wrong.addAll(form(data));
            if (type == 8) wrong.addAll(choices("autocomplete", data.path("choices")));
        } else if (path.matches("applications/\\d+(/guilds/\\d+)?/commands") && method.equals("PUT")) {
            if (body.size() > 100) wrong.add("more than 100 commands");
            for (JsonNode command : body) wrong.addAll(command("command " + command.path("name").asText(), command));
        } else if (path.matches("channels/\\d+/threads") && body.has("message")) {
            wrong.addAll(message(body.get("message")));
        } else if (method.equals("POST") && path.matches("channels/\\d+/messages|webhooks/\\d+/[^/]+")
                || method.equals("PATCH") && path.matches("channels/\\d+/messages/\\d+|webhooks/\\d+/[^/]+/messages/.+")) {
            wrong.addAll(message(body));
        }
        return wrong;
    }

    private static List<String> command(String where, JsonNode command) {
        List<String> wrong = new ArrayList<>();
        max(wrong, where + " name", command.path("name").asText(""), 32);
        max(wrong, where + " description", command.path("description").asText(""), 100);
        if (command.path("options").size() > 25) wrong.add(where + ": more than 25 options");
        for (JsonNode option : command.path("options")) {
            wrong.addAll(command(where + " " + option.path("name").asText(), option));
            wrong.addAll(choices(where + " " + option.path("name").asText(), option.path("choices")));
        }
        return wrong;
    }

    private static List<String> choices(String where, JsonNode choices) {
        List<String> wrong = new ArrayList<>();
        if (choices.size() > 25) wrong.add(where + ": more than 25 choices");
        for (JsonNode c : choices) max(wrong, where + " choice name", c.path("name").asText(""), 100);
        return wrong;
    }

    private static List<String> form(JsonNode form) {
        List<String> wrong = new ArrayList<>();
        max(wrong, "form custom id", form.path("custom_id").asText(""), 100);
        max(wrong, "form title", form.path("title").asText(""), 45);
        if (form.path("components").size() > 5) wrong.add("more than 5 fields in a form");
        Set<String> ids = new HashSet<>();
        for (JsonNode label : form.path("components")) {
            max(wrong, "form field label", label.path("label").asText(""), 45);
            JsonNode input = label.path("component");
            String id = input.path("custom_id").asText("");
            max(wrong, "form field custom id", id, 100);
            if (!ids.add(id)) wrong.add("form field custom id '" + id + "' appears twice");
            max(wrong, "form field value", input.path("value").asText(""), 4000);
        }
        return wrong;
    }

    /** What is wrong with this message payload; empty when Discord would take it. */
    static List<String> message(JsonNode message) {
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
        Set<String> ids = new HashSet<>();
        if (rows.size() > 5) wrong.add("more than 5 action rows");
        for (JsonNode row : rows) {
            if (row.path("components").size() > 5) wrong.add("more than 5 components in a row");
            for (JsonNode c : row.path("components")) {
                max(wrong, "button label", c.path("label").asText(""), 80);
                max(wrong, "custom id", c.path("custom_id").asText(""), 100);
                if (c.has("custom_id") && !ids.add(c.get("custom_id").asText())) {
                    wrong.add("custom id '" + c.get("custom_id").asText() + "' appears twice in the message");
                }
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
