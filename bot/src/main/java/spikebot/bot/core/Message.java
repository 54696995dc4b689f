package spikebot.bot.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A message the bot posts: text, embeds and rows of components. Cut to Discord's limits on construction (content
 * 2000, 10 embeds, 6000 embed characters in all, 5 rows), so it can always be sent. Sent with no allowed
 * mentions.
 */
public record Message(String content, List<Embed> embeds, List<ActionRow> rows) {
    public Message {
        content = Text.cut(content == null ? "" : content, Limits.CONTENT);
        List<Embed> fitted = new ArrayList<>();
        int budget = Limits.EMBED_TOTAL;
        for (Embed e : embeds.subList(0, Math.min(embeds.size(), Limits.EMBEDS))) {
            if (budget <= 0) break;
            Embed fit = e.fit(budget);
            budget -= fit.size();
            fitted.add(fit);
        }
        embeds = List.copyOf(fitted);
        rows = List.copyOf(rows.subList(0, Math.min(rows.size(), Limits.ACTION_ROWS)));
    }

    public static Message text(String content) {
        return new Message(content, List.of(), List.of());
    }

    public static Message embed(Embed embed, ActionRow... rows) {
        return new Message("", List.of(embed), List.of(rows));
    }

    public Message withRows(List<ActionRow> newRows) {
        return new Message(content, embeds, newRows);
    }
}
