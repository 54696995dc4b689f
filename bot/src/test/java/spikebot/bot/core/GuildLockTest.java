package spikebot.bot.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.knowledge.NoteKind;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.core.ChatDriver.ALICE;
import static spikebot.bot.core.ChatDriver.in;
import static spikebot.bot.core.ChatDriver.note;
import static spikebot.bot.core.ChatDriver.only;
import static spikebot.bot.core.ChatDriver.text;

/**
 * Issue 5: while an event holds a guild's lock (here a {@code /spike list} stuck in a permission check, as a slow
 * write would be), forms, suggestions and questions are still answered at once: Discord accepts a form or
 * suggestions only as the first answer within 3 seconds, and a question must not wait behind a write. Events that
 * change something still wait their turn.
 */
class GuildLockTest {
    private static final Actor HOLDER = new Actor("77", "holder", false);
    private static final Duration AT_ONCE = Duration.ofSeconds(2);

    @TempDir
    Path kb;
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private ChatDriver bot;

    @BeforeEach
    void setUp() {
        note(kb, NoteKind.SPIKE, "Evaluate Polars as a Pandas replacement", "no-go", "Fast, but porting cost too much.",
                null);
        ChannelAccess stuckForHolder = new ChannelAccess() {
            @Override
            public boolean canView(String guildId, String userId, String channelId) {
                if (userId.equals(HOLDER.id())) {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return true;
            }

            @Override
            public boolean isPublic(String guildId, String channelId) {
                return true;
            }
        };
        bot = new ChatDriver(Map.of("g1", GuildConfig.of(kb)), stuckForHolder);
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        bot.close();
    }

    @Test
    void formsSuggestionsAndQuestionsNeverWaitForTheGuildLock() throws Exception {
        String thread = bot.startSpike(in("100", ALICE), "topic", "Evaluate DuckDB");
        // Each person on a thread of their own: the common pool has a single worker on a 2-core machine.
        ExecutorService people = Executors.newVirtualThreadPerTaskExecutor();
        CompletableFuture<List<Action>> list = CompletableFuture.supplyAsync(() ->
                bot.slash(in("100", HOLDER), "spike", "list"), people);
        assertTrue(holding.await(10, TimeUnit.SECONDS), "/spike list holds the lock");

        assertTimeoutPreemptively(AT_ONCE, () -> {
            only(bot.slash(in("100", ALICE), "solved", null), Action.ShowForm.class);
            only(bot.slash(bot.inThread(thread, ALICE), "spike", "close", "outcome", "go"),
                    Action.ShowForm.class);
            only(bot.click(in("100", ALICE), "spike:new:Evaluate Polars", "m1"), Action.ShowForm.class);
            only(bot.core.handle(new Event.MessageCommand(in("100", ALICE), "Save as solution", "m2", "bob",
                    "Pinned numpy<2")), Action.ShowForm.class);
            only(bot.core.handle(new Event.Autocomplete(in("100", ALICE), "spike", "start", "template", "lib")),
                    Action.Suggest.class);
            only(bot.core.handle(new Event.Autocomplete(in("100", ALICE), "ask", null, "tag", "data")),
                    Action.Suggest.class);
            assertTrue(text(bot.slash(in("100", ALICE), "ask", null, "question", "anyone tried polars?"))
                    .contains("Evaluate Polars"));
        }, "answered while the lock is held");

        // A change waits until the lock is free, then goes through.
        CompletableFuture<List<Action>> finding = CompletableFuture.supplyAsync(() ->
                bot.slash(bot.inThread(thread, ALICE), "spike", "note", "text", "DuckDB reads parquet directly"), people);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!bot.core.waitsForLock("g1") && System.nanoTime() < deadline) Thread.onSpinWait();
        assertTrue(bot.core.waitsForLock("g1"), "/spike note waits for the lock");
        assertFalse(finding.isDone());
        release.countDown();
        assertTrue(text(finding.get(10, TimeUnit.SECONDS)).contains("Finding 1"));
        assertTrue(text(list.get(10, TimeUnit.SECONDS)).contains("Evaluate DuckDB"));
        people.close();
    }

    @Test
    void aSlowVisibilityCheckHoldsNoSearchSlot() throws Exception {
        // Every search slot's worth of questions stuck asking the platform who may see a channel…
        note(kb, NoteKind.SOLUTION, "Polars memory blow-up on joins", null, "Stream the join.", "300");
        int slots = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        List<CompletableFuture<List<Action>>> stuck = new ArrayList<>();
        try (ExecutorService people = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < slots + 1; i++) {
                stuck.add(CompletableFuture.supplyAsync(() -> bot.slash(in("100", HOLDER), "ask", null,
                        "question", "polars memory joins"), people));
            }
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            // …and someone else's question is still searched and answered at once.
            assertTimeoutPreemptively(AT_ONCE, () -> assertTrue(text(bot.slash(in("100", ALICE), "ask", null,
                    "question", "anyone tried polars?")).contains("Polars")));
            release.countDown();
            for (var q : stuck) assertTrue(text(q.get(10, TimeUnit.SECONDS)).contains("Polars"));
        }
    }

    @Test
    void aBurstOfQuestionsBeyondTheSearchersIsABacklog() throws Exception {
        // A note from a channel: a question about it asks who may see that channel, and the holder is stuck there.
        note(kb, NoteKind.SOLUTION, "Polars memory blow-up on joins", null, "Stream the join.", "300");
        int searchers = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        List<CompletableFuture<List<Action>>> questions = new ArrayList<>();
        try (ExecutorService people = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < searchers + SearchSlots.BACKLOG + 1; i++) {
                questions.add(CompletableFuture.supplyAsync(() -> bot.slash(in("100", HOLDER), "ask", null,
                        "question", "polars memory joins"), people));
            }
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!bot.core.backlog() && System.nanoTime() < deadline) Thread.sleep(10);
            assertTrue(bot.core.backlog(), "more than " + SearchSlots.BACKLOG + " questions wait");
            release.countDown();
            for (var q : questions) assertTrue(text(q.get(10, TimeUnit.SECONDS)).contains("Polars"));
        }
        assertFalse(bot.core.backlog());
    }

    @Test
    void whatEachEventWaitsFor() {
        Origin o = in("100", ALICE);
        assertEquals(Needs.SEARCHER, bot.core.needs(new Event.SlashCommand(o, "ask", null, Map.of())));
        assertEquals(Needs.SEARCHER, bot.core.needs(new Event.MessagePosted(o, "1", "has anyone", true)));
        assertEquals(Needs.LOCK, bot.core.needs(new Event.MessagePosted(o, "1", "has anyone", false)),
                "a passive answer keeps per-channel state");
        assertEquals(Needs.NOTHING, bot.core.needs(new Event.SlashCommand(o, "spike", "close",
                Map.of("outcome", "go"))));
        assertEquals(Needs.LOCK, bot.core.needs(new Event.SlashCommand(o, "spike", "close",
                Map.of("outcome", "go", "summary", "done"))), "closing at once writes the note");
        assertEquals(Needs.LOCK, bot.core.needs(new Event.ButtonClick(o, "spike:tick:abc:1", "m")));
        assertEquals(Needs.LOCK, bot.core.needs(new Event.FormSubmit(o, "solved", Map.of())));
    }
}
