package spikebot.bot.cli;

import spikebot.index.Hit;
import spikebot.index.Snippet;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

    /** Prints the hits; says so when none is good enough (and still shows the closest, marked as weak). */
    void print(List<Hit> hits) {
        if (hits.isEmpty()) {
            out.println("No note matches. Nobody seems to have done this before: a good topic for a spike.");
            return;
        }
        if (hits.stream().noneMatch(Hit::goodEnough)) {
            out.println("Nothing good enough; the closest notes are weak matches:");
        }
        for (int i = 0; i < hits.size(); i++) {
            Hit hit = hits.get(i);
            out.println();
            out.printf("%d. [%s%s] %s%n", i + 1, hit.kind().id(), hit.outcome() == null ? "" : " · " + hit.outcome(),
                    hit.title());
            StringBuilder who = new StringBuilder("   ");
            who.append(hit.authors().isEmpty() ? "unknown author" : String.join(", ", hit.authors()));
            if (hit.date() != null) who.append(" · ").append(hit.date()).append(" (").append(age(hit.date())).append(')');
            who.append(String.format(" · match %.0f%%%s", hit.relevance() * 100,
                    hit.strong() ? ", strong" : hit.goodEnough() ? "" : ", weak"));
            out.println(who);
            String snippet = render(hit.snippet());
            if (!snippet.isBlank()) out.println("   " + snippet);
            out.println("   " + hit.path() + (hit.link() == null ? "" : " · " + hit.link()));
        }
    }

    static String render(Snippet snippet) {
        return snippet.render(UnaryOperator.identity(), "**", "**");
    }

    /** "3 months ago", the way people say it. */
    String age(LocalDate date) {
        long days = ChronoUnit.DAYS.between(date, today);
        if (days < 0) return "in the future";
        if (days == 0) return "today";
        if (days == 1) return "yesterday";
        if (days < 14) return days + " days ago";
        if (days < 60) return days / 7 + " weeks ago";
        Period period = Period.between(date, today);
        long months = period.toTotalMonths();
        if (months < 24) return months + " months ago";
        return period.getYears() + " years ago";
    }
}
