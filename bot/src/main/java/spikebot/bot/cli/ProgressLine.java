package spikebot.bot.cli;

import spikebot.index.SyncProgress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * One line on standard error that says how far a long job got and about how long is left ("reading notes: 312 of
 * 1,240 · about 8 s left"), rewritten in place at most twice a second. A job done within half a second prints
 * nothing, so that quick runs and scripts stay quiet.
 */
final class ProgressLine implements SyncProgress {
    private static final long EVERY = Duration.ofMillis(500).toNanos();
    private final PrintStream err;
    private final String what;
    private final long started = System.nanoTime();
    private long lastShown;
    private boolean shown;

    ProgressLine(PrintStream err, String what) {
        this.err = err;
        this.what = what;
    }

    @Override
    public synchronized void read(int done, int total) {
        long now = System.nanoTime();
        if (now - started < EVERY || (shown && now - lastShown < EVERY && done < total)) return;
        lastShown = now;
        shown = true;
        String left = done <= 0 || done >= total ? ""
                : " · about " + human(Duration.ofNanos((now - started) / done * (total - done))) + " left";
        err.printf(Locale.ROOT, "\r%s %,d of %,d%s   ", what, done, total, left);
    }

    /** Ends the line, if one was shown. */
    synchronized void end() {
        if (shown) err.println();
    }

    static String human(Duration d) {
        long s = Math.max(1, d.toSeconds());
        if (s < 90) return s + " s";
        if (s < 90 * 60) return Math.round(s / 60.0) + " min";
        return String.format(Locale.ROOT, "%.1f h", s / 3600.0);
    }
}
