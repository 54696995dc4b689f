package spikebot.bot.capture;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.Chat;
import spikebot.bot.core.ChatDriver;
import spikebot.knowledge.discussion.DiscussionThread;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.capture.CaptureWorld.FORUM;
import static spikebot.bot.capture.CaptureWorld.HERE;
import static spikebot.bot.capture.CaptureWorld.TEXT;
import static spikebot.bot.core.ChatDriver.all;
import static spikebot.bot.core.ChatDriver.assertPrivateReply;
import static spikebot.bot.core.ChatDriver.only;

class ImportTest {
    static final int THREADS = 160;
    @TempDir
    Path kb;
    @AutoClose
    CaptureWorld world;
    final List<DiscussionThread> threads = new ArrayList<>();

    @BeforeEach
    void setUp() {
        world = new CaptureWorld(kb);
        Instant start = Instant.parse("2024-01-01T10:00:00Z");
        for (int i = 0; i < THREADS; i++) {
            Instant created = start.plus(Duration.ofDays(i));
            DiscussionThread thread = world.history.thread(FORUM, "ml-help", "Question " + i, created, false);
            for (int m = 0; m < 3 + i % 4; m++) {
                world.history.say(thread, "u" + m, "user" + m, created.plusSeconds(m), "answer " + m + " to " + i);
            }
            threads.add(thread);
        }
        // one long thread: read in pages of 100
        for (int m = 0; m < 250; m++) {
            world.history.say(threads.getFirst(), "u9", "user9", start.plusSeconds(100 + m), "long " + m);
        }
        world.capture(FORUM);
    }


    /** The adapter's part: the progress post gets a message id and the core hears where it landed. */
    private String deliver(List<Action> actions) {
        Action.Post post = only(actions, Action.Post.class);
        assertEquals(HERE, post.channelId());
        ((Chat) world.bot.core).delivered(post.receipt(), post.channelId(), "progress-1");
        return ChatDriver.text(post.message());
    }

    @Test
    void importsEveryThreadOnceInBatchesWithOneProgressMessageEdited() {
        assertPrivateReply(world.admin("import", "channel", FORUM), "Importing the threads of <#500>");
        assertEquals(0, world.notes().size(), "nothing read under the lock");
        List<Action> first = world.tick();
        assertTrue(deliver(first).contains("listing its threads"));
        world.bot.clock.advance(Duration.ofMinutes(2));
        assertEquals(1, world.background.runAll());
        List<Action> second = world.tick();
        Action.Edit edit = only(second, Action.Edit.class);
        assertEquals("progress-1", edit.messageId());
        String line = ChatDriver.text(edit.message());
        assertTrue(line.contains("100 of 160 threads"), line);
        assertEquals(GuildCapture.TICK_BATCH, world.notes().size());
        List<Action> last = world.tick();
        String done = ChatDriver.text(only(last, Action.Edit.class).message());
        assertTrue(done.contains("Imported <#500>: 160 threads: 160 read, 0 unchanged, 0 failed"), done);
        assertEquals(THREADS, world.notes().size());
        assertTrue(world.note(threads.getFirst()).contains("long 249"), "every page read");
        assertFalse(Files.exists(kb.resolve(".spikebot/capture/import.json")), "done: nothing to resume");
        assertEquals(List.of(), world.tick(), "no more edits");
    }

    @Test
    void aRestartHalfwayResumesWithoutReadingOrWritingAThreadTwice() throws IOException {
        world.admin("import", "channel", FORUM);
        deliver(world.tick());
        world.background.runAll();
        world.tick(); // 100 written
        assertEquals(GuildCapture.TICK_BATCH, world.notes().size());
        world.bot.restart(); // the 250 fetched but not written are lost with the process

        List<Action> resumed = world.tick();
        assertEquals(List.of(), all(resumed, Action.Post.class), "the same progress message, not a new one");
        assertEquals(1, world.background.runAll(), "the import started again on its own");
        for (int i = 0; i < 2; i++) world.tick();
        assertEquals(THREADS, world.notes().size());
        long readTwice = threads.stream().filter(t -> world.history.messageCalls.get(t.threadId())
                > (t == threads.getFirst() ? 3 : 1)).count();
        assertEquals(60, readTwice, "only the threads fetched but never written are read again");
        long written = Files.list(kb.resolve(".spikebot/capture/threads")).count();
        assertEquals(THREADS, written);
        assertFalse(Files.exists(kb.resolve(".spikebot/capture/import.json")));
    }

