package spikebot.bot.ask;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.ChatDriver;
import spikebot.bot.core.Component;
import spikebot.bot.core.Defer;
import spikebot.bot.core.Embed;
import spikebot.bot.core.Event;
import spikebot.bot.core.Modal;
import spikebot.knowledge.NoteKind;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.core.ChatDriver.ALICE;
import static spikebot.bot.core.ChatDriver.in;
import static spikebot.bot.core.ChatDriver.note;
import static spikebot.bot.core.ChatDriver.only;
import static spikebot.bot.core.ChatDriver.text;

class AskCommandTest {
    @TempDir
    Path kb;
    ChatDriver bot;

    @BeforeEach
    void setUp() {
        note(kb, NoteKind.SPIKE, "Evaluate Polars as a Pandas replacement", "no-go",
                // Escaped in the note, so literal asterisks in its text (Markdown markup itself is left out, issue 13).
                "The lazy API was fast but porting the \\*\\*feature\\*\\* jobs cost too much. Polars stays out.",
                null);
        note(kb, NoteKind.SOLUTION, "CUDA out of memory when fine-tuning", null,
                "Gradient accumulation with batch 16 fixed the OOM on the A10 boxes.", null);
        bot = ChatDriver.single(kb);
    }

    @AfterEach
    void tearDown() {
        bot.close();
    }

    @Test
    void answersWithTheBestPriorWorkAsAnEmbed() {
        List<Action> actions = bot.slash(in("100", ALICE), "ask", null, "question", "has anyone tried polars?");
        Action.Reply reply = only(actions, Action.Reply.class);
        assertFalse(reply.ephemeral());
        Embed embed = reply.message().embeds().get(0);
        assertTrue(embed.title().contains("has anyone tried polars?"), embed.title());
        Embed.Field first = embed.fields().get(0);
        assertTrue(first.name().contains("Evaluate Polars as a Pandas replacement"), first.name());
        assertTrue(first.value().contains("spike"), first.value());
        assertTrue(first.value().contains("**no-go**"), first.value());
        assertTrue(first.value().contains("carol"), first.value());
        assertTrue(first.value().matches("(?s).*<t:\\d+:R>.*"), "age as a Discord timestamp: " + first.value());
        assertTrue(first.value().contains("**Polars**"), "highlighted snippet: " + first.value());
        assertTrue(first.value().contains("\\*\\*feature\\*\\*"), "note Markdown escaped: " + first.value());
        assertTrue(first.value().contains("`spikes/evaluate-polars-as-a-pandas-replacement.md`"), first.value());
        assertTrue(embed.fields().size() <= AskCommand.MAX_ANSWERS);
    }

    @Test
    void privateAnswersAreEphemeralAndDeferredSo() {
        var ask = new Event.SlashCommand(in("100", ALICE), "ask", null,
                Map.of("question", "cuda out of memory", "private", "true"));
        assertEquals(Optional.of(new Defer(true)), bot.core.deferral(ask));
        assertTrue(only(bot.core.handle(ask), Action.Reply.class).ephemeral());
    }

    @Test
    void nothingGoodEnoughSaysSoAndOffersToStartASpikeOnTheTopic() {
        List<Action> actions = bot.slash(in("100", ALICE), "ask", null,
                "question", "has anyone tried quantum annealing for scheduling?");
        Action.Reply reply = only(actions, Action.Reply.class);
        assertTrue(reply.message().content().startsWith("Nothing good enough"), reply.message().content());
        var button = (Component.Button) reply.message().rows().get(0).components().get(0);
        assertEquals("Start a spike", button.label());

        List<Action> clicked = bot.click(in("100", ALICE), button.customId(), "m1");
        Modal form = only(clicked, Action.ShowModal.class).modal();
        assertEquals("Quantum annealing for scheduling", form.inputs().get(0).value(), "topic prefilled");
        assertEquals(1, clicked.size(), "a modal is the only answer");
    }

    @Test
    void filtersByKindTagAndAuthor() {
        assertTrue(text(bot.slash(in("100", ALICE), "ask", null, "question", "polars", "kind", "solution"))
                .startsWith("Nothing good enough"));
        assertTrue(text(bot.slash(in("100", ALICE), "ask", null, "question", "polars", "tag", "dataframes"))
                .contains("Evaluate Polars"));
        assertTrue(text(bot.slash(in("100", ALICE), "ask", null, "question", "polars", "author", "dave"))
                .startsWith("Nothing good enough"));
        ChatDriver.assertPrivateReply(bot.slash(in("100", ALICE), "ask", null, "question", "polars", "kind", "memo"),
                "Unknown kind");
    }

    @Test
    void aMentionIsAnsweredInTheChannel() {
        List<Action> actions = bot.core.handle(new Event.MessagePosted(in("100", ALICE), "m9",
                "did anyone fix cuda out of memory?", true));
        Action.Reply reply = only(actions, Action.Reply.class);
        assertFalse(reply.ephemeral());
        assertTrue(text(actions).contains("CUDA out of memory"), text(actions));
    }

    @Test
    void tagsAreAutocompleted() {
        List<Action> actions = bot.core.handle(new Event.Autocomplete(in("100", ALICE), "ask", null, "tag", "data"));
        var suggest = only(actions, Action.Suggest.class);
        assertEquals("dataframes", suggest.choices().get(0).value());
    }

    @Test
    void emptyAndHugeQuestionsGetClearAnswers() {
        ChatDriver.assertPrivateReply(bot.slash(in("100", ALICE), "ask", null, "question", "\u200B \u202E"),
                "Ask a question");
        String huge = "polars ".repeat(5000);
        String answer = text(bot.slash(in("100", ALICE), "ask", null, "question", huge));
        assertTrue(answer.contains("first " + AskCommand.MAX_QUESTION + " characters"), answer);
    }

    @Test
    void anotherGuildIsTurnedAwayPolitely() {
        var elsewhere = new spikebot.bot.core.Origin("g-unknown", "1", null, ALICE);
        ChatDriver.assertPrivateReply(bot.slash(elsewhere, "ask", null, "question", "polars"), "no knowledge base");
    }
}
