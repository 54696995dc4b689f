package spikebot.index;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A short passage of a note with the words that matched the question marked, kept apart from any markup so that
 * each adapter escapes the text its own way (Discord Markdown, a terminal, JSON) and marks the highlights its own way.
 *
 * @param text       plain text, whitespace collapsed, "…" where it was cut
 * @param highlights where the question's words are, in order, not overlapping
 */
public record Snippet(String text, List<Span> highlights) {
    public static final Snippet EMPTY = new Snippet("", List.of());

    /** Characters [start, end) of the snippet's text. */
    public record Span(int start, int end) {
        public Span {
            if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public Snippet {
        highlights = List.copyOf(highlights);
        int last = 0;
        for (Span span : highlights) {
            if (span.start() < last || span.end() > text.length()) {
                throw new IllegalArgumentException("highlights must be ordered, apart and inside the text");
            }
            last = span.end();
        }
    }

    /**
     * The snippet as markup: every piece of text escaped, each highlight wrapped in open and close (which are not
     * escaped). For Discord: {@code render(discordEscape, "**", "**")}.
     */
    public String render(UnaryOperator<String> escape, String open, String close) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Span span : highlights) {
            out.append(escape.apply(text.substring(at, span.start())))
                    .append(open).append(escape.apply(text.substring(span.start(), span.end()))).append(close);
            at = span.end();
        }
        return out.append(escape.apply(text.substring(at))).toString();
    }

    /** The highlighted words, for tests and logs. */
    public List<String> highlighted() {
        return highlights.stream().map(s -> text.substring(s.start(), s.end())).toList();
    }
}
