package spikebot.bot.capture;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.Form;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteKind;
import spikebot.knowledge.discussion.DiscussionThread;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static spikebot.bot.capture.CaptureWorld.FORUM;
import static spikebot.bot.capture.CaptureWorld.TEXT;
import static spikebot.bot.capture.CaptureWorld.inThread;
import static spikebot.bot.core.ChatDriver.ALICE;
import static spikebot.bot.core.ChatDriver.only;

/** {@code /solved} in a captured thread: the discussion links to its solution and the solution links back. */
class SolvedLinkTest {
    @TempDir
    Path kb;
    @AutoClose
    CaptureWorld world;

    @BeforeEach
    void setUp() {
        world = new CaptureWorld(kb);
        world.capture(FORUM);
    }


    private Note solve(DiscussionThread thread) throws Exception {
        Form form = only(world.bot.slash(inThread(thread, ALICE), "solved", null), Action.ShowForm.class).form();
        world.bot.submit(inThread(thread, ALICE), form.customId(), "problem", "Spark job OOM on the daily join",
                "solution", "Broadcast the small table");
        KnowledgeBase base = new KnowledgeBase(kb);
        return base.load().notes().stream().map(f -> f.note()).filter(n -> n.kind() == NoteKind.SOLUTION)
                .findFirst().orElseThrow();
    }

    @Test
    void aCapturedDiscussionAndItsSolutionLinkBothWays() throws Exception {
        DiscussionThread thread = world.open(FORUM, "Spark OOM on the daily join", true, ALICE);
        world.say(thread, ALICE, "The daily join dies with OOM");
        world.tick();
        Note solution = solve(thread);
        String discussionPath = world.notes().keySet().iterator().next();
        assertEquals(discussionPath, solution.extraText("discussion"));
        String solutionPath = new KnowledgeBase(kb).load().notes().stream()
                .filter(f -> f.note().kind() == NoteKind.SOLUTION).findFirst().orElseThrow().path();
        assertEquals(solutionPath, world.parsed(thread).extraText("solution"));

        world.say(thread, ALICE, "Confirmed fixed in prod");
        world.tick();
        assertEquals(solutionPath, world.parsed(thread).extraText("solution"), "kept as the thread goes on");
    }

    @Test
    void aSolutionOutsideCapturedThreadsLinksNothing() throws Exception {
        DiscussionThread thread = world.open(TEXT, "Not captured", true, ALICE);
        assertNull(solve(thread).extraText("discussion"));
    }
}
