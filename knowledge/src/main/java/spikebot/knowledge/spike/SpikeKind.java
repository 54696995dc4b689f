package spikebot.knowledge.spike;

import spikebot.knowledge.NoteKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What sort of time-boxed investigation a {@link Spike} is, and everything that differs between the sorts: the
 * words and icon it is shown with, the facts on its card, the outcomes it may close with, what its closing form asks
 * for, and the section its note gets. Sealed, so that a {@code switch} over kinds is checked by the compiler; a new
 * kind (a vendor trial, a benchmark run) is one more record here and its note kind in {@link NoteKind}. The
 * alternative, an enum with behaviour, cannot carry a paper check's paper and claim.
 */
public sealed interface SpikeKind permits SpikeKind.Investigation, SpikeKind.PaperCheck {

    /** A plain spike: a question about a library, an approach, a problem. */
    SpikeKind INVESTIGATION = new Investigation();

    /**
     * One input of the closing form, besides the summary every kind asks for. The chat shows these as a form of at
     * most five inputs (Discord's limit), so a kind asks for at most four.
     *
     * @param paragraph   several lines rather than one
     * @param placeholder a hint shown in the empty input; may be null
     */
    record ClosingField(String id, String label, boolean paragraph, String placeholder, int maxLength) {
    }

    /** A labelled value: a fact on a spike's card or summary, or a section of its note (label = heading). */
    record Fact(String label, String value) {
    }

    /** The kind written into the note and the open spike's file. */
    NoteKind noteKind();

    /** How a person names it at the start of a sentence: "Spike", "Paper check". */
    String noun();

    String icon();

    /** Its thread's name: the topic, marked with the kind when that is not plain. */
    String threadName(String topic);

    /** The decisions it may close with. */
    default List<String> outcomes() {
        return noteKind().outcomes();
    }

    /** What the card shows above the goal. */
    List<Fact> facts();

    /** Whether a missing goal deserves a nudge (a paper check's goal is its claim). */
    boolean asksForGoal();

    /** What closing asks for besides the summary and outcome. */
    List<ClosingField> closingFields();

    /**
     * The closing, from the form's answers.
     *
     * @param answer a closing field's answer by its {@link ClosingField#id()}, or null when left empty
     */
    Closing closing(String outcome, String summary, Function<String, String> answer, List<String> tags,
                    Person closedBy, Instant at, String threadLink);

    /** What the closing summary shows as its result. */
    List<Fact> results(Closing closing);

    /** The note's sections for the result, after the decision and goal. */
    List<Fact> noteSections(Closing closing);

    /** Front matter the note gets besides the common fields. */
    Map<String, Object> frontMatter();

    /** The work checked (a paper's link or reference), for the note's {@code paper} field; null when none. */
    String reference();

    /**
     * Every kind's outcomes, for a command that may close any kind: Discord fixes a command's choices when it is
     * registered, before the spike it is used on is known.
     */
    static List<String> allOutcomes() {
        return Stream.of(INVESTIGATION, new PaperCheck(null, null)).flatMap(k -> k.outcomes().stream()).toList();
    }

    /** The kind of a spike as its file stores it: the note kind, plus the paper and claim of a paper check. */
    static SpikeKind of(NoteKind kind, String paper, String claim) {
        return switch (kind) {
            case SPIKE -> INVESTIGATION;
            case PAPER_CHECK -> new PaperCheck(paper, claim);
            default -> throw new IllegalArgumentException("a spike is a spike or a paper check, not a " + kind.id());
        };
    }

    record Investigation() implements SpikeKind {
        @Override
        public NoteKind noteKind() {
            return NoteKind.SPIKE;
        }

        @Override
        public String noun() {
            return "Spike";
        }

        @Override
        public String icon() {
            return "🧪";
        }

        @Override
        public String threadName(String topic) {
            return topic;
        }

        @Override
        public List<Fact> facts() {
            return List.of();
        }

        @Override
        public boolean asksForGoal() {
            return true;
        }

