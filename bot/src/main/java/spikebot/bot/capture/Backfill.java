package spikebot.bot.capture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.bot.core.ThreadHistory;
import spikebot.knowledge.discussion.Discussion;
import spikebot.knowledge.discussion.DiscussionMessage;
import spikebot.knowledge.discussion.DiscussionThread;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Imports a channel's past threads: lists them, skips those kept with the same newest message (so a second run, or
 * a run resumed after a restart, changes nothing it already did), reads the others page by page, and hands each on
 * whole. It runs on the caller's thread and may take minutes, since the platform paces history by its rate limits:
 * the bot runs it on a background thread and writes what it hands on from its tick, under the guild's lock; the
 * command-line import runs it directly with {@link #runInto}. It writes nothing itself.
 */
public final class Backfill {
    private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);
    /** Threads written in one go (one index commit) by {@link #runInto}. */
    public static final int BATCH = 50;

    /**
     * One channel to import.
     *
     * @param since only threads started on or after this day (UTC); null for all
     */
    public record Job(String guildId, String channelId, LocalDate since) {
        public Job {
            Objects.requireNonNull(guildId, "guildId");
            Objects.requireNonNull(channelId, "channelId");
        }

        boolean wants(DiscussionThread thread) {
            return since == null || !thread.created().isBefore(since.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
    }

    /**
     * How far an import is.
     *
     * @param total     threads to look at (after {@code since}); 0 until they are listed
     * @param done      looked at so far: read, skipped as unchanged, or failed
     * @param read      read whole and handed on
     * @param unchanged skipped: kept already with the same newest message
     * @param failed    could not be read (said in the log); the next run tries them again
     * @param left      the time left at the pace so far; null before the pace is known
     * @param finished  nothing more will come
     */
    public record Progress(int total, int done, int read, int unchanged, int failed, Duration left,
                           boolean finished) {
        /** "312 of 1,240 threads · about 8 min left". */
        public String line() {
            String counts = number(done) + " of " + number(total) + " threads";
            if (finished || left == null) return counts;
            long minutes = left.toMinutes();
            String time = minutes < 1 ? "less than a minute left" : minutes < 90 ? "about " + minutes + " min left"
                    : "about " + Math.round(minutes / 60.0) + " h left";
            return counts + " · " + time;
        }

        /** "1,240 threads: 1,100 read, 140 unchanged, 0 failed". */
        public String counts() {
            return number(total) + " threads: " + number(read) + " read, " + number(unchanged) + " unchanged, "
                    + number(failed) + " failed";
        }

        static String number(int n) {
            return String.format(Locale.ROOT, "%,d", n);
        }
    }

    /** Gets each thread read whole, oldest message first, on the thread that runs the import. */
    @FunctionalInterface
    public interface Fetched {
        void discussion(Discussion discussion) throws IOException;
    }

    private final ThreadHistory history;
    private final Clock clock;

    public Backfill(ThreadHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    /**
     * Runs the import to its end (or until the running thread is interrupted: it stops between two threads).
     *
     * @param unchanged whether a thread is kept already as listed (see {@link CapturedThreads#unchanged}): skipped
     * @param progress  told after each thread and once at the end
     * @throws IOException when the channel's threads cannot be listed (a failing thread is counted, not thrown)
     */
    public Progress run(Job job, Predicate<DiscussionThread> unchanged, Fetched fetched,
                        Consumer<Progress> progress) throws IOException {
        List<DiscussionThread> threads = history.threads(job.guildId(), job.channelId()).stream()
                .filter(job::wants).toList();
        return readAll(job.guildId(), threads, unchanged, fetched, progress);
    }

    /**
     * Reads these threads again whole, whatever is kept of them (someone opted back in; messages came before the
     * thread was kept).
     */
    public Progress reread(String guildId, List<DiscussionThread> threads, Fetched fetched,
                           Consumer<Progress> progress) {
        return readAll(guildId, threads, t -> false, fetched, progress);
    }

    /**
     * The whole import on the caller's thread, written as it goes, {@link #BATCH} threads per write: what the
     * command-line import does, with no chat core running.
     *
     * @param sink where the notes go, e.g. the knowledge base and its index
     */
    public Progress runInto(Job job, CapturedThreads threads, NoteSink sink, Consumer<Progress> progress)
            throws IOException {
        List<Discussion> batch = new ArrayList<>();
        Progress end = run(job, threads::unchanged, discussion -> {
            batch.add(discussion);
            if (batch.size() >= BATCH) write(batch, threads, sink);
        }, progress);
        write(batch, threads, sink);
        return end;
    }

    private static void write(List<Discussion> batch, CapturedThreads threads, NoteSink sink) throws IOException {
        for (Discussion discussion : batch) threads.imported(discussion);
        threads.flush(sink);
        batch.clear();
    }

    private Progress readAll(String guildId, List<DiscussionThread> threads, Predicate<DiscussionThread> unchanged,
                             Fetched fetched, Consumer<Progress> progress) {
        Instant start = clock.instant();
        int read = 0;
        int skipped = 0;
        int failed = 0;
        int done = 0;
        int fetchedHere = 0;
        for (DiscussionThread thread : threads) {
            if (Thread.currentThread().isInterrupted()) break;
            if (unchanged.test(thread)) {
                skipped++;
            } else {
                try {
                    fetched.discussion(new Discussion(thread, messages(guildId, thread.threadId())));
                    read++;
                } catch (IOException | RuntimeException e) {
                    LOG.warn("guild {}: could not import thread {}: {}", guildId, thread.threadId(), e.toString());
                    failed++;
                }
                fetchedHere++;
            }
            done++;
            progress.accept(new Progress(threads.size(), done, read, skipped, failed,
                    left(start, fetchedHere, threads.size() - done), false));
        }
        Progress end = new Progress(threads.size(), done, read, skipped, failed, Duration.ZERO, true);
        progress.accept(end);
        return end;
    }

    /** Every message of a thread, oldest first, a page at a time. */
    private List<DiscussionMessage> messages(String guildId, String threadId) throws IOException {
        List<DiscussionMessage> all = new ArrayList<>();
        String after = null;
        while (true) {
            List<DiscussionMessage> page = history.messages(guildId, threadId, after, ThreadHistory.PAGE);
            all.addAll(page);
            if (page.size() < ThreadHistory.PAGE) return all;
            after = page.getLast().id();
        }
    }

    /** At the pace of the threads read so far (skipped ones cost next to nothing, so they do not count). */
    private Duration left(Instant start, int fetched, int remaining) {
        if (fetched == 0) return null;
        Duration elapsed = Duration.between(start, clock.instant());
        return elapsed.multipliedBy(remaining).dividedBy(fetched);
    }
}
