package spikebot.bot.solved;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.ChatDriver;
import spikebot.bot.core.Event;
import spikebot.bot.core.Form;
import spikebot.bot.core.Origin;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteKind;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.core.ChatDriver.BOB;
import static spikebot.bot.core.ChatDriver.assertPrivateReply;
import static spikebot.bot.core.ChatDriver.only;
import static spikebot.bot.core.ChatDriver.text;

class SolvedCommandTest {
    @TempDir
    Path kb;
    ChatDriver bot;
    final Origin thread = new Origin("g1", "777", "100", BOB);

    @BeforeEach
    void setUp() {
        bot = ChatDriver.single(kb);
    }

    @AfterEach
    void tearDown() {
        bot.close();
    }

    @Test
    void solvedAsksWithAModalThenWritesIndexesAndSaysWhere() throws Exception {
        Form form = only(bot.slash(thread, "solved", null), Action.ShowForm.class).form();
        assertEquals(List.of("problem", "solution", "did_not_work", "links", "tags"),
                form.inputs().stream().map(Form.TextInput::id).toList());
        List<Action> saved = bot.submit(thread, form.customId(), "problem", "Spark job OOM on the daily join",
                "solution", "Broadcast the small side", "did_not_work", "More executors", "links", "PR #12");
        String reply = text(saved);
        assertTrue(reply.contains("Saved as a solution: **Spark job OOM on the daily join**"), reply);
        assertTrue(reply.contains("`solutions/spark-job-oom-on-the-daily-join.md`"), reply);

        Note note = new KnowledgeBase(kb).read("solutions/spark-job-oom-on-the-daily-join.md").note();
        assertEquals(NoteKind.SOLUTION, note.kind());
        assertEquals(List.of("bob"), note.authors());
        assertEquals("777", note.extraText("channel"));
        assertEquals("g1", note.extraText("guild"));
        assertEquals("https://discord.com/channels/g1/777", note.link());
        assertTrue(note.body().contains("More executors"));

        String found = text(bot.slash(thread, "ask", null, "question", "spark daily join out of memory"));
        assertTrue(found.contains("Spark job OOM"), found);
    }

    @Test
    void saveAsSolutionStartsFromTheMessage() {
        List<Action> actions = bot.core.handle(new Event.MessageCommand(thread, SolvedFeature.MENU, "m5", "carol",
                "Pin numpy<2 in the image, then rebuild"));
        Form form = only(actions, Action.ShowForm.class).form();
        assertEquals("Pin numpy<2 in the image, then rebuild", form.inputs().get(1).value());
    }

    @Test
    void missingPartsAreAskedFor() {
        assertPrivateReply(bot.submit(thread, "solved:save", "solution", "x"), "Describe the problem");
        assertPrivateReply(bot.submit(thread, "solved:save", "problem", "x"), "Describe the solution");
        assertPrivateReply(bot.submit(thread, "solved:save", "problem", "p".repeat(5000), "solution", "x"),
                "at most 4000");
    }
}
