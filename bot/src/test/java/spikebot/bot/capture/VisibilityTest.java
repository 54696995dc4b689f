package spikebot.bot.capture;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.Actor;
import spikebot.bot.core.ChatDriver;
import spikebot.bot.core.Event;
import spikebot.knowledge.NoteKind;
import spikebot.knowledge.discussion.DiscussionThread;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.capture.CaptureWorld.FORUM;
import static spikebot.bot.capture.CaptureWorld.HERE;
import static spikebot.bot.capture.CaptureWorld.PRIVATE;
import static spikebot.bot.capture.CaptureWorld.inThread;
import static spikebot.bot.core.ChatDriver.ADMIN;
import static spikebot.bot.core.ChatDriver.ALICE;
import static spikebot.bot.core.ChatDriver.BOB;
import static spikebot.bot.core.ChatDriver.in;

/**
 * Discussions from a channel or thread a member cannot view never reach that member: not in {@code /ask}, passive
 * answers, the "asked before?" reply to a new post, or a spike's prior work.
 */
class VisibilityTest {
    static final String SECRET = "Dagster asset sensors backfill runbook";
    @TempDir
    Path kb;
    @AutoClose
    CaptureWorld world;

    @BeforeEach
    void setUp() {
        ChatDriver.note(kb, NoteKind.SPIKE, "Dagster asset sensors for a backfill of pipelines", "go",
                "Dagster asset sensors made the backfill of our pipelines easy.", null);
        world = new CaptureWorld(kb);
        world.capture(PRIVATE);
        world.capture(FORUM);
        DiscussionThread hidden = world.open(PRIVATE, SECRET, true, ADMIN);
        world.say(hidden, ADMIN, "Dagster asset sensors made the backfill of pipelines easy, see the runbook");
        world.tick();
    }


    /** Everything the actions would show: replies, posts, edits, the first message of a thread opened. */
    private static String shown(List<Action> actions) {
        StringBuilder out = new StringBuilder();
        for (Action action : actions) {
            switch (action) {
                case Action.Reply r -> out.append(ChatDriver.text(r.message()));
                case Action.Post p -> out.append(ChatDriver.text(p.message()));
                case Action.Edit e -> out.append(ChatDriver.text(e.message()));
                case Action.Update u -> out.append(ChatDriver.text(u.message()));
                case Action.OpenThread o -> out.append(ChatDriver.text(o.first()));
                default -> { }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private String ask(Actor who, String question) {
        return shown(world.bot.slash(in(HERE, who), "ask", null, "question", question));
    }

    /** {@code /ask private:true}: only the asker sees the answer, so it may show what only they can view. */
    private String askPrivately(Actor who, String question) {
        return shown(world.bot.slash(in(HERE, who), "ask", null, "question", question, "private", "true"));
    }

    @Test
    void aPrivateChannelsDiscussionsReachOnlyItsViewers() {
        String question = "has anyone used dagster asset sensors for a backfill?";
        String admin = askPrivately(ADMIN, question);
        assertTrue(admin.contains(SECRET), "its viewer finds it (privately): " + admin);
        assertFalse(ask(ALICE, question).contains(SECRET), "/ask");
        assertFalse(askPrivately(ALICE, question).contains(SECRET), "/ask private:true");

        world.bot.slash(in(HERE, ADMIN), "spikebot", "passive", "state", "on");
        String passive = shown(world.bot.core.handle(new Event.MessagePosted(in(HERE, ALICE), "m1", question,
                false)));
        assertTrue(passive.contains("Dagster asset sensors for a backfill"), "a public note is shown: " + passive);
        assertFalse(passive.contains(SECRET), "passive answer: " + passive);

        DiscussionThread asking = world.open(FORUM, "Dagster asset sensors for a backfill?", true, ALICE);
        String similar = shown(world.said(asking, ALICE, question).actions());
        assertTrue(similar.contains("Dagster asset sensors for a backfill"), "a public note is shown: " + similar);
        assertFalse(similar.contains(SECRET), "asked-before reply: " + similar);

        DiscussionThread inside = world.open(PRIVATE, "Dagster asset sensors for a backfill?", true, ADMIN);
        String there = shown(world.said(inside, ADMIN, question).actions());
        assertTrue(there.contains(SECRET), "in a thread of the private channel itself it may show: " + there);

        String prior = shown(world.bot.slash(in(HERE, ALICE), "spike", "start", "topic",
                "Dagster asset sensors backfill"));
        assertTrue(prior.contains("prior work"), prior);
        assertFalse(prior.contains(SECRET), "prior work: " + prior);
    }

    @Test
    void aThreadMadePrivateTakesItsVisibilityAlong() {
        DiscussionThread thread = world.open(FORUM, "Ray cluster autoscaling limits", true, BOB);
        world.say(thread, BOB, "Ray autoscaling stalls at 20 nodes unless the head node has more memory");
        world.tick();
        String question = "ray cluster autoscaling limits";
        assertTrue(ask(ALICE, question).contains("Ray cluster autoscaling"), "public while public");

        DiscussionThread madePrivate = new DiscussionThread("g1", FORUM, "ch-500", thread.threadId(), thread.name(),
                thread.created(), true, List.of(), null);
        world.access.restricted.put(thread.threadId(), new java.util.HashSet<>(Set.of(BOB.id())));
        world.bot.core.handle(new Event.ThreadChanged(inThread(madePrivate, BOB), madePrivate));
        world.tick();
        assertFalse(ask(ALICE, question).contains("Ray cluster autoscaling"), "not a member of the thread");
        assertFalse(askPrivately(ALICE, question).contains("Ray cluster autoscaling"));
        assertTrue(askPrivately(BOB, question).contains("Ray cluster autoscaling"), "its member still finds it");
    }
}
