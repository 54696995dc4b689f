package spikebot.knowledge;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a note: YAML front matter between two {@code ---} lines, then Markdown. A file without front matter is
 * still a note (kind {@code note}), titled by its first heading or its file name.
 *
 * <p>The front matter is read token by token rather than mapped, for three reasons: the fields Spikebot knows keep
 * the text as written ({@code title: 1.10} stays "1.10", {@code title: yes} stays "yes"), every report carries the
 * line of the key it is about, and hostile YAML costs a report, not the process: the size is bounded before
 * parsing, nesting is bounded while walking, and aliases are refused, so "billion laughs" has nothing to expand.
 */
public final class NoteParser {
    /** Front matter is a handful of keys; anything this large is not front matter. */
    static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;
    /** Real front matter nests two or three levels; the bound keeps the walk's recursion shallow. */
    static final int MAX_NESTING = 32;

    private static final Set<String> KNOWN_KEYS =
            Set.of("kind", "title", "date", "authors", "author", "tags", "outcome", "timebox", "paper", "link");
    /** A date, optionally followed by a time, as YAML timestamps and people write it. */
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})([T ].*)?");
    /** An ATX heading: one to six '#' then a space (or nothing); "#hashtag" is not a heading. */
    private static final Pattern HEADING = Pattern.compile("#{1,6}(?:\\s+(.*?))?(?:\\s+#+)?\\s*");
    private static final YAMLFactory YAML = new YAMLFactory();

    private NoteParser() {
    }

    /**
     * @param text     the whole file
     * @param fileName used for the title when the note has neither front matter title nor heading
     */
    public static Note parse(String text, String fileName) throws MalformedNoteException {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) throw new MalformedNoteException(0, "empty file: nothing to index");
        if (text.indexOf('\0') >= 0) {
            throw new MalformedNoteException(lineAt(text, text.indexOf('\0')),
                    "binary file (contains NUL bytes), not a Markdown note");
        }
        String[] lines = text.split("\r?\n", -1);
        if (!lines[0].stripTrailing().equals("---")) {
            String body = text.replace("\r\n", "\n").strip();
            return new Note(NoteKind.NOTE, titleFromBody(body, fileName), null, List.of(), List.of(), null, null,
                    null, null, Map.of(), body);
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            // Only an unindented '---' closes: an indented one belongs to a block scalar.
            if (lines[i].stripTrailing().equals("---")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new MalformedNoteException(1, "front matter starts with '---' but has no closing '---' line");
        }
        // Each front-matter line ends with a line break in the file, the last one included (a block scalar keeps it).
        String yaml = String.join("\n", Arrays.copyOfRange(lines, 1, end)) + "\n";
        if (yaml.length() > MAX_FRONT_MATTER_CHARS) {
            throw new MalformedNoteException(1, "front matter is " + yaml.length() / 1024 + " KB, larger than the "
                    + MAX_FRONT_MATTER_CHARS / 1024 + " KB it may be (is the closing '---' missing?)");
        }
        String body = String.join("\n", Arrays.copyOfRange(lines, end + 1, lines.length)).strip();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        Map<String, Object> fields = readFrontMatter(yaml, keyLines);
        return fromFields(fields, keyLines, body, fileName);
    }

    /** The front matter as a map; {@code keyLines} receives the file line of every top-level key. */
    private static Map<String, Object> readFrontMatter(String yaml, Map<String, Integer> keyLines)
            throws MalformedNoteException {
        if (yaml.isBlank()) return Map.of();
        try (JsonParser parser = YAML.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) return Map.of();
            if (first != JsonToken.START_OBJECT) {
                throw new MalformedNoteException(fileLine(parser, yaml), "front matter must be 'key: value' lines, "
                        + (first == JsonToken.START_ARRAY ? "found a list"
                        : "found a single value (is the ':' after a key missing?)"));
            }
            Map<String, Object> fields = readMap(parser, yaml, 1, keyLines);
            if (parser.nextToken() != null) {
                throw new MalformedNoteException(fileLine(parser, yaml), "front matter holds a second YAML document "
                        + "(remove the '...' line)");
            }
            return fields;
        } catch (JacksonException e) {
            throw yamlProblem(e, yaml);
        } catch (IOException e) {
            throw new MalformedNoteException(1, "front matter could not be read: " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            // SnakeYAML signals some limits with unchecked exceptions of its own.
            throw new MalformedNoteException(1, "front matter is not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    /** Reads a map whose START_OBJECT is the current token. Top-level values of known keys keep their text. */
    private static Map<String, Object> readMap(JsonParser parser, String yaml, int depth,
                                               Map<String, Integer> keyLines)
            throws IOException, MalformedNoteException {
        Map<String, Object> map = new LinkedHashMap<>();
        Map<String, Integer> lines = keyLines != null ? keyLines : new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int line = fileLine(parser, yaml);
            Integer earlier = lines.putIfAbsent(key, line);
            if (earlier != null) {
                throw new MalformedNoteException(line, "key '" + shown(key) + "' appears twice (first on line "
                        + earlier + "); keep one");
            }
            parser.nextToken();
            boolean asText = keyLines != null && KNOWN_KEYS.contains(key);
            map.put(key, readValue(parser, yaml, depth, asText));
        }
        return map;
    }

    private static Object readValue(JsonParser parser, String yaml, int depth, boolean asText)
            throws IOException, MalformedNoteException {
        if (parser instanceof YAMLParser yamlParser && yamlParser.isCurrentAlias()) {
            throw new MalformedNoteException(fileLine(parser, yaml), "front matter uses the YAML alias '*"
                    + shown(parser.getText()) + "'; write the value out instead");
        }
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            if (depth >= MAX_NESTING) {
                throw new MalformedNoteException(fileLine(parser, yaml), "front matter is nested more than "
                        + MAX_NESTING + " levels deep");
            }
            if (token == JsonToken.START_OBJECT) return readMap(parser, yaml, depth + 1, null);
            List<Object> list = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) list.add(readValue(parser, yaml, depth + 1, asText));
            return list;
        }
        if (token == JsonToken.VALUE_NULL) return null;
        if (asText || token == JsonToken.VALUE_STRING) return parser.getText();
        return switch (token) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT -> number(parser, false);
            case VALUE_NUMBER_FLOAT -> number(parser, true);
            default -> parser.getText(); // e.g. !!binary: keep what was written
        };
    }

    /** Numbers of unknown keys stay numbers (written back the same); one Java cannot hold stays text. */
    private static Object number(JsonParser parser, boolean decimal) throws IOException {
        try {
            return decimal ? parser.getDecimalValue() : parser.getNumberValue();
        } catch (JacksonException | NumberFormatException e) {
            return parser.getText(); // .inf, .nan
        }
    }

    private static Note fromFields(Map<String, Object> fields, Map<String, Integer> keyLines, String body,
                                   String fileName) throws MalformedNoteException {
        Fields f = new Fields(fields, keyLines);
        String kindText = f.text("kind");
        NoteKind kind = NoteKind.NOTE;
        if (kindText != null) {
            kind = NoteKind.parse(kindText).orElseThrow(() -> new MalformedNoteException(f.line("kind"),
                    "unknown kind '" + shown(kindText) + "' (expected one of " + NoteKind.ids() + ")"));
        }
        String title = f.text("title");
        if (title == null) title = titleFromBody(body, fileName);

        LocalDate date = null;
        String dateText = f.text("date");
        if (dateText != null) {
            var match = DATE.matcher(dateText);
            try {
                if (!match.matches()) throw new DateTimeParseException("not a date", dateText, 0);
                date = LocalDate.parse(match.group(1));
            } catch (DateTimeParseException e) {
                throw new MalformedNoteException(f.line("date"),
                        "date '" + shown(dateText) + "' is not a date like 2025-03-12 (year-month-day)");
            }
        }
        List<String> authors = new ArrayList<>(f.list("authors"));
        authors.addAll(f.list("author"));
        List<String> tags = f.list("tags");

        String outcome = f.text("outcome");
        if (outcome != null) outcome = outcome.toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
        if (outcome != null && !kind.accepts(outcome)) {
            String expected = kind.outcomes().isEmpty() ? "it takes none: remove the outcome line"
                    : "expected one of " + String.join(", ", kind.outcomes());
            throw new MalformedNoteException(f.line("outcome"), "outcome '" + shown(outcome)
                    + "' does not fit kind " + kind.id() + " (" + expected + ")");
        }
        if ("none".equals(outcome)) outcome = null;

        Map<String, Object> extra = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (!KNOWN_KEYS.contains(k)) extra.put(k, v);
        });
        return new Note(kind, title, date, authors, tags, outcome, f.text("timebox"), f.text("paper"),
                f.text("link"), extra, body);
    }

    /** The known fields of the front matter, read with reports that name the key and its line. */
    private record Fields(Map<String, Object> values, Map<String, Integer> lines) {
        int line(String key) {
            return lines.getOrDefault(key, 1);
        }

        /** A single value, stripped; null when missing or blank. */
        String text(String key) throws MalformedNoteException {
            Object value = values.get(key);
            if (value == null) return null;
            if (value instanceof Map || value instanceof List) {
                throw new MalformedNoteException(line(key), "'" + key + "' must be a single value, not a "
                        + (value instanceof Map ? "map" : "list") + " (write '" + key + ": …' on one line)");
            }
            String text = value.toString().strip();
            return text.isEmpty() ? null : text;
        }

        /** A list like [a, b], or a single comma-separated value. */
        List<String> list(String key) throws MalformedNoteException {
            Object value = values.get(key);
            List<String> out = new ArrayList<>();
            if (value == null) return out;
            if (value instanceof Map) {
                throw new MalformedNoteException(line(key), "'" + key + "' must be a list like [a, b], not a map");
            }
            List<?> items = value instanceof List<?> list ? list : Arrays.asList(value.toString().split(","));
            for (Object item : items) {
                if (item instanceof Map || item instanceof List) {
                    throw new MalformedNoteException(line(key), "'" + key + "' must be a flat list of names "
                            + "like [a, b]; one item is itself a " + (item instanceof Map ? "map" : "list"));
                }
                if (item != null && !item.toString().isBlank()) out.add(item.toString().strip());
            }
            return out;
        }
    }

    /** A report for YAML the parser rejected, at the line SnakeYAML points to, in words a person can act on. */
    private static MalformedNoteException yamlProblem(JacksonException e, String yaml) {
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            int line = fileLine(yaml, marked.getProblemMark().getIndex());
            String problem = firstLine(marked.getProblem());
            String context = marked.getContext() == null ? "" : marked.getContext();
            if (marked.getContextMark() != null) {
                // Something opened and never closed: the place to fix is where it opened.
                int opened = fileLine(yaml, marked.getContextMark().getIndex());
                String what = context.startsWith("while parsing a flow sequence") ? "list opened with '['"
                        : context.startsWith("while parsing a flow mapping") ? "map opened with '{'"
                        : context.startsWith("while scanning a quoted scalar") ? "quoted value" : null;
                if (what != null) {
                    return new MalformedNoteException(opened, "front matter is not valid YAML: the " + what
                            + " is not closed (" + problem + " on line " + line + ")");
                }
            }
            return new MalformedNoteException(line, "front matter is not valid YAML: " + explain(problem));
        }
        if (cause instanceof ReaderException unreadable) {
            int line = fileLine(yaml, unreadable.getPosition());
            return new MalformedNoteException(line, String.format(
                    "front matter contains the control character U+%04X, which YAML does not allow",
                    unreadable.getCodePoint()));
        }
        int line = e.getLocation() == null ? 1 : fileLine(yaml, (int) e.getLocation().getCharOffset());
        String message = firstLine(e.getOriginalMessage());
        if (message.startsWith("Expected a field name")) message = "a key must be a plain word, not a list or map";
        if (message.contains("base64")) message = "a '!!binary' value is not valid base64";
        return new MalformedNoteException(line, "front matter is not valid YAML: " + message);
    }

    /** SnakeYAML's words, with the likely cause for the mistakes people make most. */
    private static String explain(String problem) {
        if (problem.contains("\\t(TAB)")) return "a tab where YAML needs spaces (indent with spaces)";
        var indicator = Pattern.compile("found character '(.)' that cannot start any token.*").matcher(problem);
        if (indicator.matches()) {
            return "a value cannot start with '" + indicator.group(1) + "' unless it is quoted"
                    + (indicator.group(1).equals("@") ? " (write \"@alice\")" : " (put the value in quotes)");
        }
        if (problem.startsWith("mapping values are not allowed")) {
            return problem + " (a ': ' inside a value? put the value in quotes; or a line indented by mistake?)";
        }
        if (problem.startsWith("found unknown escape character")) {
            return problem + " (in double quotes a backslash starts an escape: write \\\\ or use single quotes)";
        }
        if (problem.startsWith("could not find expected ':'")) return problem + " (each line is 'key: value')";
        return problem;
    }

    private static int fileLine(JsonParser parser, String yaml) {
        return fileLine(yaml, (int) parser.currentTokenLocation().getCharOffset());
    }

    /**
     * The file line of a position in the front matter, counted in '\n' as editors count. SnakeYAML's own line
     * numbers also break at U+0085, U+2028 and U+2029, so only its code-point index is trusted.
     */
    private static int fileLine(String yaml, int codePointIndex) {
        if (codePointIndex < 0) return 1;
        int chars = codePointIndex >= yaml.codePointCount(0, yaml.length()) ? yaml.length()
                : yaml.offsetByCodePoints(0, codePointIndex);
        return lineAt(yaml, chars) + 1; // YAML line 1 is file line 2, after the opening '---'
    }

    private static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    /** The first heading outside code blocks, else the file name made readable. */
    private static String titleFromBody(String body, String fileName) {
        boolean inCode = false;
        for (String line : body.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) inCode = !inCode;
            if (inCode) continue;
            var heading = HEADING.matcher(stripped);
            if (heading.matches() && heading.group(1) != null && !heading.group(1).isBlank()) {
                return heading.group(1).strip();
            }
        }
        String name = fileName == null ? "" : fileName.substring(fileName.lastIndexOf('/') + 1);
        name = name.replaceFirst("(?i)\\.(md|markdown)$", "").replace('-', ' ').replace('_', ' ').strip();
        return name.isEmpty() ? "Untitled note" : name;
    }

    /** A value from the file, quoted in a report: on one line, and short. */
    private static String shown(String value) {
        return shown(value, 60);
    }

    private static String shown(String value, int length) {
        String line = value.codePoints()
                .mapToObj(c -> Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                        ? String.format("\\u%04X", c) : Character.toString(c))
                .collect(java.util.stream.Collectors.joining());
        return line.length() > length ? line.substring(0, length) + "…" : line;
    }

    private static String firstLine(String message) {
        if (message == null) return "unknown error";
        return shown(message.lines().findFirst().orElse(message).strip(), 200);
    }
}
