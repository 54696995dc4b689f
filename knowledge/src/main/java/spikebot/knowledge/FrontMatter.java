package spikebot.knowledge;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the front matter of a note into a map: YAML between {@code ---} lines (Jekyll, Obsidian, MkDocs, Dendron,
 * Spikebot's own notes) or TOML between {@code +++} lines (Hugo, Zola).
 *
 * <p>YAML is read token by token rather than mapped, for three reasons: the fields Spikebot reads as text keep the
 * text as written ({@code title: 1.10} stays "1.10", {@code title: yes} stays "yes"), every report carries the line
 * of the key it is about, and hostile YAML costs a report, not the process: the size is bounded before parsing,
 * nesting is bounded while walking, and aliases are refused, so "billion laughs" has nothing to expand. TOML has
 * neither aliases nor YAML's guessing of types; Jackson's TOML module reads it whole (it exposes no positions, so a
 * key's line is found by its {@code key =} line).
 */
final class FrontMatter {
    /** Front matter is a handful of keys; anything this large is not front matter. */
    static final int MAX_CHARS = 64 * 1024;
    /** Real front matter nests two or three levels; the bound keeps the walk's recursion shallow. */
    static final int MAX_NESTING = 32;

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final TomlMapper TOML = new TomlMapper();

    /**
     * What the front matter holds.
     *
     * @param values   top-level keys in the order written; values are text, numbers, booleans, null, lists and maps
     * @param keyLines the file line of every top-level key
     */
    record Fields(Map<String, Object> values, Map<String, Integer> keyLines) {
        static final Fields NONE = new Fields(Map.of(), Map.of());
    }

    private FrontMatter() {
    }

    /**
     * @param text      the front matter without its fence lines, each line ending with a line break
     * @param firstLine the file line of its first line
     * @param textKeys  top-level keys whose scalar values are kept as written (text), not typed
     */
    static Fields yaml(String text, int firstLine, Set<String> textKeys) throws MalformedNoteException {
        if (text.isBlank()) return Fields.NONE;
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        Yaml reader = new Yaml(text, firstLine, textKeys);
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) return Fields.NONE;
            if (first != JsonToken.START_OBJECT) {
                throw new MalformedNoteException(reader.line(parser), "front matter must be 'key: value' lines, "
                        + (first == JsonToken.START_ARRAY ? "found a list"
                        : "found a single value (is the ':' after a key missing?)"));
            }
            Map<String, Object> values = reader.map(parser, 1, keyLines);
            if (parser.nextToken() != null) {
                throw new MalformedNoteException(reader.line(parser), "front matter holds a second YAML document "
                        + "(remove the '...' line)");
            }
            return new Fields(values, keyLines);
        } catch (JacksonException e) {
            throw reader.problem(e);
        } catch (IOException e) {
            throw new MalformedNoteException(firstLine - 1, "front matter could not be read: "
                    + Shown.firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            // SnakeYAML signals some limits with unchecked exceptions of its own.
            throw new MalformedNoteException(firstLine - 1, "front matter is not valid YAML: "
                    + Shown.firstLine(e.getMessage()));
        }
    }

    /** TOML front matter, as Hugo and Zola write it; same contract as {@link #yaml}. */
    static Fields toml(String text, int firstLine, Set<String> textKeys) throws MalformedNoteException {
        if (text.isBlank()) return Fields.NONE;
        JsonNode root;
        try {
            root = TOML.readTree(text);
        } catch (JacksonException e) {
            int line = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? 0
                    : e.getLocation().getLineNr() - 1;
            String message = Shown.firstLine(e.getOriginalMessage()).replaceFirst("^TOML parse error: ?", "");
            throw new MalformedNoteException(firstLine + line, "front matter is not valid TOML: " + message);
        } catch (IOException | RuntimeException e) {
            throw new MalformedNoteException(firstLine - 1, "front matter is not valid TOML: "
                    + Shown.firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) return Fields.NONE;
        String[] lines = text.split("\n", -1);
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String key = field.getKey();
            int line = tomlKeyLine(lines, key);
            keyLines.put(key, line < 0 ? firstLine - 1 : firstLine + line);
            values.put(key, tomlValue(field.getValue(), textKeys.contains(key), 1, keyLines.get(key)));
        }
        return new Fields(values, keyLines);
    }

    /** The line of {@code key = …} or of the table {@code [key]}; -1 when not found (a dotted key, say). */
    private static int tomlKeyLine(String[] lines, String key) {
        Pattern assignment = Pattern.compile("\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*=.*");
        Pattern table = Pattern.compile("\\s*\\[\\[?\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*]].*");
        for (int i = 0; i < lines.length; i++) {
            if (assignment.matcher(lines[i]).matches() || table.matcher(lines[i]).matches()) return i;
        }
        return -1;
    }

    private static Object tomlValue(JsonNode node, boolean asText, int depth, int line)
            throws MalformedNoteException {
        if (node.isContainerNode() && depth >= MAX_NESTING) {
            throw new MalformedNoteException(line, "front matter is nested more than " + MAX_NESTING
                    + " levels deep");
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                map.put(field.getKey(), tomlValue(field.getValue(), false, depth + 1, line));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonNode item : node) list.add(tomlValue(item, asText, depth + 1, line));
            return list;
        }
        if (node.isNull()) return null;
        if (asText || node.isTextual()) return node.asText();
        if (node.isBoolean()) return node.booleanValue();
        if (node.isIntegralNumber()) return node.numberValue();
        if (node.isNumber()) return node.decimalValue();
        return node.asText();
    }

    /** One YAML walk: the text, where it starts in the file, and which keys keep their text. */
    private record Yaml(String text, int firstLine, Set<String> textKeys) {
        /** Reads a map whose START_OBJECT is the current token; {@code keyLines} only for the top level. */
        Map<String, Object> map(JsonParser parser, int depth, Map<String, Integer> keyLines)
                throws IOException, MalformedNoteException {
            Map<String, Object> map = new LinkedHashMap<>();
            Map<String, Integer> lines = keyLines != null ? keyLines : new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int line = line(parser);
                Integer earlier = lines.putIfAbsent(key, line);
                if (earlier != null) {
                    throw new MalformedNoteException(line, "key '" + Shown.value(key) + "' appears twice (first on "
                            + "line " + earlier + "); keep one");
                }
                parser.nextToken();
                map.put(key, value(parser, depth, keyLines != null && textKeys.contains(key)));
            }
            return map;
        }

        private Object value(JsonParser parser, int depth, boolean asText) throws IOException, MalformedNoteException {
            if (parser instanceof YAMLParser yamlParser && yamlParser.isCurrentAlias()) {
                throw new MalformedNoteException(line(parser), "front matter uses the YAML alias '*"
                        + Shown.value(parser.getText()) + "'; write the value out instead");
            }
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                if (depth >= MAX_NESTING) {
                    throw new MalformedNoteException(line(parser), "front matter is nested more than "
                            + MAX_NESTING + " levels deep");
                }
                if (token == JsonToken.START_OBJECT) return map(parser, depth + 1, null);
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) list.add(value(parser, depth + 1, asText));
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

        int line(JsonParser parser) {
            return line((int) parser.currentTokenLocation().getCharOffset());
        }

        /**
         * The file line of a position in the front matter, counted in '\n' as editors count. SnakeYAML's own line
         * numbers also break at U+0085, U+2028 and U+2029, so only its code-point index is trusted.
         */
        int line(int codePointIndex) {
            if (codePointIndex < 0) return firstLine - 1;
            int chars = codePointIndex >= text.codePointCount(0, text.length()) ? text.length()
                    : text.offsetByCodePoints(0, codePointIndex);
            int line = firstLine;
            for (int i = 0; i < chars; i++) if (text.charAt(i) == '\n') line++;
            return line;
        }

        /** A report for YAML the parser rejected, at the line SnakeYAML points to, in words a person can act on. */
        MalformedNoteException problem(JacksonException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                int line = line(marked.getProblemMark().getIndex());
                String problem = Shown.firstLine(marked.getProblem());
                String context = marked.getContext() == null ? "" : marked.getContext();
                if (marked.getContextMark() != null) {
                    // Something opened and never closed: the place to fix is where it opened.
                    int opened = line(marked.getContextMark().getIndex());
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
                return new MalformedNoteException(line(unreadable.getPosition()), String.format(
                        "front matter contains the control character U+%04X, which YAML does not allow",
                        unreadable.getCodePoint()));
            }
            int line = e.getLocation() == null ? firstLine - 1 : line((int) e.getLocation().getCharOffset());
            String message = Shown.firstLine(e.getOriginalMessage());
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
    }
}
