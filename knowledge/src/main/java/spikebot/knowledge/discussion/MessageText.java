package spikebot.knowledge.discussion;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a chat message's text must become before it goes into a note, and the Markdown escapes a discussion note's
 * own lines need. Three rules, each for a reason:
 * <ul>
 *   <li>Only {@code \n} ends a line, and nothing the note's file cannot hold survives: carriage returns, the
 *   Unicode line and paragraph separators (the index uses U+2029 to end a passage) and U+0085 become {@code \n};
 *   NUL and other control characters (a NUL makes the note unreadable as text) and lone surrogates (UTF-8 cannot
 *   write them) are dropped or replaced, tabs kept.</li>
 *   <li>Raw HTML is shown, not run: Discord never renders HTML, so {@code <b>} in a message is text someone typed;
 *   left raw, an unclosed {@code <!--} or {@code <div>} would hide or swallow the rest of the page in a Markdown
 *   viewer. Its {@code <} is backslash-escaped where commonmark would read HTML (never inside code, where a
 *   backslash would show).</li>
 *   <li>Names (authors, file names) are one line with Markdown punctuation escaped, so a display name like
 *   {@code **admin**} or {@code [x](y)} stays a name.</li>
 * </ul>
 */
final class MessageText {
    /** Characters a note's file cannot hold or that would end a line where the note does not. */
    private static final Pattern LINE_ENDS = Pattern.compile("\r\n|[\r\u0085\u2028\u2029]");
    private static final Pattern ASCII_PUNCTUATION = Pattern.compile("[!-/:-@\\[-`{-~]");
    private static final Parser MARKDOWN = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    /** Escaping HTML once can reveal other HTML only in contrived input; past this many rounds, every '<' goes. */
    private static final int HTML_ROUNDS = 4;

    private MessageText() {
    }

    /** A message's text as a note keeps it: clean characters, {@code \n} line ends, no leading or trailing blank lines. */
    static String clean(String text) {
        String lines = LINE_ENDS.matcher(text).replaceAll("\n");
        StringBuilder out = new StringBuilder(lines.length());
        for (int i = 0; i < lines.length(); i++) {
            char c = lines.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < lines.length() && Character.isLowSurrogate(lines.charAt(i + 1))) {
                out.append(c).append(lines.charAt(++i));
            } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                out.append('\uFFFD');
            } else if (c == '\n' || c == '\t' || !(c < 0x20 || (c >= 0x7F && c <= 0x9F))) {
                out.append(c);
            }
        }
        String cleaned = out.toString().replaceAll("^(?:[ \t]*\n)+", "").stripTrailing();
        return cleaned.isBlank() ? "" : cleaned;
    }

    /** A name on one line: controls dropped, line breaks as spaces, runs of white space as one, at most max chars. */
    static String oneLine(String name, int max) {
        String line = clean(name).replaceAll("\\s+", " ").strip();
        if (line.length() <= max) return line;
        int cut = Character.isLowSurrogate(line.charAt(max)) ? max - 1 : max;
        return line.substring(0, cut).stripTrailing() + "…";
    }

    /** A one-line name with every ASCII punctuation character backslash-escaped: it reads as written. */
    static String escaped(String name) {
        return ASCII_PUNCTUATION.matcher(name).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
    }

    /** The inverse of {@link #escaped}. */
    static String unescaped(String markdown) {
        return markdown.replaceAll("\\\\([!-/:-@\\[-`{-~])", "$1");
    }

    /** The text with each {@code <} that commonmark would read as the start of raw HTML escaped. */
    static String withoutHtml(String text) {
        if (text.indexOf('<') < 0) return text;
        String current = text;
        for (int round = 0; round < HTML_ROUNDS; round++) {
            TreeSet<Integer> at = htmlOpenings(current);
            if (at.isEmpty()) return current;
            StringBuilder out = new StringBuilder(current);
            for (int offset : at.descendingSet()) out.insert(offset, '\\');
            current = out.toString();
        }
        return htmlOpenings(current).isEmpty() ? current : current.replace("<", "&lt;");
    }

    /** Offsets in text of every '<' inside an HTML block or inline HTML. */
    private static TreeSet<Integer> htmlOpenings(String text) {
        int[] lineStarts = lineStarts(text);
        TreeSet<Integer> at = new TreeSet<>();
        MARKDOWN.parse(text).accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock block) {
                mark(block);
            }

            @Override
            public void visit(HtmlInline inline) {
                mark(inline);
            }

            private void mark(Node node) {
                for (SourceSpan span : node.getSourceSpans()) {
                    int from = lineStarts[span.getLineIndex()] + span.getColumnIndex();
                    for (int i = from; i < from + span.getLength() && i < text.length(); i++) {
                        if (text.charAt(i) == '<' && (i == 0 || text.charAt(i - 1) != '\\')) at.add(i);
                    }
                }
            }
        });
        return at;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts.add(i + 1);
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Every line behind "> " (an empty one as ">"): the message cannot end its quote, so it cannot fake a header. */
    static void quote(String text, StringBuilder out) {
        for (String line : text.split("\n", -1)) out.append(line.isEmpty() ? ">" : "> " + line).append('\n');
    }

    /** The inverse of {@link #quote} for one line; a line someone edited to "&gt;text" loses only the marker. */
    static String unquote(String line) {
        return line.startsWith("> ") ? line.substring(2) : line.substring(1);
    }

    /**
     * A link to a file, {@code [name](<url>)}; only http(s) links are links (a {@code javascript:} one is not), and a
     * URL's spaces, angle brackets and controls are percent-encoded so it stays one destination.
     */
    static String fileLink(String name, String url) {
        String label = escaped(oneLine(name, 200));
        if (label.isEmpty()) label = "file";
        String target = clean(url).strip();
        if (!target.matches("(?is)https?://.+")) return label + " (file not linked: not a web address)";
        StringBuilder safe = new StringBuilder();
        for (char c : target.toCharArray()) {
            if (c == '<' || c == '>' || c == '\\' || Character.isWhitespace(c)) safe.append(String.format("%%%02X", (int) c));
            else safe.append(c);
        }
        return "[" + label + "](<" + safe + ">)";
    }
}
