package spikebot.knowledge;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a note: front matter, YAML between two {@code ---} lines or TOML between two {@code +++} lines
 * ({@link FrontMatter}), then Markdown. A file without front matter is still a note (kind {@code note}).
 *
 * <p>Only what makes the whole file unreadable is a {@link MalformedNoteException}: front matter that is not valid
 * YAML or TOML, an unclosed fence, binary or empty content. A single value that cannot be read is a warning and
 * the note is read without it ({@link NoteFields}).
 *
 * <p>The title is the front matter's; else the first level-1 heading (a level-2 heading names a section, and in an
 * Obsidian vault the file name is the title); else the file name with dashes and underscores made spaces (the
 * folder's name for {@code index.md}, {@code _index.md} and {@code README.md}, a Jekyll date left out).
 */
public final class NoteParser {
    /** Front matter is a handful of keys; anything this large is not front matter. */
    static final int MAX_FRONT_MATTER_CHARS = FrontMatter.MAX_CHARS;

    /** An ATX level-1 heading: '#', a space, the text; "#hashtag" is not a heading. */
    private static final Pattern H1 = Pattern.compile("#(?:\\s+(.*?))?(?:\\s+#+)?\\s*");
    /** A setext level-1 underline. */
    private static final Pattern SETEXT_H1 = Pattern.compile("=+\\s*");
    /** Names that stand for their folder: the folder's page. */
    private static final Set<String> FOLDER_PAGES = Set.of("index", "_index", "readme");
    private static final Pattern EXTENSION = Pattern.compile("(?i)\\.(md|markdown|ipynb)$");
    private static final Pattern JEKYLL_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}-(?=.)");

    private NoteParser() {
    }

    /**
     * The note a Markdown file holds, without its warnings; see {@link #read}.
     *
     * @param text the whole file
     * @param path relative path (or file name), for the title when there is no other, and for dates and kinds that
     *             tools put in names and folders
     */
    public static Note parse(String text, String path) throws MalformedNoteException {
        return read(text, path).note();
    }

    /** The note a Markdown file holds, with a warning for each value it is read without. */
    public static ParsedNote read(String text, String path) throws MalformedNoteException {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) throw new MalformedNoteException(0, "empty file: nothing to index");
        if (text.indexOf('\0') >= 0) {
            throw new MalformedNoteException(lineAt(text, text.indexOf('\0')),
                    "binary file (contains NUL bytes), not a Markdown note");
        }
        String[] lines = text.split("\r?\n", -1);
        String fence = lines[0].stripTrailing();
        if (!fence.equals("---") && !fence.equals("+++")) {
            String body = text.replace("\r\n", "\n").strip();
            return NoteFields.read(FrontMatter.Fields.NONE, path, body, 1 + leadingBlankLines(lines, 0),
                    title(body, path));
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            // Only an unindented fence closes: an indented one belongs to a block scalar.
            if (lines[i].stripTrailing().equals(fence)) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new MalformedNoteException(1, "front matter starts with '" + fence + "' but has no closing '"
                    + fence + "' line");
        }
        // Each front-matter line ends with a line break in the file, the last one included (a block scalar keeps it).
        String frontMatter = String.join("\n", Arrays.copyOfRange(lines, 1, end)) + "\n";
        if (frontMatter.length() > MAX_FRONT_MATTER_CHARS) {
            throw new MalformedNoteException(1, "front matter is " + frontMatter.length() / 1024 + " KB, larger than "
                    + "the " + MAX_FRONT_MATTER_CHARS / 1024 + " KB it may be (is the closing '" + fence
                    + "' missing?)");
        }
        String body = String.join("\n", Arrays.copyOfRange(lines, end + 1, lines.length)).strip();
        FrontMatter.Fields fields = fence.equals("---")
                ? FrontMatter.yaml(frontMatter, 2, NoteFields.TEXT_KEYS)
                : FrontMatter.toml(frontMatter, 2, NoteFields.TEXT_KEYS);
        return NoteFields.read(fields, path, body, end + 2 + leadingBlankLines(lines, end + 1), title(body, path));
    }

    /** The first level-1 heading outside code blocks, else the file's name made readable. */
    static String title(String body, String path) {
        String heading = firstH1(body);
        return heading != null ? heading : titleFromPath(path);
    }

    private static String firstH1(String body) {
        boolean inCode = false;
        String previous = "";
        for (String line : body.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) inCode = !inCode;
            if (inCode) {
                previous = "";
                continue;
            }
            var atx = H1.matcher(stripped);
            boolean indentedAsCode = line.length() - line.stripLeading().length() > 3;
            if (!indentedAsCode && atx.matches() && atx.group(1) != null && !atx.group(1).isBlank()) {
                return atx.group(1).strip();
            }
            if (SETEXT_H1.matcher(stripped).matches() && !previous.isBlank() && !line.startsWith("    ")
                    && !previous.startsWith("#")) {
                return previous.strip();
            }
            previous = stripped;
        }
        return null;
    }

    /** "notes/sql_baseline-beats-lstm.md" reads "sql baseline beats lstm"; "adr/README.md" reads "adr". */
    static String titleFromPath(String path) {
        List<String> segments = Arrays.stream((path == null ? "" : path).split("/")).filter(s -> !s.isEmpty())
                .toList();
        String name = segments.isEmpty() ? "" : EXTENSION.matcher(segments.get(segments.size() - 1)).replaceFirst("");
        if (FOLDER_PAGES.contains(name.toLowerCase(Locale.ROOT)) && segments.size() > 1) {
            name = segments.get(segments.size() - 2);
        }
        name = JEKYLL_DATE.matcher(name).replaceFirst("").replace('-', ' ').replace('_', ' ').strip();
        return name.isEmpty() ? "Untitled note" : name;
    }

    private static int leadingBlankLines(String[] lines, int from) {
        int n = 0;
        while (from + n < lines.length && lines[from + n].isBlank()) n++;
        return n;
    }

    static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }
}
