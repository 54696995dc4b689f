package spikebot.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Picks the passage of a note that best shows why it answers the question, and marks the question's words in it.
 *
 * <p>Lucene's UnifiedHighlighter does the choosing; it re-analyzes the stored text of the few notes shown rather
 * than reading offsets from the index, which keeps the index smaller and indexing faster for the price of
 * microseconds per hit. Its formatter here returns a {@link Snippet}, not markup, so that adapters escape as they
 * need.
 */
final class Snippets {
    /** Long enough for a finding with its context, short enough for a chat message. */
    static final int TARGET_CHARS = 160;
    static final int MAX_CHARS = 280;

    private final UnifiedHighlighter highlighter;

    Snippets(Analyzer noteAnalyzer) {
        this.highlighter = UnifiedHighlighter.builderWithoutSearcher(noteAnalyzer)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), TARGET_CHARS, 0.3f))
                .withFormatter(new SnippetFormatter())
                .withMaxNoHighlightPassages(1)
                .build();
    }

    /** The best passage of the body; the title when the body is empty. */
    Snippet of(Query query, String title, String body) {
        if (body == null || body.isBlank()) return highlight(NoteDocuments.TITLE, query, title == null ? "" : title);
        return highlight(NoteDocuments.BODY, query, body);
    }

    private Snippet highlight(String field, Query query, String text) {
        if (text.isBlank()) return Snippet.EMPTY;
        try {
            Object snippet = highlighter.highlightWithoutSearcher(field, query, text, 1);
            return snippet instanceof Snippet s ? s : SnippetFormatter.snippet(text, 0, text.length(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Turns the highlighter's passage into a {@link Snippet}: whitespace collapsed, cut to length around the matches. */
    static final class SnippetFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            if (passages.length == 0) return null;
            Passage best = passages[0];
            List<int[]> matches = new ArrayList<>();
            for (int i = 0; i < best.getNumMatches(); i++) {
                matches.add(new int[]{best.getMatchStarts()[i], best.getMatchEnds()[i]});
            }
            return snippet(content, best.getStartOffset(), best.getEndOffset(), matches);
        }

        /**
         * The text [from, to) of content with the given matches (content offsets), made presentable: whitespace
         * collapsed, Markdown line markers (headings, bullets, checkboxes, quotes) left out, cut to length.
         */
        static Snippet snippet(String content, int from, int to, List<int[]> matches) {
            int headingUntil = -1;
            matches = merged(matches);
            if (to - from > MAX_CHARS) {
                int focus = matches.isEmpty() ? from : matches.get(0)[0];
                int start = Math.max(from, Math.min(focus - MAX_CHARS / 4, to - MAX_CHARS));
                from = wordStart(content, start, from);
                to = wordEnd(content, Math.min(to, from + MAX_CHARS), to);
            }
            // A passage may start on the full stop that ended the sentence before it.
            while (from > 0 && from < to && (Character.isWhitespace(content.charAt(from))
                    || ".,;:!?)".indexOf(content.charAt(from)) >= 0)) {
                from++;
            }
            StringBuilder text = new StringBuilder();
            if (from > 0) text.append('…');
            int[] at = new int[to - from + 1];
            boolean space = false;
            for (int i = from; i < to; i++) {
                at[i - from] = text.length();
                int marker = lineStart(content, i) ? markupLength(content, i, to) : 0;
                if (marker > 0) {
                    // "## Findings" reads "Findings:"; "- [x] Installs" reads "Installs".
                    boolean heading = content.charAt(i) == '#';
                    for (int k = 1; k < marker; k++) at[i - from + k] = text.length();
                    i += marker - 1;
                    if (heading) headingUntil = lineEnd(content, i + 1, to);
                    continue;
                }
                char c = content.charAt(i);
                if (i == headingUntil) {
                    if (!text.isEmpty() && Character.isLetterOrDigit(text.charAt(text.length() - 1))) text.append(':');
                    headingUntil = -1;
                }
                if (Character.isWhitespace(c)) {
                    if (!space && text.length() > (from > 0 ? 1 : 0)) text.append(' ');
                    space = true;
                } else {
                    text.append(c);
                    space = false;
                }
            }
            at[to - from] = text.length();
            int end = text.length();
            while (end > 0 && text.charAt(end - 1) == ' ') end--;
            text.setLength(end);
            if (to < content.length()) text.append('…');
            List<Snippet.Span> spans = new ArrayList<>();
            for (int[] m : matches) {
                if (m[1] <= from || m[0] >= to) continue;
                int s = at[Math.max(m[0], from) - from], e = Math.min(at[Math.min(m[1], to) - from], end);
                if (e > s && (spans.isEmpty() || s >= spans.get(spans.size() - 1).end())) spans.add(new Snippet.Span(s, e));
            }
            return new Snippet(text.toString(), spans);
        }

        /** Stacked word parts match inside whole words: keep one span per stretch of text. */
        private static List<int[]> merged(List<int[]> matches) {
            List<int[]> sorted = new ArrayList<>(matches);
            sorted.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
            List<int[]> out = new ArrayList<>();
            for (int[] m : sorted) {
                int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
                if (last != null && m[0] < last[1]) last[1] = Math.max(last[1], m[1]);
                else out.add(new int[]{m[0], m[1]});
            }
            return out;
        }

        private static boolean lineStart(String content, int i) {
            int j = i - 1;
            while (j >= 0 && (content.charAt(j) == ' ' || content.charAt(j) == '\t')) j--;
            return j < 0 || content.charAt(j) == '\n';
        }

        /** How many characters of Markdown line markup start at i: "## ", "- ", "* ", "1. ", "> ", "- [x] ". */
        private static int markupLength(String content, int i, int to) {
            int j = i;
            if (content.charAt(j) == '#') {
                while (j < to && content.charAt(j) == '#') j++;
            } else if (content.charAt(j) == '-' || content.charAt(j) == '*' || content.charAt(j) == '+'
                    || content.charAt(j) == '>') {
                j++;
            } else if (Character.isDigit(content.charAt(j))) {
                while (j < to && Character.isDigit(content.charAt(j))) j++;
                if (j >= to || content.charAt(j) != '.') return 0;
                j++;
            } else {
                return 0;
            }
            if (j >= to || content.charAt(j) != ' ') return 0;
            while (j < to && content.charAt(j) == ' ') j++;
            if (j + 3 < to && content.charAt(j) == '[' && content.charAt(j + 2) == ']' && content.charAt(j + 3) == ' '
                    && " xX".indexOf(content.charAt(j + 1)) >= 0) {
                j += 4;
            }
            return j - i;
        }

        private static int lineEnd(String content, int i, int to) {
            while (i < to && content.charAt(i) != '\n') i++;
            return i;
        }

        private static int wordStart(String content, int i, int min) {
            while (i > min && !Character.isWhitespace(content.charAt(i - 1))) i--;
            return i;
        }

        private static int wordEnd(String content, int i, int max) {
            while (i < max && !Character.isWhitespace(content.charAt(i))) i++;
            return i;
        }
    }
}
