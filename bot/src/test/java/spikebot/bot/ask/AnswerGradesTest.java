package spikebot.bot.ask;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.Card;
import spikebot.bot.core.ChatDriver;
import spikebot.bot.core.Control;
import spikebot.knowledge.SampleKnowledgeBase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.core.ChatDriver.ALICE;
import static spikebot.bot.core.ChatDriver.in;
import static spikebot.bot.core.ChatDriver.only;

/** {@code /ask} on the bundled sample, in its three grades, with the match shown falling down the list. */
class AnswerGradesTest {
    private static final Pattern MATCH = Pattern.compile("match (\\d+)%, (strong|related)");
    @TempDir
    static Path kb;
    static ChatDriver bot;

    @BeforeAll
    static void sample() throws Exception {
        SampleKnowledgeBase.copyTo(kb);
        bot = ChatDriver.single(kb);
    }

    @AfterAll
    static void close() {
        bot.close();
    }

    private static Action.Reply ask(String question) {
        return only(bot.slash(in("100", ALICE), "ask", null, "question", question), Action.Reply.class);
    }

    private static List<Integer> matches(Card card) {
        List<Integer> figures = new ArrayList<>();
        for (Card.Field field : card.fields()) {
            Matcher m = MATCH.matcher(field.value());
            assertTrue(m.find(), "each note shows its match: " + field.value());
            figures.add(Integer.parseInt(m.group(1)));
        }
        return figures;
    }

    private static void assertFalling(List<Integer> figures) {
        for (int i = 1; i < figures.size(); i++) {
            assertTrue(figures.get(i) <= figures.get(i - 1), "the match falls down the list: " + figures);
        }
    }

    @Test
    void aWeakButPlausibleMatchIsRelatedNotNobodyAndStillOffersASpike() {
        Action.Reply reply = ask("how do we stop paying so much for GPUs");
        Card card = reply.message().embeds().get(0);
        assertEquals("Related, maybe not the same: how do we stop paying so much for GPUs", card.title());
        assertTrue(card.fields().stream().anyMatch(f -> f.name().contains("Spot GPU instances for the nightly "
                + "retraining jobs")), card.toString());
        assertTrue(card.fields().get(0).name().contains("GPU"), "a note on GPU costs first: " + card.fields().get(0));
        assertTrue(card.fields().stream().allMatch(f -> f.value().contains(", related")), card.toString());
        assertFalling(matches(card));
        var button = (Control.Button) reply.message().rows().get(0).components().get(0);
        assertEquals("Start a spike", button.label());
    }

    @Test
    void aStrongMatchComesFirstAndTheFigureIsTheOrder() {
        Action.Reply reply = ask("GBDT library for churn");
        Card card = reply.message().embeds().get(0);
        assertTrue(card.title().startsWith("Prior work: "), card.title());
        assertTrue(card.fields().get(0).name().contains("LightGBM vs XGBoost vs CatBoost for the churn model"),
                card.fields().get(0).name());
        assertTrue(card.fields().get(0).value().contains(", strong"), card.fields().get(0).value());
        assertFalling(matches(card));
        assertTrue(reply.message().rows().isEmpty(), "no spike offered when a note answers strongly");
    }

    @Test
    void aTopicTheSampleLacksEntirelyGetsNothing() {
        Action.Reply reply = ask("anyone compared terraform and pulumi?");
        assertTrue(reply.message().content().startsWith("Nothing on"), reply.message().content());
    }
}
