package spikebot.bot.cli;

import spikebot.bot.core.Ages;
import spikebot.bot.core.HitCards;
import spikebot.index.Hit;
import spikebot.index.MatchGrade;
import spikebot.index.Snippet;
import spikebot.index.UnmatchedFilter;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Hits as a person reads them in a terminal: what kind of work, its outcome, who and when, the passage that
 * answers, and where the note lives. Highlights are marked {@code **like this**}.
 */
final class HitPrinter {
    private final PrintStream out;
    private final LocalDate today;

    HitPrinter(PrintStream out, LocalDate today) {
        this.out = out;
        this.today = today;
    }

    /**
     * Prints the plausible hits, best match first, under the answer's grade ({@link MatchGrade}); a filter no note
     * passes is said as such.
     */
    void print(List<Hit> hits, Optional<UnmatchedFilter> unmatched) {
        List<Hit> shown = MatchGrade.plausible(hits);
        if (shown.isEmpty()) {
            out.println(unmatched.map(UnmatchedFilter::message).orElse(
                    "Nothing plausible. Nobody seems to have done this before: a good topic for a spike."));
            return;
        }
        if (MatchGrade.ofAnswer(shown) == MatchGrade.RELATED) {
            out.println("Related, maybe not the same (no note matches the question well):");
        }
        for (int i = 0; i < shown.size(); i++) {
            Hit hit = shown.get(i);
            out.println();
            out.printf("%d. [%s%s] %s%n", i + 1, hit.kind().id(), hit.outcome() == null ? "" : " · " + hit.outcome(),
                    hit.title());
            StringBuilder who = new StringBuilder("   ");
            who.append(hit.authors().isEmpty() ? "unknown author" : String.join(", ", hit.authors()));
            if (hit.date() != null) {
                who.append(" · ").append(hit.date()).append(" (").append(Ages.since(hit.date(), today)).append(')');
            }
            who.append(" · ").append(HitCards.match(hit));
            out.println(who);
            String snippet = render(hit.snippet());
            if (!snippet.isBlank()) out.println("   " + snippet);
            out.println("   " + hit.path() + (hit.link() == null ? "" : " · " + hit.link()));
        }
    }

    static String render(Snippet snippet) {
        return snippet.render(UnaryOperator.identity(), "**", "**");
    }
}
