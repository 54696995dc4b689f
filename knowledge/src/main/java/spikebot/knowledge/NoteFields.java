package spikebot.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns front matter into a note's fields, leniently: the notes teams already keep were written by Obsidian, Jekyll,
 * Hugo, Zola, MkDocs, Dendron and ADR tools, each with its own words, and by people. A value Spikebot cannot read
 * costs that value and a warning (file, line, reason), never the note: a note that cannot be found is worse than a
 * note without a date.
 *
 * <p>What each tool writes, and where it lands:
 * <ul>
 *   <li>tags: {@code tags} as a list or as one string (Jekyll: space-separated; commas also split), Jekyll and
 *   Hugo {@code categories}/{@code category}, Zola's {@code taxonomies}; a leading {@code #} (Obsidian) is dropped
 *   by {@link Note}, nested tags ({@code ml/nlp}) stay whole.</li>
 *   <li>authors: {@code authors} and {@code author}, each a name, a comma-separated string, or a map whose
 *   {@code name} is taken (al-folio, distill, JOSS: {@code - name: X, affiliation: Y}).</li>
 *   <li>date: {@code date} in any form {@link HumanDates} reads (MkDocs' {@code date: {created: …}} too), else
 *   Dendron's {@code created} (epoch milliseconds), else a Jekyll file name's date, else an ADR's
 *   {@code Date: 2017-08-01} line at the top of the body.</li>
 *   <li>ADRs (MADR front matter, Nygard's {@code Status:} line or {@code ## Status} section) in an ADR folder or with
 *   an ADR's sections become {@link NoteKind#DECISION} notes whose status is the outcome.</li>
 * </ul>
 * Every key Spikebot does not own stays in {@link Note#extra()}, other tools' keys included.
 */
final class NoteFields {
    /** Spikebot's own keys: read into the note's fields, not kept among the extra keys. */
    static final Set<String> OWN_KEYS =
            Set.of("kind", "title", "date", "authors", "author", "tags", "outcome", "timebox", "paper", "link");
    /** Read as text as written (not typed): Spikebot's keys and the other tools' words for tags and status. */
    static final Set<String> TEXT_KEYS;

    static {
        Set<String> keys = new LinkedHashSet<>(OWN_KEYS);
        keys.addAll(List.of("categories", "category", "status", "aliases"));
        TEXT_KEYS = Set.copyOf(keys);
    }

    /** A folder of architecture decision records, by the names the ADR tools and teams give it. */
    private static final Pattern ADR_FOLDER = Pattern.compile("(?i)(adrs?|decisions|decision[-_ ]?records?|"
            + "architecture[-_ ]?decisions?([-_ ]?records?)?|architectural[-_ ]?decisions?|design[-_ ]?decisions?)");
    /** "Date: 2017-08-01", "* Status: accepted", "**Status:** Accepted" at the top of a body. */
    private static final Pattern HEAD_FIELD = Pattern.compile(
            "(?i)\\s*(?:[-*+]\\s+)?(?:\\*\\*|__)?(date|status)(?:\\*\\*|__)?\\s*:\\s*(?:\\*\\*|__)?\\s*(.*?)\\s*");
    /** How far down a body the ADR head lines are looked for. */
    private static final int HEAD_LINES = 20;
    private static final Pattern ATX_HEADING = Pattern.compile("(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*");

    private final FrontMatter.Fields fields;
    private final String path;
    private final String body;
    private final int bodyLine;
    private final List<Problem> warnings = new ArrayList<>();

    private NoteFields(FrontMatter.Fields fields, String path, String body, int bodyLine) {
        this.fields = fields;
        this.path = path == null ? "" : path;
        this.body = body;
        this.bodyLine = bodyLine;
    }

    /**
     * @param bodyLine the file line of the body's first line, for warnings about lines in the body
     * @param title    the title to use when the front matter has none
     */
    static ParsedNote read(FrontMatter.Fields fields, String path, String body, int bodyLine, String title) {
        NoteFields f = new NoteFields(fields, path, body, bodyLine);
        return f.note(title);
    }

    private ParsedNote note(String fallbackTitle) {
        NoteKind kind = kind();
        String title = Optional.ofNullable(text("title")).orElse(fallbackTitle);
        Map<String, String> head = bodyHead();
        LocalDate date = date(head);
        List<String> authors = names("authors");
        authors.addAll(names("author"));
        List<String> tags = tags();

        String outcome = text("outcome");
        Object statusValue = fields.values().get("status"); // another tool's key: used when it is plain text
        String status = statusValue instanceof String s && !s.isBlank() ? s.strip() : head.get("status");
        if (kind == null && status != null && looksLikeAdr()) {
            kind = NoteKind.DECISION;
            if (outcome == null) outcome = decisionOutcome(status);
        }
        if (kind == null) kind = NoteKind.NOTE;
        outcome = outcome(kind, outcome);

        Map<String, Object> extra = new LinkedHashMap<>();
        fields.values().forEach((k, v) -> {
            if (!OWN_KEYS.contains(k)) extra.put(k, v);
        });
        Note note = new Note(kind, title, date, authors, tags, outcome, text("timebox"), text("paper"), text("link"),
                extra, body);
        return new ParsedNote(note, warnings);
    }

    /** The kind the note names; null when it names none (or one Spikebot does not know, with a warning). */
    private NoteKind kind() {
        String text = text("kind");
        if (text == null) return null;
        Optional<NoteKind> kind = NoteKind.parse(text);
        if (kind.isEmpty()) {
            warn(line("kind"), "unknown kind '" + Shown.value(text) + "' (expected one of " + NoteKind.ids()
                    + "); read as a plain note");
        }
        return kind.orElse(NoteKind.NOTE);
    }

    private LocalDate date(Map<String, String> head) {
        Object value = fields.values().get("date");
        if (value instanceof Map<?, ?> map && map.get("created") != null) value = map.get("created"); // MkDocs blog
        if (value != null) {
            Optional<LocalDate> date = dateOf(value);
            if (date.isPresent()) return date.get();
            warn(line("date"), "date '" + Shown.value(String.valueOf(value)) + "' is not a date Spikebot can read "
                    + "(write it like 2025-03-12); the note is read without it");
            return null;
        }
        Object created = fields.values().get("created");
        if (created != null) {
            Optional<LocalDate> date = dateOf(created);
            if (date.isPresent()) return date.get();
            warn(line("created"), "'created' value '" + Shown.value(String.valueOf(created)) + "' is not a date "
                    + "Spikebot can read; the note is read without a date");
        }
        Optional<LocalDate> fromName = HumanDates.fromFileName(fileName());
        if (fromName.isPresent()) return fromName.get();
        String written = head.get("date");
        if (written != null) {
            Optional<LocalDate> date = HumanDates.parse(written);
            if (date.isPresent()) return date.get();
            warn(bodyLine + Integer.parseInt(head.get("date.line")), "'Date: " + Shown.value(written) + "' is not "
                    + "a date Spikebot can read (write it like 2025-03-12); the note is read without it");
        }
        return null;
    }

    private static Optional<LocalDate> dateOf(Object value) {
        if (value instanceof Number number) return HumanDates.epochMillis(number.longValue());
        if (value instanceof Map || value instanceof List) return Optional.empty();
        return HumanDates.parse(value.toString());
    }

    /** Names from a list, a comma-separated string, or maps with a {@code name}. */
    private List<String> names(String key) {
        List<String> out = new ArrayList<>();
        Object value = fields.values().get(key);
        if (value == null) return out;
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        for (Object item : items) {
            if (item instanceof Map<?, ?> map) {
                Object name = map.get("name");
                if (name == null || name instanceof Map || name instanceof List) {
                    warn(line(key), "an author in '" + key + "' is a map without a 'name'; left out");
                } else {
                    out.add(name.toString());
                }
            } else if (item instanceof List) {
                warn(line(key), "'" + key + "' holds a list inside the list; left out (write [a, b])");
            } else if (item != null && value instanceof List) {
                out.add(item.toString());
            } else if (item != null) {
                out.addAll(List.of(item.toString().split(","))); // "alice, bob"
            }
        }
        return out;
    }

    /** Tags from {@code tags}, {@code categories}, {@code category} and Zola's {@code taxonomies}. */
    private List<String> tags() {
        List<String> tags = new ArrayList<>();
        tags.addAll(words("tags", fields.values().get("tags")));
        tags.addAll(words("categories", fields.values().get("categories")));
        tags.addAll(words("category", fields.values().get("category")));
        if (fields.values().get("taxonomies") instanceof Map<?, ?> taxonomies) {
            tags.addAll(words("taxonomies", taxonomies.get("tags")));
            tags.addAll(words("taxonomies", taxonomies.get("categories")));
        }
        return new ArrayList<>(new LinkedHashSet<>(tags));
    }

    /** A list, or one string of words: split at commas when it has any (a, b), else at spaces (Jekyll). */
    private List<String> words(String key, Object value) {
        List<String> out = new ArrayList<>();
        if (value == null) return out;
        if (value instanceof Map) {
            warn(line(key), "'" + key + "' must be a list like [a, b], not a map; left out");
            return out;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map || item instanceof List) {
                    warn(line(key), "'" + key + "' holds a " + (item instanceof Map ? "map" : "list")
                            + " where a name belongs; left out");
                } else if (item != null) {
                    out.add(item.toString());
                }
            }
            return out;
        }
        String text = value.toString();
        for (String word : text.contains(",") ? text.split(",") : text.strip().split("\\s+")) out.add(word);
        return out;
    }

    private String outcome(NoteKind kind, String written) {
        if (written == null) return null;
        String outcome = written.toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
        if (!kind.accepts(outcome)) {
            String expected = kind.outcomes().isEmpty() ? "it takes none"
                    : "expected one of " + String.join(", ", kind.outcomes());
            warn(line("outcome"), "outcome '" + Shown.value(outcome) + "' does not fit kind " + kind.id() + " ("
                    + expected + "); the note is read without it");
            return null;
        }
        return "none".equals(outcome) ? null : outcome;
    }

    /** An ADR's status as an outcome: MADR's words, Nygard's, and the usual synonyms. */
    private String decisionOutcome(String status) {
        String first = status.strip().toLowerCase(Locale.ROOT).split("[\\s,.;:(]+", 2)[0];
        String outcome = switch (first) {
            case "accepted", "approved", "adopted", "agreed", "decided", "done" -> "accepted";
            case "proposed", "draft", "open", "pending", "wip" -> "proposed";
            case "rejected", "declined" -> "rejected";
            case "deprecated", "obsolete" -> "deprecated";
            case "superseded", "superceded", "replaced" -> "superseded";
            default -> null;
        };
        if (outcome == null) {
            int line = fields.keyLines().containsKey("status") ? line("status")
                    : bodyLine + Integer.parseInt(bodyHead().getOrDefault("status.line", "0"));
            warn(line, "status '" + Shown.value(status) + "' is not an ADR status Spikebot knows (expected one of "
                    + String.join(", ", NoteKind.DECISION.outcomes()) + "); read without an outcome");
        }
        return outcome;
    }

    /** An architecture decision record: in an ADR folder, or with MADR's or Nygard's sections. */
    private boolean looksLikeAdr() {
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length - 1; i++) if (ADR_FOLDER.matcher(segments[i]).matches()) return true;
        Set<String> headings = new LinkedHashSet<>();
        for (String line : body.split("\n")) {
            Matcher m = ATX_HEADING.matcher(line.strip());
            if (m.matches()) headings.add(m.group(2).strip().toLowerCase(Locale.ROOT));
        }
        return headings.contains("context and problem statement") || headings.contains("decision outcome")
                || (headings.contains("context") && headings.contains("decision"));
    }

    /**
     * Nygard's head lines: {@code Date: …} and {@code Status: …} near the top, or the first line under a
     * {@code ## Status} heading. Keys "date"/"status", and "date.line"/"status.line" as body line indexes.
     */
    private Map<String, String> bodyHead() {
        Map<String, String> head = new LinkedHashMap<>();
        String[] lines = body.split("\n", -1);
        boolean underStatus = false;
        boolean inCode = false;
        for (int i = 0; i < lines.length && i < HEAD_LINES * 3; i++) {
            String line = lines[i].strip();
            if (line.startsWith("```") || line.startsWith("~~~")) inCode = !inCode;
            if (inCode) continue;
            Matcher heading = ATX_HEADING.matcher(line);
            if (heading.matches()) {
                underStatus = heading.group(2).strip().equalsIgnoreCase("status");
                continue;
            }
            if (underStatus && !line.isEmpty() && !head.containsKey("status")) {
                head.put("status", line.replaceAll("^[-*+]\\s+|\\*\\*|__|\\*|_", "").strip());
                head.put("status.line", Integer.toString(i));
                underStatus = false;
                continue;
            }
            Matcher field = HEAD_FIELD.matcher(line);
            if (i < HEAD_LINES && field.matches() && !field.group(2).isEmpty()) {
                String key = field.group(1).toLowerCase(Locale.ROOT);
                if (!head.containsKey(key)) {
                    head.put(key, field.group(2));
                    head.put(key + ".line", Integer.toString(i));
                }
            }
        }
        return head;
    }

    /** A single value, stripped; null when missing, blank, or a list or map (with a warning). */
    private String text(String key) {
        Object value = fields.values().get(key);
        if (value == null) return null;
        if (value instanceof Map || value instanceof List) {
            warn(line(key), "'" + key + "' must be a single value, not a " + (value instanceof Map ? "map" : "list")
                    + " (write '" + key + ": …' on one line); the note is read without it");
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    private int line(String key) {
        return fields.keyLines().getOrDefault(key, 1);
    }

    private String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private void warn(int line, String reason) {
        Problem warning = new Problem(path, line, reason);
        if (!warnings.contains(warning)) warnings.add(warning);
    }
}
