package spikebot.bot.capture;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.knowledge.Note;
import spikebot.knowledge.discussion.DiscussionThread;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.capture.CaptureWorld.FORUM;
import static spikebot.bot.capture.CaptureWorld.HERE;
import static spikebot.bot.core.ChatDriver.ALICE;
import static spikebot.bot.core.ChatDriver.BOB;
import static spikebot.bot.core.ChatDriver.assertPrivateReply;
import static spikebot.bot.core.ChatDriver.in;

class ConsentTest {
    @TempDir
    Path kb;
    @AutoClose
    CaptureWorld world;
    DiscussionThread live;
    DiscussionThread past;

    @BeforeEach
    void setUp() {
        world = new CaptureWorld(kb);
        world.capture(FORUM);
        past = world.history.thread(FORUM, "ml-help", "Spark on k8s", world.bot.clock.instant(), false);
        world.history.say(past, ALICE.id(), ALICE.name(), world.bot.clock.instant(), "alice-secret-past");
        world.history.say(past, BOB.id(), BOB.name(), world.bot.clock.instant(), "bob on spark");
        live = world.open(FORUM, "Tokenizer speed", true, BOB);
        world.say(live, BOB, "bob asks about tokenizers");
        world.say(live, ALICE, "alice-secret-live");
        world.tick();
    }


    private void consent(String state) {
        assertPrivateReply(world.bot.slash(in(HERE, ALICE), "spikebot", "consent", "state", state),
                state.equals("off") ? "left out of every discussion note" : "again");
    }

    private String everythingKept() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.walk(kb)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("index"))
                    .toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void offLeavesSomeoneOutFromThenOnAndRetroactivelyAndOnBringsThemBack() throws IOException {
        assertTrue(world.note(live).contains("alice-secret-live"));
        consent("off");
        world.bot.restart(); // durable
        world.say(live, ALICE, "alice-secret-later");
        world.admin("import", "channel", FORUM);
        world.background.runAll();
        world.tick();

        String kept = everythingKept();
        for (String secret : new String[]{"alice-secret-live", "alice-secret-later", "alice-secret-past"}) {
            assertFalse(kept.contains(secret), secret + " is kept somewhere");
        }
        Note note = world.parsed(live);
        assertTrue(note.body().contains("bob asks about tokenizers"), note.body());
        assertTrue(note.body().contains("left out"), "the note says a message was left out: " + note.body());
        assertFalse(note.authors().contains("alice"), note.authors().toString());
        assertTrue(world.parsed(past).body().contains("bob on spark"));

        world.bot.restart();
        assertPrivateReply(world.bot.slash(in(HERE, ALICE), "spikebot", "consent", "state", "on"),
                "the 2 threads you wrote in are read again");
        world.tick(); // starts the re-read away from the lock
        assertEquals(1, world.background.runAll());
        world.tick();
        assertTrue(world.note(live).contains("alice-secret-live") && world.note(live).contains("alice-secret-later"),
                world.note(live));
        assertTrue(world.note(past).contains("alice-secret-past"), world.note(past));
        assertTrue(world.parsed(live).authors().contains("alice"));
    }

    @Test
    void optingBackInSurvivesARestartBeforeTheReread() {
        consent("off");
        world.tick();
        consent("on");
        world.bot.restart(); // the re-read had not run
        world.tick();
        assertEquals(1, world.background.runAll(), "the marked threads are read again after the restart");
        world.tick();
        assertTrue(world.note(live).contains("alice-secret-live"), world.note(live));
    }

    @Test
    void consentIsPerPersonAndNeedsNoPermission() {
        consent("off");
        world.say(live, BOB, "bob-still-captured");
        world.tick();
        assertTrue(world.note(live).contains("bob-still-captured"));
        assertPrivateReply(world.bot.slash(in(HERE, BOB), "spikebot", "consent", "state", "maybe"), "`on` or `off`");
    }
}
