package spikebot.bot.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A rich embed. Every part is cut to Discord's limits on construction (ellipsis), extra fields dropped.
 *
 * @param title       may be null
 * @param url         makes the title a link; may be null
 * @param description may be null
 * @param fields      at most 25
 * @param footer      may be null
 * @param color       RGB, or null for the default
 */
public record Card(String title, String url, String description, List<Field> fields, String footer,
                    Integer color) {

    /** One name/value pair of an embed. */
    public record Field(String name, String value, boolean inline) {
        public Field {
            name = Text.cut(name == null || name.isBlank() ? "\u200B" : name, Limits.FIELD_NAME);
            value = Text.cut(value == null || value.isBlank() ? "\u200B" : value, Limits.FIELD_VALUE);
        }
    }

    public Card {
        title = Text.cut(title, Limits.EMBED_TITLE);
        url = url == null || url.length() > Limits.URL ? null : url;
        description = Text.cut(description, Limits.EMBED_DESCRIPTION);
        fields = List.copyOf(fields.subList(0, Math.min(fields.size(), Limits.EMBED_FIELDS)));
        footer = Text.cut(footer, Limits.EMBED_FOOTER);
    }

    public static Card of(String title, String description) {
        return new Card(title, null, description, List.of(), null, null);
    }

    /** Characters that count towards Discord's 6000 per message. */
    public int size() {
        int n = length(title) + length(description) + length(footer);
        for (Field f : fields) n += f.name().length() + f.value().length();
        return n;
    }

    /**
     * This embed cut to at most {@code budget} counted characters: the description first (free text, kept whole in
     * the note it comes from), then fields dropped from the end, then the rest cut. Fields carry the links and
     * counts a reader needs, such as where a closed spike's note lives.
     */
    Card fit(int budget) {
        if (size() <= budget) return this;
        int besideDescription = size() - length(description);
        if (description != null && besideDescription < budget) {
            return new Card(title, url, Text.cut(description, budget - besideDescription), fields, footer, color);
        }
        List<Field> kept = new ArrayList<>(fields);
        Card e = this;
        while (!kept.isEmpty() && e.size() > budget) {
            kept.remove(kept.size() - 1);
            e = new Card(title, url, description, kept, footer, color);
        }
        if (e.size() <= budget) return e;
        int fixed = length(title) + length(footer);
        String desc = Text.cut(description, Math.max(budget - fixed, 1));
        e = new Card(title, url, desc, List.of(), footer, color);
        if (e.size() <= budget) return e;
        return new Card(Text.cut(title, Math.max(budget - length(desc), 1)), url, desc, List.of(), null, color);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
