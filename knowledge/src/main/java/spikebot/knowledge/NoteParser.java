package spikebot.knowledge;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a note: YAML front matter between two {@code ---} lines, then Markdown. A file without front matter is
 * still a note (kind {@code note}), titled by its first heading or its file name.
 *
 * <p>The YAML reader is bounded (aliases, nesting, size) because notes come from many hands, and a hostile or
 * broken file must cost a report, not the process.
 */
public final class NoteParser {
    /** Front matter is a handful of keys; anything this large is not front matter. */
    static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;

    private static final Set<String> KNOWN_KEYS =
            Set.of("kind", "title", "date", "authors", "author", "tags", "outcome", "timebox", "paper", "link");

    private static final ObjectMapper YAML = yamlMapper();

    private NoteParser() {
    }

    private static ObjectMapper yamlMapper() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_FRONT_MATTER_CHARS);
        options.setAllowDuplicateKeys(false);
        return new YAMLMapper(YAMLFactory.builder().loaderOptions(options).build());
    }

    /**
     * @param text     the whole file
     * @param fileName used for the title when the note has neither front matter title nor heading
     */
    public static Note parse(String text, String fileName) throws MalformedNoteException {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.indexOf('\0') >= 0) throw new MalformedNoteException(0, "binary file, not a Markdown note");
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            return new Note(NoteKind.NOTE, titleFromBody(text, fileName), null, List.of(), List.of(), null, null,
                    null, null, Map.of(), text.strip());
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                end = i;
                break;
            }
        }
        if (end < 0) throw new MalformedNoteException(1, "front matter starts with '---' but has no closing '---'");
        String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, end));
        if (yaml.length() > MAX_FRONT_MATTER_CHARS) {
            throw new MalformedNoteException(1, "front matter is larger than " + MAX_FRONT_MATTER_CHARS / 1024 + " KB");
        }
        String body = String.join("\n", java.util.Arrays.copyOfRange(lines, end + 1, lines.length)).strip();
        Map<String, Object> fields = readYaml(yaml);
        return fromFields(fields, body, fileName, lineOf(lines, end));
    }

    private static Map<String, Object> readYaml(String yaml) throws MalformedNoteException {
        if (yaml.isBlank()) return Map.of();
        try {
            Object value = YAML.readValue(yaml, Object.class);
            if (value == null) return Map.of();
            if (!(value instanceof Map<?, ?> map)) {
                throw new MalformedNoteException(2, "front matter must be 'key: value' lines, found a "
                        + (value instanceof List ? "list" : "single value"));
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            map.forEach((k, v) -> fields.put(String.valueOf(k), v));
            return fields;
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            int line = where == null || where.getLineNr() < 1 ? 1 : where.getLineNr() + 1;
            throw new MalformedNoteException(line, "front matter is not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (RuntimeException e) {
            // SnakeYAML signals its limits (aliases, depth, size) with unchecked exceptions of its own.
            throw new MalformedNoteException(1, "front matter is not valid YAML: " + firstLine(e.getMessage()));
        } catch (StackOverflowError e) {
            throw new MalformedNoteException(1, "front matter is nested too deeply");
        } catch (java.io.IOException e) {
            throw new MalformedNoteException(1, "front matter could not be read: " + firstLine(e.getMessage()));
        }
    }

    private static Note fromFields(Map<String, Object> fields, String body, String fileName, KeyLines lineOf)
            throws MalformedNoteException {
        String kindText = text(fields, "kind", lineOf);
        NoteKind kind = NoteKind.NOTE;
        if (kindText != null) {
            kind = NoteKind.parse(kindText).orElseThrow(() -> new MalformedNoteException(lineOf.line("kind"),
                    "unknown kind '" + kindText + "' (expected one of " + NoteKind.ids() + ")"));
        }
        String title = text(fields, "title", lineOf);
        if (title == null || title.isBlank()) title = titleFromBody(body, fileName);

        LocalDate date = null;
        String dateText = text(fields, "date", lineOf);
        if (dateText != null) {
            try {
                date = LocalDate.parse(dateText.length() > 10 ? dateText.substring(0, 10) : dateText);
            } catch (DateTimeParseException e) {
                throw new MalformedNoteException(lineOf.line("date"),
                        "date '" + dateText + "' is not a date like 2025-03-12");
            }
        }
        List<String> authors = new ArrayList<>(list(fields, "authors", lineOf));
        authors.addAll(list(fields, "author", lineOf));
        List<String> tags = list(fields, "tags", lineOf);

        String outcome = text(fields, "outcome", lineOf);
        if (outcome != null) outcome = outcome.strip().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        if (outcome != null && !kind.accepts(outcome)) {
            throw new MalformedNoteException(lineOf.line("outcome"), "outcome '" + outcome + "' does not fit kind "
                    + kind.id() + (kind.outcomes().isEmpty() ? " (it takes none)"
                    : " (expected one of " + String.join(", ", kind.outcomes()) + ")"));
        }
        if ("none".equals(outcome)) outcome = null;

        Map<String, Object> extra = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (!KNOWN_KEYS.contains(k)) extra.put(k, v);
        });
        return new Note(kind, title.strip(), date, authors, tags, outcome, text(fields, "timebox", lineOf),
                text(fields, "paper", lineOf), text(fields, "link", lineOf), extra, body);
    }

    private static String text(Map<String, Object> fields, String key, KeyLines lineOf) throws MalformedNoteException {
        Object value = fields.get(key);
        if (value == null) return null;
        if (value instanceof Map || value instanceof List) {
            throw new MalformedNoteException(lineOf.line(key), "'" + key + "' must be a single value");
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    private static List<String> list(Map<String, Object> fields, String key, KeyLines lineOf)
            throws MalformedNoteException {
        Object value = fields.get(key);
        if (value == null) return List.of();
        if (value instanceof List<?> items) {
            List<String> out = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof Map || item instanceof List) {
                    throw new MalformedNoteException(lineOf.line(key), "'" + key + "' must be a list of names");
                }
                if (item != null && !item.toString().isBlank()) out.add(item.toString().strip());
            }
            return out;
        }
        if (value instanceof Map) {
            throw new MalformedNoteException(lineOf.line(key), "'" + key + "' must be a list like [a, b]");
        }
        List<String> out = new ArrayList<>();
        for (String part : value.toString().split(",")) {
            if (!part.isBlank()) out.add(part.strip());
        }
        return out;
    }

    /** The line of the file a front-matter key is on, for reports. */
    @FunctionalInterface
    private interface KeyLines {
        int line(String key);
    }

    private static KeyLines lineOf(String[] lines, int end) {
        return key -> {
            for (int i = 1; i < end; i++) {
                if (lines[i].startsWith(key + ":")) return i + 1;
            }
            return 1;
        };
    }

    private static String titleFromBody(String body, String fileName) {
        for (String line : body.split("\r?\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("#")) {
                String heading = stripped.replaceFirst("^#+", "").strip();
                if (!heading.isEmpty()) return heading;
            }
        }
        String name = fileName.contains("/") ? fileName.substring(fileName.lastIndexOf('/') + 1) : fileName;
        name = name.replaceFirst("\\.(md|markdown)$", "").replace('-', ' ').replace('_', ' ').strip();
        return name.isEmpty() ? "Untitled note" : name;
    }

    private static String firstLine(String message) {
        if (message == null) return "unknown error";
        String line = message.lines().findFirst().orElse(message).strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
