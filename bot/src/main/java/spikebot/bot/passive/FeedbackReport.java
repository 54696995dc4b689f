package spikebot.bot.passive;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Whether passive answers help: helpful and not-relevant rates per note and per question, from a guild's
 * {@code feedback.jsonl}, with one vote per person per answer (see {@link FeedbackVotes}). What
 * {@code spikebot feedback [--kb DIR]} prints.
 */
public final class FeedbackReport {
    private final FeedbackVotes votes;

    private FeedbackReport(FeedbackVotes votes) {
        this.votes = votes;
    }

    /** @param stateDir the knowledge base's {@code .spikebot} folder */
    public static FeedbackReport read(Path stateDir) throws IOException {
        return new FeedbackReport(FeedbackVotes.of(new FeedbackLog(stateDir).read()));
    }

    /** Notes, then questions, most voted not relevant first (those are what to fix); nothing to say when empty. */
    public void print(PrintStream out) {
        List<FeedbackVotes.Tally> notes = votes.byNote();
        if (notes.isEmpty()) {
            out.println("No passive answers yet: turn them on in a channel with /spikebot passive state:on.");
            return;
        }
        table(out, "Per note", notes);
        out.println();
        table(out, "Per question", votes.byQuestion());
    }

    private static void table(PrintStream out, String title, List<FeedbackVotes.Tally> tallies) {
        out.println(title + " (answers shown · votes · helpful · not relevant):");
        tallies.stream()
                .sorted(Comparator.comparingInt(FeedbackVotes.Tally::notRelevant).reversed()
                        .thenComparing(Comparator.comparingInt(FeedbackVotes.Tally::answers).reversed())
                        .thenComparing(FeedbackVotes.Tally::key))
                .forEach(t -> out.printf(Locale.ROOT, "  %3d · %3d · %s · %s  %s%n", t.answers(), t.votes(),
                        rate(t.helpful(), t.votes()), rate(t.notRelevant(), t.votes()), t.key()));
    }

    private static String rate(int part, int votes) {
        return votes == 0 ? "   -" : String.format(Locale.ROOT, "%3.0f%%", 100.0 * part / votes);
    }
}