        @Override
        public List<ClosingField> closingFields() {
            return List.of(
                    new ClosingField("approaches", "Approaches compared (same criteria)", true,
                            "e.g. SQL baseline vs model: time, cost, accuracy, upkeep", 2000),
                    new ClosingField("next_steps", "Next steps", true, null, 1000),
                    new ClosingField("tags", "Tags, comma-separated", false, "e.g. polars, etl", 200));
        }

        @Override
        public Closing closing(String outcome, String summary, Function<String, String> answer, List<String> tags,
                               Person closedBy, Instant at, String threadLink) {
            return new Closing(outcome, summary, answer.apply("approaches"), answer.apply("next_steps"), tags, null,
                    closedBy, at, threadLink);
        }

        @Override
        public List<Fact> results(Closing c) {
            return present(new Fact("Approaches compared", c.approaches()), new Fact("Next steps", c.nextSteps()));
        }

        @Override
        public List<Fact> noteSections(Closing c) {
            return results(c);
        }

        @Override
        public Map<String, Object> frontMatter() {
            return Map.of();
        }

        @Override
        public String reference() {
            return null;
        }
    }

    /**
     * Reproducing a paper's claim.
     *
     * @param paper the paper's link or reference
     * @param claim the claim to check, with its number
     */
    record PaperCheck(String paper, String claim) implements SpikeKind {
        @Override
        public NoteKind noteKind() {
            return NoteKind.PAPER_CHECK;
        }

        @Override
        public String noun() {
            return "Paper check";
        }

        @Override
        public String icon() {
            return "📄";
        }

        @Override
        public String threadName(String topic) {
            return "Paper check: " + topic;
        }

        @Override
        public List<Fact> facts() {
            return List.of(new Fact("Paper", paper), new Fact("Claim", claim));
        }

        @Override
        public boolean asksForGoal() {
            return false;
        }

        @Override
        public List<ClosingField> closingFields() {
            return List.of(
                    new ClosingField("measured", "Measured result", false, "Claimed: " + claim, 1000),
                    new ClosingField("compute_cost", "Compute cost", false, "GPU hours, money, wall time", 500),
                    new ClosingField("code", "Code available?", false, "Link, or no", 500),
                    new ClosingField("data", "Data available?", false, "Link, or no", 500));
        }

        @Override
        public Closing closing(String outcome, String summary, Function<String, String> answer, List<String> tags,
                               Person closedBy, Instant at, String threadLink) {
            PaperResult result = new PaperResult(answer.apply("measured"), answer.apply("compute_cost"),
                    answer.apply("code"), answer.apply("data"));
            return new Closing(outcome, summary, null, null, tags, result, closedBy, at, threadLink);
        }

        @Override
        public List<Fact> results(Closing c) {
            PaperResult r = result(c);
            return List.of(new Fact("Claimed", claim), new Fact("Measured", r.measured()),
                    new Fact("Compute cost", r.computeCost()), new Fact("Code", r.code()),
                    new Fact("Data", r.data()));
        }

        @Override
        public List<Fact> noteSections(Closing c) {
            PaperResult r = result(c);
            String lines = "- Paper: " + orUnknown(paper) + "\n- Claimed: " + orUnknown(claim)
                    + "\n- Measured: " + orUnknown(r.measured()) + "\n- Compute cost: " + orUnknown(r.computeCost())
                    + "\n- Code available: " + orUnknown(r.code()) + "\n- Data available: " + orUnknown(r.data())
                    + "\n";
            return List.of(new Fact("Claim vs measured", lines));
        }

        @Override
        public Map<String, Object> frontMatter() {
            return claim == null ? Map.of() : Map.of("claim", SpikeNotes.oneLine(claim));
        }

        @Override
        public String reference() {
            return paper;
        }

        private static PaperResult result(Closing c) {
            return c.paper() == null ? new PaperResult(null, null, null, null) : c.paper();
        }

        private static String orUnknown(String text) {
            return text == null || text.isBlank() ? "not recorded" : SpikeNotes.oneLine(text);
        }
    }

    private static List<Fact> present(Fact... facts) {
        List<Fact> kept = new ArrayList<>();
        for (Fact f : facts) if (f.value() != null && !f.value().isBlank()) kept.add(f);
        return kept;
    }
}
