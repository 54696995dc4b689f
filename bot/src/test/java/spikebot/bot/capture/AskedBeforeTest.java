package spikebot.bot.capture;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.ChatDriver;
import spikebot.bot.core.Control;
import spikebot.knowledge.NoteKind;
import spikebot.knowledge.discussion.DiscussionThread;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.capture.CaptureWorld.FORUM;
import static spikebot.bot.capture.CaptureWorld.HERE;
import static spikebot.bot.capture.CaptureWorld.TEXT;
import static spikebot.bot.core.ChatDriver.ADMIN;
import static spikebot.bot.core.ChatDriver.ALICE;
import static spikebot.bot.core.ChatDriver.BOB;
import static spikebot.bot.core.ChatDriver.all;
import static spikebot.bot.core.ChatDriver.assertPrivateReply;
import static spikebot.bot.core.ChatDriver.in;
import static spikebot.bot.core.ChatDriver.only;

class AskedBeforeTest {
    static final String QUESTION = "has anyone evaluated polars as a pandas replacement?";
    @TempDir
    Path kb;
    @AutoClose
    CaptureWorld world;

    @BeforeEach
    void setUp() {
        ChatDriver.note(kb, NoteKind.SPIKE, "Evaluate Polars as a Pandas replacement", "no-go",
                "Polars lazy API was fast but porting cost too much.", null);
        world = new CaptureWorld(kb);
        world.capture(FORUM);
    }


    @Test
    void aNewPostGetsTheStrongestPriorWorkOnceWithFeedbackButtons() {
        DiscussionThread thread = world.open(FORUM, "Polars instead of pandas?", true, ALICE);
        List<Action> answer = world.said(thread, ALICE, QUESTION).actions();
        Action.Post post = only(answer, Action.Post.class);
        assertEquals(thread.threadId(), post.channelId(), "in the new thread itself");
        String text = ChatDriver.text(post.message());
        assertTrue(text.contains(AskedBefore.TITLE) && text.contains("Evaluate Polars as a Pandas replacement"), text);
        List<String> labels = post.message().rows().getFirst().components().stream()
                .map(c -> ((Control.Button) c).label()).toList();
        assertEquals(List.of("Helpful", "Not relevant"), labels);
        String helpful = ((Control.Button) post.message().rows().getFirst().components().getFirst()).customId();
        assertPrivateReply(world.bot.click(ChatDriver.in(thread.threadId(), BOB), helpful, "x"), "glad it helped");

        assertEquals(List.of(), all(world.said(thread, BOB, QUESTION).actions(), Action.Post.class), "once");
    }

    @Test
    void onlyForNewThreadsWithAStrongMatch() {
        DiscussionThread older = world.open(FORUM, "Polars instead of pandas?", false, ALICE);
        assertEquals(List.of(), world.said(older, ALICE, QUESTION).actions(), "an old thread the bot was added to");
        DiscussionThread weak = world.open(FORUM, "Airflow operators", true, ALICE);
        assertEquals(List.of(), world.said(weak, ALICE, "kubernetes operators for airflow on arm nodes").actions());
    }

    @Test
    void alsoWherePassiveAnswersAreOnButNotWhereNeitherIs() {
        DiscussionThread quiet = world.open(TEXT, "Polars instead of pandas?", true, ALICE);
        assertEquals(List.of(), world.said(quiet, ALICE, QUESTION).actions());
        world.bot.slash(in(TEXT, ADMIN), "spikebot", "passive", "state", "on");
        DiscussionThread thread = world.open(TEXT, "Polars instead of pandas?", true, ALICE);
        assertTrue(ChatDriver.text(only(world.said(thread, ALICE, QUESTION).actions(), Action.Post.class)
                .message()).contains("Evaluate Polars"));
        world.tick();
        assertTrue(world.notes().isEmpty(), "answered, but not captured: " + world.notes().keySet());
    }

    @Test
    void aMessageAnsweredAsANewPostIsNotAnsweredAgainAsAPassiveQuestion() {
        world.bot.slash(in(TEXT, ADMIN), "spikebot", "passive", "state", "on");
        DiscussionThread thread = world.open(TEXT, "Polars instead of pandas?", true, ALICE);
        CaptureWorld.Said said = world.said(thread, ALICE, QUESTION);
        only(said.actions(), Action.Post.class);
        var sameMessage = new spikebot.bot.core.Event.MessagePosted(CaptureWorld.inThread(thread, ALICE),
                said.message().id(), QUESTION, false);
        assertEquals(List.of(), world.bot.core.handle(sameMessage), "one answer per message, whichever came first");
    }

    @Test
    void neverWithTheThreadsOwnNote() {
        DiscussionThread first = world.open(FORUM, "Tokenizer throughput on CPU", true, ALICE);
        world.say(first, ALICE, "Tokenizer throughput on CPU is 10k docs per second with the fast tokenizer");
        world.tick();
        DiscussionThread thread = world.open(FORUM, "Tokenizer throughput on CPU", true, BOB);
        world.tick(); // its own note is written (title only) before its first message arrives
        String question = "Tokenizer throughput on CPU is 10k docs per second with the fast tokenizer";
        String answer = all(world.said(thread, BOB, question).actions(), Action.Post.class).stream()
                .map(p -> ChatDriver.text(p.message())).findFirst().orElse("");
        assertTrue(answer.contains("Tokenizer throughput"), "the earlier thread is shown: " + answer);
        assertEquals(1, answer.split("Tokenizer throughput on CPU", -1).length - 1,
                "once: the earlier thread's note, never its own: " + answer);
        assertFalse(answer.contains(thread.threadId()), answer);
        assertTrue(ChatDriver.text(only(world.bot.slash(in(HERE, BOB), "ask", null, "question", question),
                Action.Reply.class).message()).contains("Tokenizer throughput"));
    }
}
