package spikebot.bot.capture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.MutableClock;
import spikebot.bot.core.ThreadHistory;
import spikebot.index.NoteIndex;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteFile;
import spikebot.knowledge.discussion.DiscussionMessage;
import spikebot.knowledge.discussion.DiscussionThread;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import as the command line drives it: no chat core, a thread history and a place for the notes. */
class BackfillTest {
    static final Instant T = Instant.parse("2024-03-01T00:00:00Z");
    @TempDir
    Path kb;
    final MemoryHistory history = new MemoryHistory();
    final MutableClock clock = new MutableClock(T);

    private List<DiscussionThread> threads(int n) {
        List<DiscussionThread> made = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DiscussionThread t = history.thread("500", "ml-help", "Thread " + i, T, false);
            history.say(t, "u1", "ann", T, "question " + i);
            history.say(t, "u2", "ben", T, "answer " + i);
            made.add(t);
        }
        return made;
    }

    /** Counts the batches, as the index would count commits. */
    private static final class CountingSink implements NoteSink {
        final List<Integer> batches = new ArrayList<>();
        final Set<String> paths = new HashSet<>();

        @Override
        public void replace(Map<String, Note> put, Collection<String> deleted) {
            batches.add(put.size());
            paths.addAll(put.keySet());
        }
    }

    @Test
    void writesInBatchesAndASecondRunChangesNothing() throws IOException {
        threads(230);
        CountingSink sink = new CountingSink();
        Backfill backfill = new Backfill(history, clock);
        Backfill.Job job = new Backfill.Job("g1", "500", null);
        Backfill.Progress first = backfill.runInto(job, CapturedThreads.open(kb), sink, p -> { }, new Backfill.Stop());
        assertEquals(List.of(100, 100, 30), sink.batches, "one write (one index commit) per batch");
        assertEquals(230, sink.paths.size());
        assertEquals("230 threads: 230 read, 0 unchanged, 0 failed", first.counts());

        Backfill.Progress second = backfill.runInto(job, CapturedThreads.open(kb), sink, p -> { }, new Backfill.Stop());
        assertEquals(List.of(100, 100, 30), sink.batches, "nothing written again");
        assertEquals("230 threads: 0 read, 230 unchanged, 0 failed", second.counts());
    }

    @Test
    void aThreadThatFailsIsCountedAndReadByTheNextRun() throws IOException {
        List<DiscussionThread> made = threads(3);
        String broken = made.get(1).threadId();
        ThreadHistory flaky = new ThreadHistory() {
            boolean failed;

            @Override
            public List<DiscussionThread> threads(String guildId, String channelId) throws IOException {
                return history.threads(guildId, channelId);
            }

            @Override
            public List<DiscussionMessage> messages(String guildId, String threadId, String after, int limit)
                    throws IOException {
                if (threadId.equals(broken) && !failed) {
                    failed = true;
                    throw new IOException("HTTP 500");
                }
                return history.messages(guildId, threadId, after, limit);
            }
        };
        CountingSink sink = new CountingSink();
        Backfill backfill = new Backfill(flaky, clock);
        Backfill.Job job = new Backfill.Job("g1", "500", null);
        assertEquals("3 threads: 2 read, 0 unchanged, 1 failed",
                backfill.runInto(job, CapturedThreads.open(kb), sink, p -> { }, new Backfill.Stop()).counts());
        assertEquals("3 threads: 1 read, 2 unchanged, 0 failed",
                backfill.runInto(job, CapturedThreads.open(kb), sink, p -> { }, new Backfill.Stop()).counts());
        assertEquals(3, sink.paths.size());
    }

    @Test
    void timeLeftFollowsThePaceOfThreadsRead() throws IOException {
        threads(4);
        List<Backfill.Progress> seen = new ArrayList<>();
        // Each thread handed on costs 90 s (what Discord's rate limits and the writes would cost).
        new Backfill(history, clock).run(new Backfill.Job("g1", "500", null), t -> false,
                d -> clock.advance(Duration.ofSeconds(90)), seen::add, new Backfill.Stop());
        assertEquals(5, seen.size(), "after each thread, then the end");
        assertEquals(Duration.ofSeconds(180), seen.get(1).left());
        assertEquals("2 of 4 threads · about 3 min left", seen.get(1).line());
        assertTrue(seen.getLast().finished());
    }

    /** The notes on disk and in the index, and what is kept of them, as the command-line import writes them. */
    private NoteSink durable(KnowledgeBase base, NoteIndex index) {
        return (put, deleted) -> {
            List<NoteFile> written = new ArrayList<>();
            for (var note : put.entrySet()) written.add(base.put(note.getKey(), note.getValue()));
            index.update(written, List.copyOf(deleted));
        };
    }

    @Test
    void interruptedBetweenThreadsItStillWritesTheLastBatch() throws IOException {
        threads(150);
        KnowledgeBase base = new KnowledgeBase(kb);
        Backfill.Job job = new Backfill.Job("g1", "500", null);
        try (NoteIndex index = NoteIndex.open(base)) {
            Backfill.Progress end;
            try {
                end = new Backfill(history, clock).runInto(job, CapturedThreads.open(base.stateDir()),
                        durable(base, index), p -> {
                            if (p.done() == 130 && !p.finished()) Thread.currentThread().interrupt();
                        }, new Backfill.Stop());
            } finally {
                assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
            }
            assertEquals(130, end.done());
            assertEquals(130, index.size(), "the batch read before the interrupt is written");
            assertEquals("150 threads: 20 read, 130 unchanged, 0 failed", new Backfill(history, clock)
                    .runInto(job, CapturedThreads.open(base.stateDir()), durable(base, index), p -> { }, new Backfill.Stop()).counts());
            assertEquals(150, index.size());
        }
    }

    @Test
    void stoppedItWritesWhatItReadAndTheNextRunGoesOn() throws IOException {
        threads(250);
        KnowledgeBase base = new KnowledgeBase(kb);
        Backfill.Job job = new Backfill.Job("g1", "500", null);
        Backfill.Stop stop = new Backfill.Stop();
        try (NoteIndex index = NoteIndex.open(base)) {
            Backfill.Progress end = new Backfill(history, clock).runInto(job, CapturedThreads.open(base.stateDir()),
                    durable(base, index), p -> {
                        if (p.done() == 170) stop.request();
                    }, stop);
            assertEquals(170, end.done(), "it stops between two threads");
            assertEquals(170, index.size(), "the last batch is written too");
            assertEquals("250 threads: 80 read, 170 unchanged, 0 failed", new Backfill(history, clock)
                    .runInto(job, CapturedThreads.open(base.stateDir()), durable(base, index), p -> { },
                            new Backfill.Stop()).counts());
            assertEquals(250, index.size());
        }
    }

    @Test
    void threadsReadAtOnceAreHandedOnInTheOrderListed() throws IOException {
        List<DiscussionThread> made = threads(40);
        String first = made.getFirst().threadId();
        String later = made.get(3).threadId();
        CountDownLatch laterRead = new CountDownLatch(1);
        ThreadHistory concurrent = new ThreadHistory() {
            @Override
            public List<DiscussionThread> threads(String guildId, String channelId) throws IOException {
                return history.threads(guildId, channelId);
            }

            /** The first thread is read only once a later one was: they are read at once. */
            @Override
            public List<DiscussionMessage> messages(String guildId, String threadId, String after, int limit)
                    throws IOException {
                if (threadId.equals(later)) laterRead.countDown();
                try {
                    if (threadId.equals(first) && !laterRead.await(30, TimeUnit.SECONDS)) {
                        throw new IOException("read alone: thread 4 was not read while thread 1 was");
                    }
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                return history.messages(guildId, threadId, after, limit);
            }
        };
        List<String> handedOn = new ArrayList<>();
        Backfill.Progress end = new Backfill(concurrent, clock, 4).run(new Backfill.Job("g1", "500", null),
                t -> false, d -> handedOn.add(d.thread().threadId()), p -> { }, new Backfill.Stop());
        assertEquals("40 threads: 40 read, 0 unchanged, 0 failed", end.counts());
        assertEquals(made.stream().map(DiscussionThread::threadId).toList(), handedOn, "in the order listed");
    }

    @Test
    void progressReadsLikeAPerson() {
        assertEquals("312 of 1,240 threads · about 8 min left",
                new Backfill.Progress(1240, 312, 300, 12, 0, Duration.ofMinutes(8), false).line());
        assertEquals("5 of 9 threads · less than a minute left",
                new Backfill.Progress(9, 5, 5, 0, 0, Duration.ofSeconds(20), false).line());
        assertEquals("10 of 90,000 threads · about 3 h left",
                new Backfill.Progress(90_000, 10, 10, 0, 0, Duration.ofMinutes(170), false).line());
        assertEquals("0 of 0 threads", new Backfill.Progress(0, 0, 0, 0, 0, null, false).line());
    }
}
