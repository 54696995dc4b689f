package spikebot.bot.ask;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.ChatDriver;
import spikebot.bot.core.Control;
import spikebot.bot.core.Defer;
import spikebot.bot.core.Card;
import spikebot.bot.core.Event;
import spikebot.bot.core.Form;
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
        Card embed = reply.message().embeds().get(0);
        assertTrue(embed.title().contains("has anyone tried polars?"), embed.title());
        Card.Field first = embed.fields().get(0);
        assertTrue(first.name().contains("Evaluate Polars as a Pandas replacement"), first.name());
        assertTrue(first.value().contains("spike"), first.value());
        assertTrue(first.value().contains("**no-go**"), first.value());
        assertTrue(first.value().contains("carol"), first.value());
        assertTrue(first.value().contains(" · 2 months ago · match "), "age in words, then the match: " + first.value());
        assertTrue(first.value().contains("**Polars**"), "highlighted snippet: " + first.value());
        assertTrue(first.value().contains("\\*\\*feature\\*\\*"), "note Markdown escaped: " + first.value());
        assertTrue(first.value().contains("`spikes/evaluate-polars-as-a-pandas-replacement.md`"), first.value());
        assertTrue(embed.fields().size() <= AskFeature.MAX_ANSWERS);
    }

    @Test
    void privateAnswersAreEphemeralAndDeferredSo() {
        var ask = new Event.SlashCommand(in("100", ALICE), "ask", null,
                Map.of("question", "cuda out of memory", "private", "true"));
        assertEquals(Optional.of(new Defer(true)), bot.core.deferral(ask));
        assertTrue(only(bot.core.handle(ask), Action.Reply.class).ephemeral());
    }

    @Test
    void nothingPlausibleSaysSoAndOffersToStartASpikeOnTheTopic() {
        List<Action> actions = bot.slash(in("100", ALICE), "ask", null,
                "question", "has anyone tried quantum annealing for scheduling?");
        Action.Reply reply = only(actions, Action.Reply.class);
        assertTrue(reply.message().content().startsWith("Nothing on \"has anyone tried quantum annealing"),
                reply.message().content());
        var button = (Control.Button) reply.message().rows().get(0).components().get(0);
        assertEquals("Start a spike", button.label());

        List<Action> clicked = bot.click(in("100", ALICE), button.customId(), "m1");
        Form form = only(clicked, Action.ShowForm.class).form();
        assertEquals("Quantum annealing for scheduling", form.inputs().get(0).value(), "topic prefilled");
        assertEquals(1, clicked.size(), "a modal is the only answer");
    }

    @Test
    void filtersByKindTagAndAuthor() {
        assertTrue(text(bot.slash(in("100", ALICE), "ask", null, "question", "polars", "kind", "solution"))
                .startsWith("Nothing on"));
        assertTrue(text(bot.slash(in("100", ALICE), "ask", null, "question", "polars", "tag", "dataframes"))
                .contains("Evaluate Polars"));
        ChatDriver.assertPrivateReply(bot.slash(in("100", ALICE), "ask", null, "question", "polars", "kind", "memo"),
                "Unknown kind");
    }

    @Test
    void aFilterNoNotePassesIsAnsweredAsAFilterWithTheClosestValues() {
        assertEquals("Nothing by `carl`. Closest authors: `carol`. Ask again without it, or with one of those.",
                text(bot.slash(in("100", ALICE), "ask", null, "question", "polars", "author", "carl")));
        assertEquals("No notes have tag `dataframe`. Closest tags: `dataframes`. Ask again without it, or with one "
                + "of those.", text(bot.slash(in("100", ALICE), "ask", null, "question", "polars", "tag", "dataframe")));
        String nobody = text(bot.slash(in("100", ALICE), "ask", null, "question", "polars", "author", "nobody"));
        assertTrue(nobody.startsWith("Nothing by `nobody`. Most used authors: `carol`."), nobody);
        String tag = text(bot.slash(in("100", ALICE), "ask", null, "question", "gpu", "tag", "doesnotexist"));
        assertTrue(tag.startsWith("No notes have tag `doesnotexist`. Most used tags: "), tag);
        assertFalse(tag.contains("nobody seems"), tag);
    }

    @Test
    void aWeakHybridAnswerSaysWhenMeaningWasNotSearched() {
        var model = spikebot.index.embed.Embeddings.start(() -> {
            throw new IllegalStateException("no model in this test");
        });
        var core = spikebot.bot.wiring.Features.core(Map.of("g1", spikebot.bot.core.GuildConfig.of(kb)),
                spikebot.bot.core.ChannelAccess.ALL, bot.clock, model);
        try {
            String weak = text(core.handle(new Event.SlashCommand(in("100", ALICE), "ask", null,
                    Map.of("question", "quantum annealing for scheduling"))));
            assertTrue(weak.contains("(The meaning model has not loaded, so this was searched by words only.)"), weak);
            String strong = text(core.handle(new Event.SlashCommand(in("100", ALICE), "ask", null,
                    Map.of("question", "evaluate polars as a pandas replacement"))));
            assertFalse(strong.contains("words only"), "a strong answer needs no excuse: " + strong);
        } finally {
            core.close();
            model.close();
        }
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
        assertTrue(answer.contains("first " + AskFeature.MAX_QUESTION + " characters"), answer);
    }

    @Test
    void anotherGuildIsTurnedAwayPolitely() {
        var elsewhere = new spikebot.bot.core.Origin("g-unknown", "1", null, ALICE);
        ChatDriver.assertPrivateReply(bot.slash(elsewhere, "ask", null, "question", "polars"), "no knowledge base");
    }
}
