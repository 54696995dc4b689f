package spikebot.bot.capture;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Event;
import spikebot.knowledge.Note;
import spikebot.knowledge.discussion.DiscussionThread;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.capture.CaptureWorld.FORUM;
import static spikebot.bot.capture.CaptureWorld.TEXT;
import static spikebot.bot.capture.CaptureWorld.inThread;
import static spikebot.bot.core.ChatDriver.ALICE;
import static spikebot.bot.core.ChatDriver.BOB;
import static spikebot.bot.core.ChatDriver.in;

class LiveCaptureTest {
    @TempDir
    Path kb;
    @AutoClose
    CaptureWorld world;

    @BeforeEach
    void setUp() {
        world = new CaptureWorld(kb);
        world.capture(FORUM);
    }


    @Test
    void manyMessagesAreWrittenOnceAtTheNextTick() {
        DiscussionThread thread = world.open(FORUM, "Parquet reads are slow", true, ALICE);
        for (int i = 0; i < 20; i++) world.say(thread, i % 2 == 0 ? ALICE : BOB, "message number " + i);
        assertNull(world.note(thread), "nothing written per message");
        world.tick();
        String note = world.note(thread);
        assertNotNull(note);
        for (int i = 0; i < 20; i++) assertTrue(note.contains("message number " + i), note);
        assertTrue(note.contains("kind: discussion") && note.contains("messages: 20"), note);
    }

    @Test
    void aBatchOfChangesIsOneWriteOfTheSink() throws IOException {
        CapturedThreads threads = CapturedThreads.open(kb.resolve(".spikebot"));
        DiscussionThread thread = world.history.thread(FORUM, "ml-help", "Slow joins", world.bot.clock.instant(),
                false);
        threads.described(thread, false);
        for (int i = 0; i < 50; i++) {
            threads.message(thread, world.history.say(thread, "11", "alice", world.bot.clock.instant(), "m" + i));
        }
        List<Map<String, Note>> writes = new ArrayList<>();
        NoteSink counting = (Map<String, Note> put, Collection<String> deleted) -> writes.add(put);
        assertEquals(1, threads.flush(counting));
        assertEquals(1, writes.size(), "50 messages, one write");
        assertEquals(1, writes.getFirst().size());
        assertEquals(0, threads.flush(counting), "nothing left to write");
        assertEquals(1, writes.size());
    }

    @Test
    void editsDeletesRenamesTagsPrivacyAndThreadDeletesReachTheNote() throws IOException {
        DiscussionThread thread = world.open(FORUM, "CUDA OOM with batch 64", true, ALICE);
        var first = world.say(thread, ALICE, "It runs out of memory at batch 64");
        var second = world.say(thread, BOB, "Try gradient accumulation");
        var third = world.say(thread, BOB, "or a smaller model");
        var fourth = world.say(thread, ALICE, "thanks!");
        world.tick();
        String before = world.note(thread);
        assertTrue(before.contains("gradient accumulation"), before);

        var edited = world.history.edit(thread, second, world.bot.clock.instant(), "Try gradient checkpointing");
        world.bot.core.handle(new Event.MessageEdited(inThread(thread, BOB), edited));
        world.bot.core.handle(new Event.MessagesDeleted(inThread(thread, BOB), List.of(third.id())));
        world.bot.core.handle(new Event.MessagesDeleted(inThread(thread, BOB), List.of(fourth.id(), "424242")));
        world.tick();
        String after = world.note(thread);
        assertTrue(after.contains("gradient checkpointing") && !after.contains("gradient accumulation"), after);
        assertFalse(after.contains("smaller model") || after.contains("thanks!"), "deleted messages leave: " + after);
        assertTrue(after.contains(first.text()));

        DiscussionThread renamed = new DiscussionThread("g1", FORUM, "ch-500", thread.threadId(),
                "CUDA OOM fixed by checkpointing", thread.created(), false, List.of("cuda", "solved"), null);
        world.bot.core.handle(new Event.ThreadChanged(inThread(renamed, ALICE), renamed));
        world.tick();
        assertEquals(1, world.notes().size(), "renamed, not copied: " + world.notes().keySet());
        String path = world.notes().keySet().iterator().next();
        assertTrue(path.contains("cuda-oom-with-batch-64"), "the file stays where links point: " + path);
        Note retagged = world.parsed(thread);
        assertEquals("CUDA OOM fixed by checkpointing", retagged.title());
        assertEquals(List.of("cuda", "solved"), retagged.tags());
        assertEquals(FORUM, retagged.extraText("channel"));

        DiscussionThread hidden = new DiscussionThread("g1", FORUM, "ch-500", thread.threadId(), renamed.name(),
                thread.created(), true, renamed.tags(), null);
        world.bot.core.handle(new Event.ThreadChanged(inThread(hidden, ALICE), hidden));
        world.tick();
        Note privateNote = world.parsed(thread);
        assertEquals(thread.threadId(), privateNote.extraText("channel"), "visibility follows the thread");
        assertTrue(privateNote.body().contains("gradient checkpointing"), "messages stay: " + privateNote.body());

        world.bot.core.handle(new Event.ThreadDeleted(inThread(thread, ALICE), thread.threadId()));
        world.tick();
        assertTrue(world.notes().isEmpty(), world.notes().keySet().toString());
        assertFalse(Files.exists(world.kept(thread)));
    }

