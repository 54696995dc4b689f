package spikebot.knowledge.text;

/**
 * One readable block of a note, without markup: what a snippet is cut from.
 *
 * @param text    plain text on one line (runs of white space made one space); for {@link Kind#CODE}, the first
 *                lines of the code with their line breaks, "…" when cut
 * @param kind    what kind of block it was
 * @param section the text of the nearest heading above it (a heading's own text for a heading); null before the
 *                first heading. Lets a snippet prefer a spike's "Decision" or "Result" section.
 */
public record Passage(String text, Kind kind, String section) {
    /** What a passage was in the Markdown. */
    public enum Kind {
        PARAGRAPH,
        HEADING,
        /** One item of a bullet, numbered or check list (a checklist's "[x]" left out); never run together. */
        LIST_ITEM,
        /** One row of a table, cells joined with " · ". */
        TABLE_ROW,
        /** A code block, kept short. */
        CODE
    }

    /**
     * Whether this passage sits under a heading that starts with one of the given words, compared without case:
     * {@code inSection("decision", "result")} holds under "Decision", "Decision Outcome" and "Results".
     */
    public boolean inSection(String... names) {
        if (section == null) return false;
        String heading = section.strip().toLowerCase(java.util.Locale.ROOT);
        for (String name : names) if (heading.startsWith(name.toLowerCase(java.util.Locale.ROOT))) return true;
        return false;
    }
}
