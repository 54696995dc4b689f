package spikebot.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import spikebot.knowledge.NoteKind;
import spikebot.knowledge.text.Passages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    /** The kinds of note that end in a verdict, and the headings it is written under. */
    private static final Set<NoteKind> DECIDING_KINDS = Set.of(NoteKind.SPIKE, NoteKind.PAPER_CHECK, NoteKind.DECISION);
    private static final String[] DECISIVE_SECTIONS = {"decision", "result", "outcome", "verdict", "conclusion"};
    /** How {@code Passages.indexText} writes a heading. */
    private static final String HEADING = "# ";

    /**
     * How much of a discussion's messages the highlighter reads: Lucene's default (10,000 characters) would never
     * reach the replies of a long thread. A thread's stored text is its messages without markup, code cut short.
     */
    static final int DISCUSSION_CHARS = 200_000;

    private final UnifiedHighlighter highlighter;
    /** For discussions: one passage per message, so that the best-matching message is shown, with its author. */
    private final UnifiedHighlighter messages;

    Snippets(Analyzer noteAnalyzer) {
        this.highlighter = UnifiedHighlighter.builderWithoutSearcher(noteAnalyzer)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), TARGET_CHARS, 0.3f))
                .withFormatter(new SnippetFormatter())
                .withMaxNoHighlightPassages(1)
                .build();
        this.messages = UnifiedHighlighter.builderWithoutSearcher(noteAnalyzer)
                .withBreakIterator(() -> new CustomSeparatorBreakIterator(NoteDocuments.POST_SEPARATOR))
                .withFormatter(new MessageFormatter())
                .withMaxNoHighlightPassages(1)
                .withMaxLength(DISCUSSION_CHARS)
                .build();
    }

    /**
     * The best passage of the body (the stored {@code Passages.indexText}); the title when the body is empty. For a
     * spike, paper check or decision record, the passage of its Decision, Result or Outcome section when that holds
     * any of the question's words: what was decided is what a reader came for, before any side remark. For a
     * discussion ({@link NoteDocuments#POSTS} as body), the message that matches best, after its author's name
     * ("bob: Use the digest…"); the opening message when none matches.
     */
    Snippet of(Query query, NoteKind kind, String title, String body) {
        if (body == null || body.isBlank()) return highlight(NoteDocuments.TITLE, query, title == null ? "" : title);
        if (kind == NoteKind.DISCUSSION) {
            try {
                Object snippet = messages.highlightWithoutSearcher(NoteDocuments.BODY, query, body, 1);
                if (snippet instanceof Snippet s) return s;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (DECIDING_KINDS.contains(kind)) {
            for (Section section : decisiveSections(body)) {
                Snippet found = highlight(NoteDocuments.BODY, query, section.text());
                if (!found.highlights().isEmpty()) return labelled(section.heading(), found);
            }
        }
        return highlight(NoteDocuments.BODY, query, body);
    }

    /** The text under each heading of the stored body named like a decision or result, in the note's order. */
    static List<Section> decisiveSections(String body) {
        List<Section> sections = new ArrayList<>();
        String heading = null; // of the decisive section being read; null outside one
        int from = 0;
        for (int at = 0; at < body.length(); ) {
            int end = body.indexOf(Passages.SEPARATOR, at);
            if (end < 0) end = body.length();
            if (body.startsWith(HEADING, at)) {
                if (heading != null && at > from) sections.add(new Section(heading, body.substring(from, at).strip()));
                String text = body.substring(at + HEADING.length(), end).strip();
                heading = new spikebot.knowledge.text.Passage(text, spikebot.knowledge.text.Passage.Kind.HEADING, text)
                        .inSection(DECISIVE_SECTIONS) ? text : null;
                from = end;
            }
            at = end + Passages.SEPARATOR.length();
        }
        if (heading != null && body.length() > from) sections.add(new Section(heading, body.substring(from).strip()));
        return sections;
    }

    /** "Decision: " before the snippet of that section, highlights moved along. */
    private static Snippet labelled(String heading, Snippet snippet) {
        String label = heading + (Character.isLetterOrDigit(heading.charAt(heading.length() - 1)) ? ": " : " ");
        List<Snippet.Span> spans = snippet.highlights().stream()
                .map(h -> new Snippet.Span(h.start() + label.length(), h.end() + label.length())).toList();
        return new Snippet(label + snippet.text(), spans);
    }

    /** A decisive section: its heading and the stored text under it. */
    record Section(String heading, String text) {
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

    /**
     * A discussion's passage is one message, "author\ntext": its snippet is cut from the text alone (so that it does
     * not start with "…" unless cut) and labelled with the author. A match in the author's name marks nothing.
     */
    static final class MessageFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            if (passages.length == 0) return null;
            Passage best = passages[0];
            int start = best.getStartOffset();
            int end = best.getEndOffset();
            if (end > start && content.charAt(end - 1) == NoteDocuments.POST_SEPARATOR) end--;
            int line = content.indexOf('\n', start);
            if (line < 0 || line >= end) return null;
            String author = content.substring(start, line).strip();
            String text = content.substring(line + 1, end);
            List<int[]> matches = new ArrayList<>();
            for (int i = 0; i < best.getNumMatches(); i++) {
                int from = best.getMatchStarts()[i] - line - 1;
                int to = Math.min(best.getMatchEnds()[i] - line - 1, text.length());
                if (from >= 0 && to > from) matches.add(new int[]{from, to});
            }
            Snippet snippet = SnippetFormatter.snippet(text, 0, text.length(), matches);
            return author.isEmpty() ? snippet : labelled(author, snippet);
        }
    }

    /**
     * Turns the highlighter's passage into a {@link Snippet}: whitespace collapsed, cut to length at sentence ends
     * around the matches, highlights widened to whole words.
     */
    static final class SnippetFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            if (passages.length == 0) return null;
            Passage best = passages[0];
            List<int[]> matches = new ArrayList<>();
            for (int i = 0; i < best.getNumMatches(); i++) {
                matches.add(new int[]{best.getMatchStarts()[i], best.getMatchEnds()[i]});
            }
            return snippet(content, underItsHeading(content, best.getStartOffset()), best.getEndOffset(), matches);
        }

        /**
         * Where a passage starting at from begins when it is taken with the heading right above it, so that it
         * reads "Findings: …" rather than starting cold; from itself when no heading is right above.
         */
        static int underItsHeading(String content, int from) {
            int before = from;
            while (before > 0 && Character.isWhitespace(content.charAt(before - 1))) before--;
            if (before == from || before == 0) return from;
            int lineStart = content.lastIndexOf('\n', before - 1) + 1;
            return content.startsWith(HEADING, lineStart) ? lineStart : from;
        }

        /**
         * The text [from, to) of content (a stored {@code Passages.indexText}) with the given matches (content
         * offsets), made presentable: whitespace and passage separators collapsed, a heading's "# " left out and the
         * heading read as a label ("Findings: …"), a list item's "- " left out (its ";" keeps items apart), cut to
         * length, a cut code span closed again.
         */
        static Snippet snippet(String content, int from, int to, List<int[]> matches) {
            matches = wholeWords(content, matches);
            if (to - from > MAX_CHARS) {
                int focus = matches.isEmpty() ? from : matches.get(0)[0];
                int start = Math.max(from, Math.min(focus - MAX_CHARS / 4, to - MAX_CHARS));
                int sentence = sentenceStart(content, start, focus);
                from = sentence >= 0 ? sentence : wordStart(content, start, from);
                int limit = Math.min(to, from + MAX_CHARS);
                int focusEnd = matches.isEmpty() ? from : matches.get(0)[1];
                int end = sentenceEnd(content, Math.max(focusEnd, from + TARGET_CHARS / 2), limit);
                to = end >= 0 ? end : wordEnd(content, limit, to);
            }
            // A passage may start on the full stop that ended the sentence before it.
            while (from > 0 && from < to && (Character.isWhitespace(content.charAt(from))
                    || ".,;:!?)".indexOf(content.charAt(from)) >= 0)) {
                from++;
            }
            StringBuilder text = new StringBuilder();
            if (from > 0) text.append('…');
            int[] at = new int[to - from + 1];
            int headingUntil = -1;
            boolean space = false;
            for (int i = from; i < to; i++) {
                at[i - from] = text.length();
                int marker = lineStart(content, i) ? markupLength(content, i, to) : 0;
                if (marker > 0) {
                    for (int k = 1; k < marker; k++) at[i - from + k] = text.length();
                    if (content.charAt(i) == '#') headingUntil = lineEnd(content, i + marker, to);
                    i += marker - 1;
                    continue;
                }
                char c = content.charAt(i);
                if (i == headingUntil) { // "# Findings" reads "Findings:"
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
            while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == ';')) end--;
            text.setLength(end);
            boolean cut = to < content.length() && !content.substring(to).isBlank();
            if (cut && openCode(text)) text.append("…`");
            else if (cut) text.append('…');
            List<Snippet.Span> spans = new ArrayList<>();
            for (int[] m : matches) {
                if (m[1] <= from || m[0] >= to) continue;
                int s = at[Math.max(m[0], from) - from], e = Math.min(at[Math.min(m[1], to) - from], end);
                if (e > s && (spans.isEmpty() || s >= spans.get(spans.size() - 1).end())) spans.add(new Snippet.Span(s, e));
            }
            return new Snippet(text.toString(), spans);
        }

        /**
         * The matches widened to whole words and merged: the analyzer splits "LightGBM" into "light", "gbm" and
         * "lightgbm", so a question's "gbm" matches inside the word, and a reader should see the word marked, not
         * "Light**GBM**".
         */
        static List<int[]> wholeWords(String content, List<int[]> matches) {
            List<int[]> sorted = new ArrayList<>();
            for (int[] m : matches) {
                int s = m[0], e = m[1];
                while (s > 0 && Character.isLetterOrDigit(content.charAt(s - 1))) s--;
                while (e < content.length() && Character.isLetterOrDigit(content.charAt(e))) e++;
                sorted.add(new int[]{s, e});
            }
            sorted.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
            List<int[]> out = new ArrayList<>();
            for (int[] m : sorted) {
                int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
                if (last != null && m[0] < last[1]) last[1] = Math.max(last[1], m[1]);
                else out.add(m);
            }
            return out;
        }

        /** Whether the text has a code span ("`…") that it does not close. */
        private static boolean openCode(CharSequence text) {
            int ticks = 0;
            for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '`') ticks++;
            return ticks % 2 == 1;
        }

        /** The first sentence start in [from, until]: just after ". ", "? ", "! ", "; " or a passage end. */
        private static int sentenceStart(String content, int from, int until) {
            for (int i = Math.max(from, 1); i <= until && i < content.length(); i++) {
                if (sentenceEndsAt(content, i - 1) && !Character.isWhitespace(content.charAt(i))) return i;
            }
            return -1;
        }

        /** The end (exclusive) of the last sentence that ends in [from, limit]; -1 when none does. */
        private static int sentenceEnd(String content, int from, int limit) {
            for (int i = limit; i > from; i--) {
                if (sentenceEndsAt(content, i - 1)) return i;
            }
            return -1;
        }

        /** Whether a sentence or passage ends with the character at i (followed by white space). */
        private static boolean sentenceEndsAt(String content, int i) {
            char c = content.charAt(i);
            if (c == '\u2029') return true;
            return ".?!;".indexOf(c) >= 0 && i + 1 < content.length() && Character.isWhitespace(content.charAt(i + 1));
        }

        private static boolean lineStart(String content, int i) {
            return i == 0 || content.charAt(i - 1) == '\n';
        }

        /** How many characters of markup start a stored line at i: a heading's "# ", a list item's "- ". */
        private static int markupLength(String content, int i, int to) {
            if (i + 1 < to && (content.charAt(i) == '#' || content.charAt(i) == '-') && content.charAt(i + 1) == ' ') {
                return 2;
            }
            return 0;
        }

        /** Where the stored line from i ends: at its passage separator. */
        private static int lineEnd(String content, int i, int to) {
            while (i < to && content.charAt(i) != '\n' && content.charAt(i) != '\u2029') i++;
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