    @Test
    void aStoppingBotStopsItsImportWhichTheNextStartResumes() {
        world.admin("import", "channel", FORUM);
        deliver(world.tick());
        ManualExecutor stopped = world.background;
        world.bot.restart();
        stopped.runAll(); // the old process's import thread, going on after its core closed
        assertTrue(world.history.messageCalls.isEmpty(), "no thread read for a core that is gone: "
                + world.history.messageCalls.size());

        world.tick();
        assertEquals(1, world.background.runAll(), "the new start resumes it");
        for (int i = 0; i < 2; i++) world.tick();
        assertEquals(THREADS, world.notes().size());
        assertFalse(Files.exists(kb.resolve(".spikebot/capture/import.json")));
    }

    @Test
    void runningItTwiceChangesNothing() {
        world.admin("import", "channel", FORUM);
        world.background.runAll();
        for (int i = 0; i < 3; i++) world.tick();
        Map<String, String> before = world.notes();
        int calls = world.history.messageCalls.values().stream().mapToInt(Integer::intValue).sum();

        assertPrivateReply(world.admin("import", "channel", FORUM), "Importing");
        world.tick();
        world.background.runAll();
        String done = world.tick().stream().map(a -> a instanceof Action.Post p ? ChatDriver.text(p.message())
                : a instanceof Action.Edit e ? ChatDriver.text(e.message()) : "").reduce("", String::concat);
        assertEquals(before, world.notes(), "the same notes, byte for byte");
        assertEquals(calls, world.history.messageCalls.values().stream().mapToInt(Integer::intValue).sum(),
                "no thread read again");
        assertTrue(done.contains("0 read, 160 unchanged"), "said on its own when the first post was never "
                + "reported delivered: " + done);
    }

    @Test
    void sinceFiltersByTheDayAThreadStarted() {
        LocalDate since = LocalDate.parse("2024-06-01");
        world.admin("import", "channel", FORUM, "since", since.toString());
        world.background.runAll();
        for (int i = 0; i < 3; i++) world.tick();
        long expected = threads.stream().filter(t -> !t.created().isBefore(since.atStartOfDay(ZoneOffset.UTC)
                .toInstant())).count();
        assertTrue(expected > 0 && expected < THREADS);
        assertEquals(expected, world.notes().size());
    }

    @Test
    void withoutTheIntentAfterARestartTheImportWaitsAndLiveTextIsNotKept() {
        world.admin("import", "channel", FORUM);
        DiscussionThread live = world.open(FORUM, "Live thread", true, ChatDriver.ALICE);
        world.say(live, ChatDriver.ALICE, "kept while the intent is on");
        world.tick();
        world.bot.restart();
        world.access.readsText = false;
        world.say(live, ChatDriver.ALICE, "");
        world.tick();
        assertEquals(0, world.background.waiting(), "nothing read from the history without message text");
        assertTrue(world.note(live).contains("kept while the intent is on"));
        assertEquals(1, world.notes().size(), "no import resumed");
        assertEquals("1", world.parsed(live).extraText("messages"), "no blank message kept");
        world.access.readsText = true;
        world.tick();
        assertEquals(1, world.background.runAll(), "resumed once the text can be read");
    }

    @Test
    void oneImportAtATime() {
        world.admin("capture", "state", "on", "channel", TEXT);
        world.admin("import", "channel", FORUM);
        assertPrivateReply(world.admin("import", "channel", FORUM), "already running");
        assertPrivateReply(world.admin("import", "channel", TEXT), "one at a time");
    }

    @Test
    void aChannelThatCannotBeListedEndsTheImportWithTheReason() {
        world.history.refuseListing = new IOException("Missing Access: the bot cannot read message history");
        world.admin("import", "channel", FORUM);
        deliver(world.tick());
        world.background.runAll();
        String line = ChatDriver.text(only(world.tick(), Action.Edit.class).message());
        assertTrue(line.contains("stopped: Missing Access") && line.contains("resumes it"), line);
        assertTrue(world.notes().isEmpty());
        assertPrivateReply(world.admin("import", "channel", FORUM), "Importing"); // may be run again
    }

    @Test
    void captureOffStopsTheImportAndDropsWhatItFetched() {
        world.admin("import", "channel", FORUM);
        deliver(world.tick());
        world.background.runAll();
        world.tick();
        world.admin("capture", "state", "off", "channel", FORUM);
        String line = ChatDriver.text(only(world.tick(), Action.Edit.class).message());
        assertTrue(line.contains("stopped: capture was turned off"), line);
        assertEquals(GuildCapture.TICK_BATCH, world.notes().size(), "nothing written after it stopped");
        world.tick();
        assertEquals(GuildCapture.TICK_BATCH, world.notes().size());
    }
}
