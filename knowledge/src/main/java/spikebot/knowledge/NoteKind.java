package spikebot.knowledge;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a note records. Each kind has its own vocabulary of outcomes, so that "did it work?" reads the same across
 * the whole knowledge base and can be filtered on.
 */
public enum NoteKind {
    SPIKE("spike", "spikes", List.of("go", "no-go", "shelved", "needs-more-time")),
    PAPER_CHECK("paper-check", "paper-checks",
            List.of("reproduced", "partially-reproduced", "not-reproduced", "not-attempted")),
    SOLUTION("solution", "solutions", List.of()),
    /**
     * An architecture decision record (Nygard's or MADR): its status is the outcome, so that "what did we decide
     * about X, and does it still hold?" can be filtered on.
     */
    DECISION("decision", "decisions", List.of("proposed", "accepted", "rejected", "deprecated", "superseded")),
    /**
     * A thread or forum post captured from Discord: the opening message is the question, the replies are the body.
     * Written under {@code discussions/<channel>/}.
     */
    DISCUSSION("discussion", "discussions", List.of()),
    /** A Markdown file without front matter: still worth finding. */
    NOTE("note", "notes", List.of());

    private final String id;
    private final String folder;
    private final List<String> outcomes;

    NoteKind(String id, String folder, List<String> outcomes) {
        this.id = id;
        this.folder = folder;
        this.outcomes = outcomes;
    }

    /** The name used in front matter, commands and the index. */
    public String id() {
        return id;
    }

    /** Where new notes of this kind are written, relative to the knowledge base. */
    public String folder() {
        return folder;
    }

    public List<String> outcomes() {
        return outcomes;
    }

    public boolean accepts(String outcome) {
        return outcome == null || outcomes.contains(outcome) || (outcomes.isEmpty() && outcome.equals("none"));
    }

    public static Optional<NoteKind> parse(String text) {
        if (text == null) return Optional.empty();
        String wanted = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
        return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst();
    }

    /** "spike, paper-check, solution, decision, discussion, note" — for error messages. */
    public static String ids() {
        return Arrays.stream(values()).map(NoteKind::id).collect(Collectors.joining(", "));
    }
}
