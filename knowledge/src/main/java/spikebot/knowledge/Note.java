package spikebot.knowledge;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One note of the knowledge base: a spike, a paper check, a solution write-up, or a plain Markdown note.
 *
 * @param kind     what the note records
 * @param title    one line: runs of white space, line breaks included, become one space
 * @param date     when the work happened; null when the note does not say
 * @param authors  who did it
 * @param tags     free-form topics; a leading '#' (as Obsidian users write them) is not part of the tag, and each
 *                 tag appears once
 * @param outcome  one of {@link NoteKind#outcomes()}, or null
 * @param timebox  as written, e.g. "2d"; null when none
 * @param paper    URL of the paper for paper checks; null when none
 * @param link     where the discussion lives; null when none
 * @param extra    front-matter keys this version does not know, kept so that rewriting a note loses nothing
 * @param body     the Markdown after the front matter, without leading or trailing blank lines
 */
public record Note(NoteKind kind, String title, LocalDate date, List<String> authors, List<String> tags,
                   String outcome, String timebox, String paper, String link, Map<String, Object> extra,
                   String body) {

    public Note {
        Objects.requireNonNull(kind, "kind");
        title = Objects.requireNonNull(title, "title").strip().replaceAll("\\p{javaWhitespace}+", " ");
        authors = names(authors);
        tags = names(tags).stream().map(t -> HASHTAG.matcher(t).matches() ? t.substring(1) : t).distinct().toList();
        outcome = value(outcome);
        timebox = value(timebox);
        paper = value(paper);
        link = value(link);
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        body = body == null ? "" : body.replace("\r\n", "\n").strip();
    }

    /** "#ml", "#ml/nlp": a hashtag; "#" alone or "# x" is not one. */
    private static final Pattern HASHTAG = Pattern.compile("#[\\p{L}\\p{N}_][^\\s#]*");

    // A note holds only what its file can say: values without surrounding blanks, Markdown with \n line ends.
    // So a note written and read back is the same note.

    private static List<String> names(List<String> names) {
        if (names == null) return List.of();
        return names.stream().filter(Objects::nonNull).map(String::strip).filter(n -> !n.isEmpty()).toList();
    }

    private static String value(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A note with only the essentials; the rest empty. */
    public static Note of(NoteKind kind, String title, String body) {
        return new Note(kind, title, null, List.of(), List.of(), null, null, null, null, Map.of(), body);
    }

    /** An extra front-matter value as text, or null. */
    public String extraText(String key) {
        Object value = extra.get(key);
        return value == null ? null : value.toString();
    }

    public Note withExtra(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(extra);
        copy.put(key, value);
        return new Note(kind, title, date, authors, tags, outcome, timebox, paper, link, copy, body);
    }


}
