package spikebot.bot.capture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.bot.core.Action;
import spikebot.bot.core.CustomIds;
import spikebot.bot.core.Draft;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.ThreadHistory;
import spikebot.knowledge.discussion.Discussion;
import spikebot.knowledge.discussion.DiscussionThread;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Capture in one guild: its settings, what is kept of its threads, and the work done away from the guild's lock
 * (an import, threads read again) whose results wait in a queue until the tick writes them. Everything but the queue
 * and {@link ImportRun}'s volatile fields is touched under the guild's lock.
 */
final class GuildCapture {
    private static final Logger LOG = LoggerFactory.getLogger(GuildCapture.class);
    /**
     * Threads the tick writes at most, in one batch (one index commit), so that it holds the guild's lock briefly:
     * each thread costs two durable writes (its note, what is kept of it); on this project's shared disk a batch of
     * 100 held the lock 1.4 to 1.5 s, one of 200 up to 4.8 s ({@code CaptureImportBench}). Larger batches import
     * faster (fewer index commits) but keep the guild's commands waiting longer.
     */
    static final int TICK_BATCH = 100;
    /** Threads fetched ahead of the tick before the background thread waits: bounds memory on a fast platform. */
    static final int QUEUED = 2_000;
    /** Custom-id prefix of capture's refs (the progress message's receipt). */
    static final String PREFIX = "capture";

    /** A thread read away from the lock; {@code ofImport} counts it in the import's progress. */
    private record Fetched(Discussion discussion, boolean ofImport) {
    }

    final String guildId;
    final CaptureSettings settings;
    final CapturedThreads threads;
    /** New threads whose first message may get a "has this been asked before?" answer. */
    final Map<String, DiscussionThread> awaitingFirstMessage = new LinkedHashMap<>();
    private final BlockingQueue<Fetched> fetched = new LinkedBlockingQueue<>(QUEUED);
    private final Set<String> toReread = new LinkedHashSet<>();
    private final Executor background;
    private final Backfill backfill;
    private final ThreadHistory history;
    /** Volatile: {@code /spikebot status} reads it without the lock. */
    private volatile ImportRun run;
    private volatile boolean rereading;
    private boolean resumed;

    GuildCapture(String guildId, Path stateDir, Executor background, ThreadHistory history, Backfill backfill)
            throws IOException {
        this.guildId = guildId;
        this.settings = CaptureSettings.open(stateDir);
        this.threads = CapturedThreads.open(stateDir);
        this.background = background;
        this.history = history;
        this.backfill = backfill;
    }

    ImportRun running() {
        return run;
    }

    /** Starts (or resumes) an import on the background thread; its job is persisted first. */
    void startImport(CaptureSettings.Import job) throws IOException {
        settings.importing(job);
        ImportRun started = new ImportRun(job);
        run = started;
        Backfill.Job work = new Backfill.Job(guildId, job.channelId(), job.since());
        background.execute(() -> {
            if (started.cancelled) {
                started.over = true;
                return;
            }
            try {
                backfill.run(work, threads::unchanged, d -> enqueue(new Fetched(d, true)), p -> started.progress = p,
                        started.stop);
            } catch (IOException | RuntimeException e) {
                LOG.warn("guild {}: import of {} stopped: {}", guildId, job.channelId(), e.toString());
                started.error = e.getMessage() == null ? e.toString() : e.getMessage();
            } finally {
                started.over = true;
            }
        });
    }

    /** The bot is stopping: the import stops between two threads and stays saved, so the next start resumes it. */
    void close() {
        if (run != null) run.stop.request();
    }

    /** Capture turned off in the channel being imported: the import stops. */
    void stopImportOf(String channelId, String why) {
        if (run != null && run.job.channelId().equals(channelId)) run.cancel(why);
    }

    /** A thread deleted: its note goes at the next flush, and what an import fetched of it is dropped. */
    void threadDeleted(String threadId) {
        threads.threadDeleted(threadId);
        fetched.removeIf(f -> f.discussion().thread().threadId().equals(threadId));
        awaitingFirstMessage.remove(threadId);
    }

    /** Reads these threads again whole, away from the lock (someone opted back in; a thread kept late). */
    void reread(List<DiscussionThread> list) {
        list.forEach(t -> toReread.add(t.threadId()));
    }

