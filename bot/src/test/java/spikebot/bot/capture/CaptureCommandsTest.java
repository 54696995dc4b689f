package spikebot.bot.capture;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.capture.CaptureWorld.FORUM;
import static spikebot.bot.capture.CaptureWorld.HERE;
import static spikebot.bot.capture.CaptureWorld.VOICE;
import static spikebot.bot.core.ChatDriver.ADMIN;
import static spikebot.bot.core.ChatDriver.ALICE;
import static spikebot.bot.core.ChatDriver.assertPrivateReply;
import static spikebot.bot.core.ChatDriver.in;
import static spikebot.bot.core.ChatDriver.text;

class CaptureCommandsTest {
    @TempDir
    Path kb;
    @AutoClose
    CaptureWorld world;

    @BeforeEach
    void setUp() {
        world = new CaptureWorld(kb);
    }


    private Path channels() {
        return kb.resolve(".spikebot/capture/channels.json");
    }

    @Test
    void badInputGetsOneClearLineAndChangesNothing() {
        assertPrivateReply(world.bot.slash(in(HERE, ALICE), "spikebot", "capture", "state", "on", "channel", FORUM),
                "Manage Server");
        assertPrivateReply(world.bot.slash(in(HERE, ALICE), "spikebot", "import", "channel", FORUM),
                "Manage Server");
        assertPrivateReply(world.admin("capture", "state", "on", "channel", "<#12345>"), "cannot find that channel");
        assertPrivateReply(world.admin("capture", "state", "on", "channel", VOICE), "not a forum or text channel");
        assertPrivateReply(world.admin("capture", "state", "on", "channel", "#ml-help"), "cannot find that channel");
        assertPrivateReply(world.admin("capture", "state", "on", "channel", "ml help"), "is not a channel");
        assertPrivateReply(world.admin("capture", "state", "on"), "Which channel?");
        assertPrivateReply(world.admin("capture", "state", "on", "channel", FORUM, "purge", "true"),
                "purge goes with state:off");
        assertFalse(Files.exists(channels()), "nothing saved");

        assertPrivateReply(world.admin("import", "channel", FORUM), "Capture is off in <#500>");
        world.capture(FORUM);
        assertPrivateReply(world.admin("import", "channel", FORUM, "since", "last week"),
                "since must be a date like 2024-01-31");
        assertPrivateReply(world.admin("import", "channel", "<#999>"), "cannot find that channel");
        assertEquals(0, world.background.waiting(), "no import started");
    }

    @Test
    void withoutTheMessageContentIntentCaptureAndImportSaySoAndWriteNothing() {
        world.access.readsText = false;
        String answer = text(world.admin("capture", "state", "on", "channel", FORUM));
        assertTrue(answer.contains("Message Content") && answer.contains("Developer Portal")
                && answer.contains("Nothing was changed"), answer);
        assertFalse(Files.exists(channels()));
        world.access.readsText = true;
        world.capture(FORUM);
        world.access.readsText = false;
        assertPrivateReply(world.admin("import", "channel", FORUM), "Message Content");
        assertEquals(0, world.background.waiting(), "no import started");
        assertFalse(Files.exists(kb.resolve(".spikebot/capture/import.json")));
    }

    @Test
    void captureIsDurableAndTurnsOffWithOrWithoutItsNotes() {
        assertPrivateReply(world.admin("capture", "state", "on", "channel", "<#" + FORUM + ">"), "Capture is on");
        world.bot.restart();
        var thread = world.open(FORUM, "Polars or pandas?", false, ALICE);
        world.say(thread, ALICE, "Which one for 10 GB of parquet?");
        world.tick();
        assertTrue(world.note(thread) != null, "captured after a restart: the setting was durable");

        assertPrivateReply(world.admin("capture", "state", "off", "channel", FORUM), "1 discussion note stays");
        world.say(thread, ALICE, "Anyone?");
        world.tick();
        assertFalse(world.note(thread).contains("Anyone?"), "nothing new is kept once off");
        assertTrue(Files.exists(world.kept(thread)));

        assertPrivateReply(world.admin("capture", "state", "off", "channel", FORUM, "purge", "true"),
                "its 1 discussion note is deleted");
        assertTrue(world.notes().isEmpty(), world.notes().keySet().toString());
        assertFalse(Files.exists(world.kept(thread)), "what was kept of it goes too");
    }

    @Test
    void statusAndHelpMentionCapture() {
        world.capture(FORUM);
        var thread = world.open(FORUM, "Polars or pandas?", false, ALICE);
        world.say(thread, ALICE, "Which one?");
        world.tick();
        String status = text(world.admin("status"));
        assertTrue(status.contains("**Capture:** 1 channel, 1 discussion kept: <#500> (1)"), status);
        String help = text(world.bot.slash(in(HERE, ALICE), "help", null));
        assertTrue(help.contains("/spikebot capture**") && help.contains("/spikebot consent**")
                && help.contains("/spikebot import**"), help);
        assertTrue(help.contains("/spikebot status**: ") && help.lines().anyMatch(l -> l.contains("/spikebot status")
                && l.contains("(Manage Server)")), "managers-only subcommands still say so: " + help);
        assertTrue(help.lines().anyMatch(l -> l.contains("/spikebot consent") && !l.contains("Manage Server")), help);
    }
}