    @Test
    void plainChatterAndUncapturedChannelsAreNeverCaptured() {
        world.bot.core.handle(new Event.MessagePosted(in(FORUM, ALICE), "77", "lunch anyone?", false));
        DiscussionThread elsewhere = world.open(TEXT, "Not captured here", true, ALICE);
        world.say(elsewhere, ALICE, "hello");
        world.tick();
        assertTrue(world.notes().isEmpty(), world.notes().keySet().toString());
    }

    @Test
    void aThreadThatStartedBeforeCaptureIsReadWholeAtItsFirstMessage() throws IOException {
        DiscussionThread older = world.history.thread(FORUM, "ml-help", "Feature store choice",
                world.bot.clock.instant().minus(Duration.ofDays(3)), false, "infra");
        world.history.say(older, BOB.id(), BOB.name(), older.created(), "Feast or Tecton?");
        world.bot.clock.advance(Duration.ofMinutes(5));
        world.say(older, ALICE, "We went with Feast in the end");
        world.tick();
        assertTrue(Files.readString(world.kept(older)).contains("We went with Feast"), "kept at once");
        assertNull(world.note(older), "its note waits for the thread's name, which fixes its path");
        assertEquals(1, world.background.runAll(), "the thread is read again away from the lock");
        world.tick();
        assertTrue(world.notes().keySet().iterator().next().contains("ml-help/feature-store-choice-"),
                world.notes().keySet().toString());
        Note note = world.parsed(older);
        assertTrue(note.body().contains("Feast or Tecton?"), note.body());
        assertEquals("Feature store choice", note.title());
        assertEquals(List.of("infra"), note.tags());
        assertEquals(1, world.notes().size(), world.notes().keySet().toString());
    }

    @Test
    void anOlderThreadThatComesIntoViewIsReadWhole() {
        DiscussionThread older = world.history.thread(FORUM, "ml-help", "GPU quota", world.bot.clock.instant(), false);
        world.history.say(older, BOB.id(), BOB.name(), older.created(), "We hit the GPU quota every Monday");
        world.bot.core.handle(new Event.ThreadCreated(inThread(older, BOB), older, false));
        world.tick();
        assertEquals(1, world.background.runAll());
        world.tick();
        assertTrue(world.note(older).contains("We hit the GPU quota every Monday"), world.note(older));
    }

    @Test
    void keptThreadsAreTheOnlyCopyOfTheirTextAndSurviveARestart() throws IOException {
        DiscussionThread thread = world.open(FORUM, "Ray vs Dask", true, ALICE);
        var message = world.say(thread, ALICE, "Ray for the GPU jobs");
        world.tick();
        world.bot.restart();
        var edited = world.history.edit(thread, message, world.bot.clock.instant(), "Ray for GPU, Dask for ETL");
        world.bot.core.handle(new Event.MessageEdited(inThread(thread, ALICE), edited));
        world.tick();
        assertTrue(world.note(thread).contains("Ray for GPU, Dask for ETL"), world.note(thread));
        assertTrue(Files.readString(world.kept(thread)).contains("Dask for ETL"));
    }
}
