package spikebot.bot.digest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How the team's spikes went over a stretch of time: how many ran, the median share of its box a spike used, the
 * share that overran the box it started with, and the share that ended no-go. Spikes whose times the note does not
 * record count as run and for the outcome, but not for time.
 *
 * @param run          spikes closed in the stretch
 * @param timed        of those, how many recorded their times
 * @param medianUsed   median of time used ÷ time box, in percent; -1 when none was timed
 * @param overranShare percent of the timed ones that used more than their box
 * @param noGoShare    percent of all that ended no-go
 */
record TeamFigures(int run, int timed, int medianUsed, int overranShare, int noGoShare) {

    static TeamFigures of(List<ClosedWork> closed) {
        List<ClosedWork> spikes = closed.stream().filter(ClosedWork::spike).toList();
        List<Double> ratios = new ArrayList<>();
        int overran = 0;
        for (ClosedWork w : spikes) {
            Duration used = w.used();
            if (used == null || w.box() == null || w.box().isZero()) continue;
            ratios.add(used.toMinutes() / (double) w.box().toMinutes());
            if (Boolean.TRUE.equals(w.overran())) overran++;
        }
        Collections.sort(ratios);
        int median = -1;
        if (!ratios.isEmpty()) {
            int mid = ratios.size() / 2;
            double m = ratios.size() % 2 == 1 ? ratios.get(mid) : (ratios.get(mid - 1) + ratios.get(mid)) / 2;
            median = (int) Math.round(100 * m);
        }
        long noGo = spikes.stream().filter(w -> "no-go".equals(w.hit().outcome())).count();
        return new TeamFigures(spikes.size(), ratios.size(), median, percent(overran, ratios.size()),
                percent(noGo, spikes.size()));
    }

    private static int percent(long part, int whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }

    /** One line for the digest. */
    String line() {
        if (run == 0) return "No spike closed in the last quarter.";
        StringBuilder out = new StringBuilder(run + (run == 1 ? " spike" : " spikes") + " run");
        if (timed > 0) {
            out.append(" · median time used ").append(medianUsed).append("% of the box")
                    .append(" · ").append(overranShare).append("% overran");
            if (timed < run) out.append(" (of the ").append(timed).append(" with recorded times)");
        }
        out.append(" · ").append(noGoShare).append("% ended no-go.");
        return out.toString();
    }
}
