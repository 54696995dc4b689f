package spikebot.bot.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A message the bot posts: text, embeds and rows of components. Cut to Discord's limits on construction (content
 * 2000, 10 embeds, 6000 embed characters in all, 5 rows), so it can always be sent. Sent with no allowed
 * mentions.
 */
public record Draft(String content, List<Card> embeds, List<ControlRow> rows) {
    public Draft {
        content = Text.cut(content == null ? "" : content, Limits.CONTENT);
        List<Card> fitted = new ArrayList<>();
        int budget = Limits.EMBED_TOTAL;
        for (Card e : embeds.subList(0, Math.min(embeds.size(), Limits.EMBEDS))) {
            if (budget <= 0) break;
            Card fit = e.fit(budget);
            budget -= fit.size();
            fitted.add(fit);
        }
        embeds = List.copyOf(fitted);
        rows = List.copyOf(rows.subList(0, Math.min(rows.size(), Limits.ACTION_ROWS)));
    }

    public static Draft text(String content) {
        return new Draft(content, List.of(), List.of());
    }

    public static Draft embed(Card embed, ControlRow... rows) {
        return new Draft("", List.of(embed), List.of(rows));
    }
}
