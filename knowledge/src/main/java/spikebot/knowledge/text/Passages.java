package spikebot.knowledge.text;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A note's Markdown body as plain, readable passages: what is indexed as text and what snippets are cut from, so
 * that neither shows markup. commonmark-java (with GFM tables) parses the Markdown; what it leaves as text but no
 * reader wants is removed around it:
 * <ul>
 *   <li>HTML tags and comments ({@code <img …/>}, {@code <!--more-->}), scripts and styles with their content;
 *   text inside HTML blocks is kept;</li>
 *   <li>Liquid ({@code {% … %}}, {@code {{ … }}}, also Hugo's shortcodes) and kramdown attributes
 *   ({@code {:.image-caption}});</li>
 *   <li>Obsidian wiki links {@code [[target|label]]}, shown as their label (or target); embedded images
 *   ({@code ![[plot.png]]}) and Markdown images are dropped;</li>
 *   <li>a checklist's {@code [ ]}/{@code [x]}: each item stays its own passage, never run into the next.</li>
 * </ul>
 * Code is kept short ({@value #CODE_LINES} lines at most) and marked as {@link Passage.Kind#CODE}, except in
 * {@link #searchText}, which keeps every word a note can be found by.
 *
 * <p>Limits: Liquid and wiki-link syntax is removed only outside fenced code; nesting deeper than
 * {@value #MAX_DEPTH} blocks (hostile input) is read as flat text. Alternatives: flexmark-java parses more dialects
 * but is heavier; a regex stripper cannot tell code from text or a table from a paragraph.
 */
public final class Passages {
    /** Code blocks are kept to their first lines: enough to recognise the code, not enough to drown the text. */
    static final int CODE_LINES = 6;
    static final int CODE_CHARS = 400;
    static final int MAX_DEPTH = 50;
    /**
     * Between passages in {@link #indexText}: a paragraph separator, which ends a sentence for the JDK's sentence
     * BreakIterator (a line break does not), so that a snippet never runs two passages together; then a line break,
     * so that each passage starts a line.
     */
    public static final String SEPARATOR = "\u2029\n";

    private static final Parser MARKDOWN = Parser.builder()
            .extensions(List.of(org.commonmark.ext.gfm.tables.TablesExtension.create())).build();
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern LIQUID = Pattern.compile("\\{%.*?%}|\\{\\{.*?}}", Pattern.DOTALL);
    private static final Pattern KRAMDOWN = Pattern.compile("\\{::?[^}\\n]*}");
    private static final Pattern WIKI_LINK = Pattern.compile("(!?)\\[\\[([^\\]\\n|]+?)(?:\\|([^\\]\\n]*))?]]");
    private static final Pattern IMAGE_FILE = Pattern.compile("(?i).*\\.(png|jpe?g|gif|svg|webp|bmp|pdf|mp4)$");
    private static final Pattern TASK = Pattern.compile("^\\[[ xX]]\\s+");
    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?(-->|$)");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^<>]*>");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0]+");

    private Passages() {
    }

    /** The passages of a Markdown text, in order. */
    public static List<Passage> of(String markdown) {
        return of(markdown, false);
    }

    private static List<Passage> of(String markdown, boolean wholeCode) {
        if (markdown == null || markdown.isBlank()) return List.of();
        Walk walk = new Walk(wholeCode);
        walk.blocks(MARKDOWN.parse(clean(markdown)), 0);
        return walk.passages;
    }

    /**
     * The text of a note to index and store for snippets: the passages, each on its own line and ended by
     * {@link #SEPARATOR}; a heading as "# text" and a list item as "- text;" (a table row as "a · b;") so that the
     * words stay the note's and a snippet can still show a heading as a heading and items apart; code as
     * {@code `first lines`} on one line.
     */
    public static String indexText(String markdown) {
        return of(markdown).stream().map(Passages::indexLine).collect(Collectors.joining(SEPARATOR));
    }

    /**
     * The words a note is searched by: {@link #indexText} with each code block whole. Cutting code to its first
     * lines is for what is shown (snippets) and embedded; in the search it dropped what a note names further down
     * its code: a TIL on building Go binaries names Linux three times, all in its release settings, and the cut
     * kept one, so "go linux" found a Kali Linux note first (real-notes tuning half, bm25: 32 of 49 first, MRR
     * 0.758, with code cut; 34, 0.771 whole; the reporting half was unchanged). Vectors are still made from the
     * short text ({@link #indexText}).
     */
    public static String searchText(String markdown) {
        return of(markdown, true).stream().map(Passages::indexLine).collect(Collectors.joining(SEPARATOR));
    }

    private static String indexLine(Passage p) {
        return switch (p.kind()) {
            case HEADING -> "# " + p.text();
            case LIST_ITEM -> "- " + ended(p.text());
            case TABLE_ROW -> ended(p.text());
            case CODE -> "`" + SPACE.matcher(p.text()).replaceAll(" ") + "`";
            default -> p.text();
        };
    }

    /**
     * An item or row ends with punctuation, so that where a snippet shows two of them on one line they read as two
     * ("installs; runs on our data"), not as one sentence.
     */
    private static String ended(String text) {
        return ".!?;:…".indexOf(text.charAt(text.length() - 1)) >= 0 ? text : text + ";";
    }

    /** Removes Liquid, kramdown attributes and wiki links outside fenced code; commonmark does the rest. */
    static String clean(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length());
        StringBuilder prose = new StringBuilder();
        String fence = null;
        for (String line : markdown.split("\n", -1)) {
            Matcher open = FENCE.matcher(line);
            if (fence == null && open.find()) {
                out.append(cleanProse(prose.toString()));
                prose.setLength(0);
                fence = open.group(1).substring(0, 3);
                out.append(line).append('\n');
            } else if (fence != null) {
                if (line.strip().startsWith(fence)) fence = null;
                out.append(line).append('\n');
            } else {
                prose.append(line).append('\n');
            }
        }
        return out.append(cleanProse(prose.toString())).toString();
    }

    private static String cleanProse(String text) {
        // Most notes have none of these: a look for the opening characters saves the regular expressions' scan.
        if (text.contains("{%") || text.contains("{{")) text = LIQUID.matcher(text).replaceAll("");
        if (text.contains("{:")) text = KRAMDOWN.matcher(text).replaceAll("");
        if (!text.contains("[[")) return text;
        Matcher link = WIKI_LINK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (link.find()) {
            String target = link.group(2).strip();
            String shown = link.group(3) != null && !link.group(3).isBlank() ? link.group(3).strip()
                    : target.replace('#', ' ').strip();
            if (!link.group(1).isEmpty() && IMAGE_FILE.matcher(target).matches()) shown = "";
            link.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        link.appendTail(out);
        return out.toString();
    }

    /** One walk over the parsed blocks, keeping the current section. */
    private static final class Walk {
        final List<Passage> passages = new ArrayList<>();
        final boolean wholeCode;
        String section;

        Walk(boolean wholeCode) {
            this.wholeCode = wholeCode;
        }

        void blocks(Node parent, int depth) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) block(node, depth);
        }

        void block(Node node, int depth) {
            if (depth > MAX_DEPTH) {
                add(inline(node, 0), Passage.Kind.PARAGRAPH);
                return;
            }
            switch (node) {
                case Heading heading -> {
                    String text = oneLine(inline(heading, 0));
                    if (!text.isEmpty()) {
                        section = text;
                        add(text, Passage.Kind.HEADING);
                    }
                }
                case Paragraph paragraph -> add(inline(paragraph, 0), Passage.Kind.PARAGRAPH);
                case ListBlock list -> {
                    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                        listItem(item, depth + 1);
                    }
                }
                case FencedCodeBlock code -> code(code.getLiteral());
                case IndentedCodeBlock code -> code(code.getLiteral());
                case HtmlBlock html -> add(htmlText(html.getLiteral()), Passage.Kind.PARAGRAPH);
                case TableBlock table -> tableRows(table);
                case BlockQuote quote -> blocks(quote, depth + 1);
                default -> blocks(node, depth + 1); // document, custom blocks; thematic breaks have no children
            }
        }

        /** An item's own text is one passage; lists and code inside it are passages of their own. */
        void listItem(Node item, int depth) {
            if (!(item instanceof ListItem)) {
                block(item, depth);
                return;
            }
            StringBuilder text = new StringBuilder();
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Paragraph paragraph) {
                    text.append(text.isEmpty() ? "" : " ").append(inline(paragraph, 0));
                } else {
                    add(TASK.matcher(oneLine(text.toString())).replaceFirst(""), Passage.Kind.LIST_ITEM);
                    text.setLength(0);
                    block(child, depth + 1);
                }
            }
            add(TASK.matcher(oneLine(text.toString())).replaceFirst(""), Passage.Kind.LIST_ITEM);
        }

        void tableRows(Node node) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof TableRow row) {
                    List<String> cells = new ArrayList<>();
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        String text = oneLine(inline(cell, 0));
                        if (!text.isEmpty()) cells.add(text);
                    }
                    add(String.join(" · ", cells), Passage.Kind.TABLE_ROW);
                } else {
                    tableRows(child); // head, body
                }
            }
        }

        void code(String literal) {
            List<String> lines = literal.strip().lines().map(String::stripTrailing).toList();
            if (wholeCode) {
                if (!lines.isEmpty()) passages.add(new Passage(String.join("\n", lines), Passage.Kind.CODE, section));
                return;
            }
            String text = String.join("\n", lines.subList(0, Math.min(lines.size(), CODE_LINES)));
            boolean cut = lines.size() > CODE_LINES || text.length() > CODE_CHARS;
            if (text.length() > CODE_CHARS) text = text.substring(0, CODE_CHARS);
            if (!text.isBlank()) passages.add(new Passage(cut ? text + "…" : text, Passage.Kind.CODE, section));
        }

        void add(String text, Passage.Kind kind) {
            String line = oneLine(text);
            if (!line.isEmpty()) passages.add(new Passage(line, kind, kind == Passage.Kind.HEADING ? line : section));
        }
    }

    /** The visible text of inline content: link labels, code text; images and HTML tags dropped. */
    private static String inline(Node parent, int depth) {
        StringBuilder out = new StringBuilder();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            switch (node) {
                case Text text -> out.append(text.getLiteral());
                case Code code -> out.append(code.getLiteral());
                case SoftLineBreak ignored -> out.append(' ');
                case HardLineBreak ignored -> out.append(' ');
                case Image ignored -> out.append(' ');
                case HtmlInline ignored -> out.append(' ');
                default -> {
                    if (depth < MAX_DEPTH) out.append(inline(node, depth + 1));
                    if (node instanceof Paragraph || node instanceof Heading) out.append(' ');
                }
            }
        }
        return out.toString();
    }

    /** The text inside raw HTML: without scripts, styles, comments and tags, entities decoded. */
    static String htmlText(String html) {
        String text = SCRIPT.matcher(html).replaceAll(" ");
        text = COMMENT.matcher(text).replaceAll(" ");
        text = TAG.matcher(text).replaceAll(" ");
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    private static String oneLine(String text) {
        return SPACE.matcher(text).replaceAll(" ").strip();
    }
}
