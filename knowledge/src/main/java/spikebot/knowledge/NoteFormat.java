package spikebot.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes a note back as Markdown with front matter, in the order people read it (kind, title, date, …) and with
 * lists on one line, so that notes the bot writes look like notes a person wrote.
 */
public final class NoteFormat {
    /** Plain words that YAML reads back as the same string in both block and flow context. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9 ._/+()-]*[A-Za-z0-9)]|[A-Za-z]");
    private static final java.util.Set<String> YAML_WORDS =
            java.util.Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private NoteFormat() {
    }

    public static String render(Note note) {
        StringBuilder out = new StringBuilder("---\n");
        field(out, "kind", note.kind().id());
        field(out, "title", note.title());
        if (note.date() != null) out.append("date: ").append(note.date()).append('\n');
        list(out, "authors", note.authors());
        list(out, "tags", note.tags());
        field(out, "outcome", note.outcome());
        field(out, "timebox", note.timebox());
        field(out, "paper", note.paper());
        field(out, "link", note.link());
        for (Map.Entry<String, Object> e : note.extra().entrySet()) {
            if (e.getValue() instanceof Map || e.getValue() instanceof List) {
                out.append(yaml(Map.of(e.getKey(), e.getValue())));
            } else {
                field(out, e.getKey(), e.getValue() == null ? null : e.getValue().toString());
            }
        }
        out.append("---\n");
        if (!note.body().isEmpty()) out.append(note.body().strip()).append('\n');
        return out.toString();
    }

    private static void field(StringBuilder out, String key, String value) {
        if (value == null) return;
        out.append(key).append(": ").append(scalar(value)).append('\n');
    }

    private static void list(StringBuilder out, String key, List<String> values) {
        if (values.isEmpty()) return;
        out.append(key).append(": [")
                .append(values.stream().map(NoteFormat::scalar).collect(Collectors.joining(", ")))
                .append("]\n");
    }

    /** A value as YAML: bare when that is unambiguous, else a double-quoted (JSON-escaped) string. */
    static String scalar(String value) {
        if (PLAIN.matcher(value).matches() && !YAML_WORDS.contains(value.toLowerCase(java.util.Locale.ROOT))
                && !value.contains(" #") && !value.contains(": ")) {
            return value;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String yaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