    /**
     * The tick's work: resume what a restart interrupted, write what was fetched (one batch), and the import's
     * progress message.
     *
     * @param readsText whether the platform gives message text now: without it nothing is read from the history
     *                  (it would come back blank); a pending import or re-read waits until it does
     */
    List<Action> tick(GuildKnowledge guild, boolean readsText) throws IOException {
        if (!resumed && readsText) {
            resumed = true;
            var persisted = settings.runningImport();
            if (run == null && persisted.isPresent()) startImport(persisted.get());
            reread(threads.toReread());
        }
        if (readsText) startRereads();
        int counted = 0;
        for (int i = 0; i < TICK_BATCH; i++) {
            Fetched next = fetched.poll();
            if (next == null) break;
            DiscussionThread thread = next.discussion().thread();
            if (!settings.captured(thread.parentId())) continue; // turned off meanwhile
            threads.imported(next.discussion());
            if (next.ofImport()) counted++;
        }
        threads.flush(guild::replace);
        if (run != null) run.written += counted;
        return progress();
    }

    private void startRereads() throws IOException {
        if (rereading || toReread.isEmpty()) return;
        List<DiscussionThread> list = new ArrayList<>();
        for (String threadId : toReread) threads.kept(threadId).ifPresent(k -> list.add(k.thread()));
        toReread.clear();
        if (list.isEmpty()) return;
        rereading = true;
        background.execute(() -> {
            try {
                backfill.reread(guildId, described(list), d -> enqueue(new Fetched(d, false)), p -> { });
            } catch (RuntimeException e) {
                LOG.warn("guild {}: could not read {} threads again: {}", guildId, list.size(), e.toString());
            } finally {
                rereading = false;
            }
        });
    }

    /**
     * Threads known only from a message (kept after capture was turned on) get their name and tags from their
     * channel's listing, once per channel; off the lock, since listing a channel may take a while.
     */
    private List<DiscussionThread> described(List<DiscussionThread> list) {
        Map<String, Map<String, DiscussionThread>> listings = new HashMap<>();
        List<DiscussionThread> out = new ArrayList<>();
        for (DiscussionThread thread : list) {
            if (!thread.name().isBlank()) {
                out.add(thread);
                continue;
            }
            Map<String, DiscussionThread> listing = listings.computeIfAbsent(thread.parentId(), parent -> {
                Map<String, DiscussionThread> byId = new HashMap<>();
                try {
                    history.threads(guildId, parent).forEach(t -> byId.put(t.threadId(), t));
                } catch (IOException e) {
                    LOG.warn("guild {}: cannot list the threads of {}: {}", guildId, parent, e.toString());
                }
                return byId;
            });
            out.add(listing.getOrDefault(thread.threadId(), thread));
        }
        return out;
    }

    private void enqueue(Fetched item) throws IOException {
        try {
            fetched.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("stopped", e);
        }
    }

    private boolean queuedOfImport() {
        return fetched.stream().anyMatch(Fetched::ofImport);
    }

    /** Posts the progress message once, then edits it as the import goes; clears the import when it is done. */
    private List<Action> progress() throws IOException {
        if (run == null) return List.of();
        boolean finished = run.finished(queuedOfImport());
        if (run.cancelled) fetched.removeIf(Fetched::ofImport);
        String text = run.text(finished);
        List<Action> actions = new ArrayList<>();
        CaptureSettings.Import job = run.job;
        boolean changed = !text.equals(run.shown);
        if (job.messageId() != null) {
            if (changed) actions.add(new Action.Edit(job.reportChannel(), job.messageId(), Draft.text(text)));
        } else if (!run.posting) {
            run.posting = true;
            actions.add(new Action.Post(job.reportChannel(), Draft.text(text),
                    new Action.Receipt(guildId, ref(job.channelId()))));
        } else if (finished && changed) {
            // The platform never said where the progress message landed: the outcome goes out on its own.
            actions.add(new Action.Post(job.reportChannel(), Draft.text(text)));
        }
        if (!actions.isEmpty()) run.shown = text;
        if (finished && text.equals(run.shown)) {
            settings.imported();
            run = null;
        }
        return actions;
    }

    static String ref(String channelId) {
        return CustomIds.of(PREFIX, "progress", channelId);
    }

    /** The progress message landed: later ticks edit it (after a restart too). */
    void delivered(String ref, String messageId) throws IOException {
        if (run == null || !ref.equals(ref(run.job.channelId()))) return;
        run.job = run.job.withMessage(messageId);
        run.posting = false;
        settings.importing(run.job);
    }

    /** The progress message did not go out: the next tick posts it again. */
    void undelivered(String ref) {
        if (run != null && ref.equals(ref(run.job.channelId()))) run.posting = false;
    }
}
