package spikebot.knowledge;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes a note back as Markdown with front matter, in the order people read it (kind, title, date, …) and with
 * lists on one line, so that notes the bot writes look like notes a person wrote.
 *
 * <p>Whatever the text, {@link NoteParser#parse} reads back the same note: a value is written bare only when it is
 * plainly a word or a sentence, and double-quoted with YAML escapes otherwise.
 */
public final class NoteFormat {
    /** Safe bare inside [a, b] and {k: v}: no YAML indicator, no trailing punctuation. */
    private static final String FLOW_CHARS = "[A-Za-z0-9 ._/+()-]*[A-Za-z0-9_)]";
    /** Safe bare as a top-level value; a little wider, so that URLs stay readable. */
    private static final String BLOCK_CHARS = "[A-Za-z0-9 ._/+()\\-:#?=&%~,']*[A-Za-z0-9_)/]";
    /** A value that starts with a letter is never a number, so it reads back as text whoever reads it. */
    private static final Pattern WORD_IN_FLOW = Pattern.compile("[A-Za-z](" + FLOW_CHARS + ")?");
    private static final Pattern WORD = Pattern.compile("[A-Za-z](" + BLOCK_CHARS + ")?");
    /** The fields the parser reads as text may also start with a digit ("2d", "1.10"). */
    private static final Pattern TEXT_IN_FLOW = Pattern.compile("[A-Za-z0-9](" + FLOW_CHARS + ")?");
    private static final Pattern TEXT = Pattern.compile("[A-Za-z0-9](" + BLOCK_CHARS + ")?");
    /** Words that YAML 1.1 readers take for booleans or null. */
    private static final Set<String> YAML_WORDS =
            Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n");

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
            out.append(scalar(e.getKey(), WORD_IN_FLOW)).append(": ").append(value(e.getValue(), false)).append('\n');
        }
        out.append("---\n");
        if (!note.body().isEmpty()) out.append(note.body()).append('\n');
        return out.toString();
    }

    private static void field(StringBuilder out, String key, String value) {
        if (value == null) return;
        out.append(key).append(": ").append(scalar(value, TEXT)).append('\n');
    }

    private static void list(StringBuilder out, String key, List<String> values) {
        if (values.isEmpty()) return;
        out.append(key).append(": ")
                .append(values.stream().map(v -> scalar(v, TEXT_IN_FLOW)).collect(Collectors.joining(", ", "[", "]")))
                .append('\n');
    }

    /** Any front-matter value the parser produces (text, number, boolean, null, list, map) as YAML on one line. */
    private static String value(Object value, boolean inFlow) {
        if (value == null) return "null";
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) return ".nan";
            if (Double.isInfinite(d)) return d > 0 ? ".inf" : "-.inf";
            return value.toString();
        }
        if (value instanceof Boolean || value instanceof Number) return value.toString(); // BigDecimal keeps "0.90"
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> scalar(String.valueOf(e.getKey()), WORD_IN_FLOW) + ": " + value(e.getValue(), true))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(item -> value(item, true)).collect(Collectors.joining(", ", "[", "]"));
        }
        return scalar(value.toString(), inFlow ? WORD_IN_FLOW : WORD);
    }

    /** A string as YAML: bare when that is unambiguous, else double-quoted. */
    private static String scalar(String value, Pattern bare) {
        boolean plain = bare.matcher(value).matches()
                && !YAML_WORDS.contains(value.toLowerCase(Locale.ROOT))
                && !value.contains(": ") && !value.contains(" #");
        return plain ? value : quoted(value);
    }

    /**
     * A YAML double-quoted string. Besides quote and backslash, every character a YAML reader would fold (line
     * breaks, including U+0085, U+2028, U+2029) or refuse (controls, U+FFFE, lone surrogates) is escaped.
     */
    private static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean surrogatePair = Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1));
                    if (surrogatePair) {
                        out.append(c).append(value.charAt(++i));
                    } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029
                            || Character.isSurrogate(c) || c >= 0xFFFE) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
