package spikebot.index.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gold judgements: for each original question, which related questions are relevant (PerfectMatch or
 * Relevant). Read from the task's {@code .relevancy} file: {@code ORGQ_ID RELQ_ID rank score true|false}.
 *
 * @param judgements question id → (related question id → relevant), in file order
 */
public record Relevancy(Map<String, Map<String, Boolean>> judgements) {
    public Relevancy {
        Map<String, Map<String, Boolean>> copy = new LinkedHashMap<>();
        judgements.forEach((q, js) -> copy.put(q, Collections.unmodifiableMap(new LinkedHashMap<>(js))));
        judgements = Collections.unmodifiableMap(copy);
    }

    public static Relevancy read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, Boolean>> judgements = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            String[] fields = line.split("\\s+");
            if (fields.length != 5 || !(fields[4].equals("true") || fields[4].equals("false"))) {
                throw new IllegalArgumentException(file + " line " + (i + 1)
                        + ": expected 'ORGQ_ID RELQ_ID rank score true|false', got '" + line + "'");
            }
            judgements.computeIfAbsent(fields[0], q -> new LinkedHashMap<>()).put(fields[1], Boolean.parseBoolean(fields[4]));
        }
        if (judgements.isEmpty()) throw new IllegalArgumentException(file + " holds no judgements");
        return new Relevancy(judgements);
    }

    public Set<String> questions() {
        return judgements.keySet();
    }

    public boolean relevant(String question, String related) {
        return judgements.getOrDefault(question, Map.of()).getOrDefault(related, false);
    }

    /** How many candidates of a question are relevant. */
    public int relevantCount(String question) {
        return (int) judgements.getOrDefault(question, Map.of()).values().stream().filter(b -> b).count();
    }

    /**
     * The same judgements with duplicate questions folded into one id, for retrieval over a pool where each
     * distinct question is indexed once: the folded id is relevant when any of its copies was.
     *
     * @param canonical related question id → the id it is indexed under
     */
    public Relevancy folded(Map<String, String> canonical) {
        Map<String, Map<String, Boolean>> folded = new LinkedHashMap<>();
        judgements.forEach((q, js) -> {
            Map<String, Boolean> f = new LinkedHashMap<>();
            js.forEach((r, rel) -> f.merge(canonical.getOrDefault(r, r), rel, Boolean::logicalOr));
            folded.put(q, f);
        });
        return new Relevancy(folded);
    }
}
