package spikebot.bot.capture;

import spikebot.bot.core.Text;

/**
 * The bot's side of one import: what the background thread reports (read from the tick), and what the tick did with
 * it. The background thread only sets the volatile fields; the rest is the tick's, under the guild's lock.
 */
final class ImportRun {
    /** As persisted; gains the progress message's id once the platform says where it landed. */
    CaptureSettings.Import job;
    volatile Backfill.Progress progress;
    /** Why it stopped early; null while it runs or when it ended well. */
    volatile String error;
    /** The background work returned (or never will: cancelled). */
    volatile boolean over;
    volatile boolean cancelled;
    /** Stops the background work; its place in the queue of fetched threads is freed by the tick that drops them. */
    final Backfill.Stop stop = new Backfill.Stop();
    /** Threads of this import written so far. */
    int written;
    /** The progress message was posted and the platform has not said yet where it landed. */
    boolean posting;
    /** The text the progress message shows now. */
    String shown;

    ImportRun(CaptureSettings.Import job) {
        this.job = job;
    }

    /** Stops it between two threads; what it fetched of this channel is dropped. */
    void cancel(String why) {
        error = why;
        cancelled = true;
        stop.request();
    }

    boolean finished(boolean queued) {
        return cancelled || (over && !queued);
    }

    /** The progress message: counts as written (not merely fetched), then the outcome once finished. */
    String text(boolean finished) {
        String channel = Text.channel(job.channelId());
        Backfill.Progress p = progress;
        if (finished && error != null) {
            return "⚠️ The import of " + channel + " stopped: " + Text.escape(Text.cut(Text.oneLine(error), 300))
                    + (cancelled ? "" : " `/spikebot import` resumes it where it stopped.");
        }
        if (finished) {
            return "✅ Imported " + channel + ": " + (p == null ? "no threads" : p.counts()) + ". New threads and "
                    + "messages there are kept as they come.";
        }
        if (p == null) return "⏳ Importing " + channel + ": listing its threads…";
        Backfill.Progress shownNow = new Backfill.Progress(p.total(), p.unchanged() + p.failed() + written, p.read(),
                p.unchanged(), p.failed(), p.left(), false);
        return "⏳ Importing " + channel + ": " + shownNow.line();
    }
}
