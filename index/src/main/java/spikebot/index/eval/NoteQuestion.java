package spikebot.index.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A question asked in chat over a real collection of notes, with the notes that answer it: one item of a labelled
 * set such as {@code realnotes/questions.tsv} and {@code gold.tsv} in the index module's test resources.
 *
 * @param id         unique in the set
 * @param collection the folder (under the notes directory) that is the knowledge base the question is asked of
 * @param half       whether the question may be looked at while tuning
 * @param text       the question as a colleague would type it
 * @param relevant   paths of the notes that answer it, relative to the collection's folder
 */
public record NoteQuestion(String id, String collection, Half half, String text, Set<String> relevant) {
    /**
     * A labelled set is split once, before any tuning: figures on the half that was tuned on flatter the search, so
     * only the other half is reported as what to expect on notes nobody tuned for.
     */
    public enum Half {
        TUNE, REPORT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public NoteQuestion {
        relevant = Set.copyOf(relevant);
    }

    /**
     * Reads {@code id TAB collection TAB tune|report TAB question} lines and {@code id TAB path} gold lines (one a
     * relevant note); lines starting with # and blank lines are skipped.
     *
     * @throws IllegalArgumentException naming file and line when a line is malformed, a gold line names an unknown
     *                                  question, or a question has no relevant note
     */
    public static List<NoteQuestion> read(Path questions, Path gold) {
        Map<String, List<String>> relevant = new LinkedHashMap<>();
        Map<String, String[]> asked = new LinkedHashMap<>();
        forEachLine(questions, 4, (line, fields) -> {
            if (asked.putIfAbsent(fields[0], fields) != null) {
                throw new IllegalArgumentException(line + ": question id " + fields[0] + " appears twice");
            }
            half(fields[2], line);
        });
        forEachLine(gold, 2, (line, fields) -> {
            if (!asked.containsKey(fields[0])) {
                throw new IllegalArgumentException(line + ": no question with id " + fields[0]);
            }
            relevant.computeIfAbsent(fields[0], id -> new ArrayList<>()).add(fields[1]);
        });
        List<NoteQuestion> read = new ArrayList<>();
        for (String[] fields : asked.values()) {
            List<String> paths = relevant.get(fields[0]);
            if (paths == null) throw new IllegalArgumentException(gold + ": no relevant note for question " + fields[0]);
            read.add(new NoteQuestion(fields[0], fields[1], half(fields[2], questions.toString()), fields[3],
                    new LinkedHashSet<>(paths)));
        }
        if (read.isEmpty()) throw new IllegalArgumentException(questions + " holds no question");
        return List.copyOf(read);
    }

    private static Half half(String value, String where) {
        return switch (value) {
            case "tune" -> Half.TUNE;
            case "report" -> Half.REPORT;
            default -> throw new IllegalArgumentException(where + ": half must be tune or report, not '" + value + "'");
        };
    }

    private interface LineHandler {
        void accept(String where, String[] fields);
    }

    private static void forEachLine(Path file, int columns, LineHandler handler) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] fields = line.split("\t", -1);
            String where = file + ":" + (i + 1);
            if (fields.length != columns) {
                throw new IllegalArgumentException(where + ": expected " + columns + " TAB-separated fields, got "
                        + fields.length);
            }
            for (int f = 0; f < fields.length; f++) {
                fields[f] = fields[f].strip();
                if (fields[f].isEmpty()) throw new IllegalArgumentException(where + ": field " + (f + 1) + " is empty");
            }
            handler.accept(where, fields);
        }
    }
}
