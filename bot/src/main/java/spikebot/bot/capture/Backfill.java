package spikebot.bot.capture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.bot.core.ThreadHistory;
import spikebot.knowledge.discussion.Discussion;
import spikebot.knowledge.discussion.DiscussionMessage;
import spikebot.knowledge.discussion.DiscussionThread;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Imports a channel's past threads: lists them, skips those kept with the same newest message (so a second run, or
 * a run resumed after a restart, changes nothing it already did), reads the others page by page, and hands each on
 * whole. It reads a few threads at once ({@link #READERS}) and hands them on, in the order listed, on the caller's
 * thread; it may take minutes, since the platform paces history by its rate limits: the bot runs it on a background
 * thread and writes what it hands on from its tick, under the guild's lock; the
 * command-line import runs it directly with {@link #runInto}. It writes nothing itself.
 */
public final class Backfill {
    private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);
    /**
     * Threads written in one go (one index commit) by {@link #runInto}: each commit syncs the index's files, so fewer,
     * larger batches import faster; a crash loses at most one batch, which the next run reads again.
     * {@code CaptureImportBench} prints the pace.
     */
    public static final int BATCH = 100;
    /**
     * Threads read at once. Read one at a time, an import waits on every request's round trip and used under a
     * third of what the platform allows (Discord: 50 requests a second for a bot, each thread's history a bucket of
     * its own); four fill what the Discord adapter allows itself (40 a second). More would only queue behind that.
     * {@code DiscordImportLoadTest} prints the pace.
     */
    public static final int READERS = 4;
    /**
     * Threads read ahead of the one handed on: a batch's worth, so that the readers go on while the command-line
     * import writes a batch (about a second and a half on a shared disk) and while a long thread holds back the
     * ones after it. Bounds the memory too: what is read ahead is held whole.
     */
    private static final int AHEAD = BATCH;

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

    /**
     * Asks a running import to stop: it stops between two threads, hands on every thread it finished before, drops
     * the reads under way (the next run reads them) and returns, so the caller can write its last batch. Why not
     * interrupt the importing thread: the command-line import writes from it, and an interrupted thread's file
     * channels refuse to write ({@code ClosedByInterruptException}), which lost the last batch and can leave the
     * index writer closed. An interrupt still stops the import (a shutting-down executor), the same way.
     */
    public static final class Stop {
        private final CompletableFuture<Void> requested = new CompletableFuture<>();

        /** Any thread may call it, any number of times. */
        public void request() {
            requested.complete(null);
        }

        public boolean requested() {
            return requested.isDone();
        }
    }

    private final ThreadHistory history;
    private final Clock clock;
    private final int readers;

    /** With {@link #READERS} threads read at once. */
    public Backfill(ThreadHistory history, Clock clock) {
        this(history, clock, READERS);
    }

    /**
     * @param readers threads read at once; 1 reads them one after the other
     */
    public Backfill(ThreadHistory history, Clock clock, int readers) {
        if (readers < 1) throw new IllegalArgumentException("readers must be at least 1");
        this.history = history;
        this.clock = clock;
        this.readers = readers;
    }

    /**
     * Runs the import to its end, or until {@code stop} is requested (see {@link Stop}).
     *
     * @param unchanged whether a thread is kept already as listed (see {@link CapturedThreads#unchanged}): skipped
     * @param fetched   gets each thread read, in the order the channel lists them, on the caller's thread
     * @param progress  told after each thread and once at the end
     * @throws IOException when the channel's threads cannot be listed (a failing thread is counted, not thrown)
     */
    public Progress run(Job job, Predicate<DiscussionThread> unchanged, Fetched fetched,
                        Consumer<Progress> progress, Stop stop) throws IOException {
        List<DiscussionThread> threads = history.threads(job.guildId(), job.channelId()).stream()
                .filter(job::wants).toList();
        return readAll(job.guildId(), threads, unchanged, fetched, progress, stop);
    }

    /**
     * Reads these threads again whole, whatever is kept of them (someone opted back in; messages came before the
     * thread was kept).
     */
    public Progress reread(String guildId, List<DiscussionThread> threads, Fetched fetched,
                           Consumer<Progress> progress) {
        return readAll(guildId, threads, t -> false, fetched, progress, new Stop());
    }

    /**
     * The whole import on the caller's thread, written as it goes, {@link #BATCH} threads per write: what the
     * command-line import does, with no chat core running. Stopped, it writes what it read before it returns.
     *
     * @param sink where the notes go, e.g. the knowledge base and its index
     */
    public Progress runInto(Job job, CapturedThreads threads, NoteSink sink, Consumer<Progress> progress, Stop stop)
            throws IOException {
        List<Discussion> batch = new ArrayList<>();
        Progress end = run(job, threads::unchanged, discussion -> {
            batch.add(discussion);
            if (batch.size() >= BATCH) write(batch, threads, sink);
        }, progress, stop);
        // Interrupted rather than stopped: the last batch is written all the same, and the interrupt kept for the
        // caller, since an interrupted thread cannot write files.
        boolean interrupted = Thread.interrupted();
        try {
            write(batch, threads, sink);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
        return end;
    }

    private static void write(List<Discussion> batch, CapturedThreads threads, NoteSink sink) throws IOException {
        for (Discussion discussion : batch) threads.imported(discussion);
        threads.flush(sink);
        batch.clear();
    }

    /** A thread listed: kept already, or being read (its messages, or why they could not be read). */
    private record Pending(DiscussionThread thread, CompletableFuture<List<DiscussionMessage>> messages) {
    }

    /**
     * Reads up to {@link #readers} threads at once, up to {@link #AHEAD} ahead, and hands them on in the order
     * listed, which keeps the writes, the progress and what a stop leaves behind the same as reading one at a time.
     * The readers are this run's and end with it.
     */
    private Progress readAll(String guildId, List<DiscussionThread> threads, Predicate<DiscussionThread> unchanged,
                             Fetched fetched, Consumer<Progress> progress, Stop stop) {
        Instant start = clock.instant();
        int read = 0;
        int skipped = 0;
        int failed = 0;
        int done = 0;
        int fetchedHere = 0;
        ExecutorService pool = Executors.newFixedThreadPool(readers, Thread.ofPlatform().daemon()
                .name("backfill-reader-" + guildId + "-", 0).factory());
        Deque<Pending> window = new ArrayDeque<>();
        Iterator<DiscussionThread> listed = threads.iterator();
        try {
            while (!stop.requested()) {
                while (listed.hasNext() && window.size() < AHEAD) {
                    DiscussionThread thread = listed.next();
                    window.add(new Pending(thread, unchanged.test(thread) ? null
                            : CompletableFuture.supplyAsync(() -> messages(guildId, thread.threadId()), pool)));
                }
                Pending next = window.poll();
                if (next == null) break;
                if (next.messages() == null) {
                    skipped++;
                } else {
                    try {
                        CompletableFuture.anyOf(next.messages(), stop.requested).get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    } catch (ExecutionException e) {
                        // the thread's own failure, read below
                    }
                    if (stop.requested()) break;
                    try {
                        fetched.discussion(new Discussion(next.thread(), next.messages().join()));
                        read++;
                    } catch (IOException | RuntimeException e) {
                        Throwable why = e;
                        while ((why instanceof CompletionException || why instanceof UncheckedIOException)
                                && why.getCause() != null) {
                            why = why.getCause();
                        }
                        LOG.warn("guild {}: could not import thread {}: {}", guildId, next.thread().threadId(),
                                why.toString());
                        failed++;
                    }
                    fetchedHere++;
                }
                done++;
                progress.accept(new Progress(threads.size(), done, read, skipped, failed,
                        left(start, fetchedHere, threads.size() - done), false));
                if (Thread.currentThread().isInterrupted()) break;
            }
        } finally {
            pool.shutdownNow(); // reads under way when stopped are dropped: the next run does them
        }
        Progress end = new Progress(threads.size(), done, read, skipped, failed, Duration.ZERO, true);
        progress.accept(end);
        return end;
    }

    /** Every message of a thread, oldest first, a page at a time; on one of the run's readers. */
    private List<DiscussionMessage> messages(String guildId, String threadId) {
        List<DiscussionMessage> all = new ArrayList<>();
        String after = null;
        try {
            while (true) {
                List<DiscussionMessage> page = history.messages(guildId, threadId, after, ThreadHistory.PAGE);
                all.addAll(page);
                if (page.size() < ThreadHistory.PAGE) return all;
                after = page.getLast().id();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** At the pace of the threads read so far (skipped ones cost next to nothing, so they do not count). */
    private Duration left(Instant start, int fetched, int remaining) {
        if (fetched == 0) return null;
        Duration elapsed = Duration.between(start, clock.instant());
        return elapsed.multipliedBy(remaining).dividedBy(fetched);
    }
}
