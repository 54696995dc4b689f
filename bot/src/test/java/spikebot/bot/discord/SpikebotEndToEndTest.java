package spikebot.bot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.MutableClock;
import spikebot.bot.discord.fake.FakeDiscord;
import spikebot.bot.discord.fake.FakeInteraction;
import spikebot.bot.discord.fake.FakeWorld;
import spikebot.bot.discord.fake.RecordedCall;
import spikebot.knowledge.SampleKnowledgeBase;
import spikebot.bot.wiring.Features;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static spikebot.bot.discord.CaptureFiles.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.discord.fake.FakeWorld.ALICE;
import static spikebot.bot.discord.fake.FakeWorld.BOB;
import static spikebot.bot.discord.fake.FakeWorld.GENERAL;
import static spikebot.bot.discord.fake.FakeWorld.IDEAS;
import static spikebot.bot.discord.fake.FakeWorld.OLIVIA;
import static spikebot.bot.discord.fake.FakeWorld.ML_TEAM;

/**
 * The whole bot as a team meets it in Discord: the real chat core and knowledge base behind the real JDA client,
 * talking to the fake Discord. Ask, start a spike, tick its checklist, close it with the form, and find its note
 * with the next question.
 */
class SpikebotEndToEndTest {
    @TempDir
    Path kb;
    @RegisterExtension
    final FakeDiscordExtension fake = new FakeDiscordExtension();
    private FakeDiscord discord;
    private DiscordBot bot;
    private DiscordSettings settings;
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @BeforeEach
    void start() throws Exception {
        SampleKnowledgeBase.copyTo(kb);
        discord = fake.discord();
        settings = new DiscordSettings(Map.of(Long.toUnsignedString(ML_TEAM),
                new DiscordSettings.GuildSettings(kb, "https://git.example.com/kb/blob/main/",
                        Set.of(Long.toUnsignedString(IDEAS)), null)),
                Duration.ofHours(1));
        bot = fake.startBot(settings, (access, history) -> Features.core(settings.coreConfigs(), access, history, clock, null));
    }

    @Test
    void askStartTickCloseAndFindTheNewNote() throws Exception {
        // /ask answers from the folder with the best prior work.
        FakeInteraction ask = discord.slash(ALICE, GENERAL, "ask",
                Map.of("question", "has anyone tried polars instead of pandas?"));
        ObjectNode answer = ask.awaitReply();
        assertTrue(text(answer).contains("Polars"), "the Polars spike is among the hits: " + answer);
        assertTrue(text(answer).contains("https://git.example.com/kb/blob/main/"), "folder notes link to the web");

        // /spike start opens a thread whose first message carries the checklist.
        FakeInteraction start = discord.slash(ALICE, GENERAL, "spike start", Map.of(
                "topic", "Evaluate LanceDB for embedding search", "timebox", "2h", "template", "library"));
        RecordedCall create = discord.await(c -> c.is("POST", "channels/" + GENERAL + "/threads"));
        assertEquals("Evaluate LanceDB for embedding search", create.body().get("name").asText());
        FakeWorld.Channel thread = discord.world().threadsOf(GENERAL).get(0);
        assertTrue(start.awaitReply().get("content").asText().contains("<#" + thread.id + ">"),
                "the command's reply points at the thread");
        ObjectNode card = discord.messagesIn(thread.id).get(0);
        JsonNode checklist = field(card, "Checklist");
        assertTrue(checklist.get("name").asText().startsWith("Checklist (0/"), checklist.toString());
        assertTrue(checklist.get("value").asText().toLowerCase().contains("install"), "library template");

        // A click on the first item ticks it: the card is edited in place.
        FakeInteraction tick = discord.click(BOB, card, "☐ 1");
        assertEquals(7, tick.awaitCallback().callbackType());
        ObjectNode ticked = discord.current(card);
        assertTrue(field(ticked, "Checklist").get("name").asText().startsWith("Checklist (1/"), ticked.toString());
        assertTrue(field(ticked, "Checklist").get("value").asText().contains("(bob)"));

        // The select menu sets the whole checklist at once.
        FakeInteraction select = discord.select(ALICE, ticked, "Tick the checklist items that are done",
                List.of("0", "1", "2"));
        assertEquals(7, select.awaitCallback().callbackType());
        assertTrue(field(discord.current(card), "Checklist").get("name").asText().startsWith("Checklist (3/"));

        // Half of the 2h time box passes: one reminder in the thread, and only one.
        clock.advance(Duration.ofMinutes(61));
        bot.tick();
        bot.tick();
        List<RecordedCall> reminders = discord.calls(c -> c.is("POST", "channels/" + thread.id + "/messages")
                && c.body().path("content").asText().contains("Half time"));
        assertEquals(1, reminders.size(), discord.calls().toString());
        assertTrue(reminders.get(0).body().at("/allowed_mentions/parse").isEmpty());

        // A finding, then /spike close in the thread: the form, the note, the summary, the archive.
        discord.slash(ALICE, thread.id, "spike note",
                Map.of("text", "LanceDB queries 1M vectors in 8 ms on one core; IVF-PQ index builds in 3 minutes"))
                .awaitReply();
        FakeInteraction close = discord.slash(ALICE, thread.id, "spike close", Map.of("outcome", "go"));
        FakeInteraction form = discord.submitModal(ALICE, close, Map.of(
                "summary", "LanceDB is fast enough and embeds in-process; adopt it for embedding search.",
                "approaches", "LanceDB vs pgvector on the same 1M vectors and latency budget",
                "next_steps", "Move the recommender's nearest-neighbour lookup to LanceDB"));
        ObjectNode summary = form.awaitReply();
        assertTrue(text(summary).contains("go"), summary.toString());
        RecordedCall archive = discord.await(c -> c.is("PATCH", "channels/" + thread.id)
                && c.body().path("archived").asBoolean(false));
        assertTrue(discord.world().channel(thread.id).archived(), archive.toString());

        Path note = newNote("lancedb");
        String written = Files.readString(note);
        assertTrue(written.contains("kind: spike"), written);
        assertTrue(written.contains("outcome: go"), written);
        assertTrue(written.contains("[x]"), "checklist state is kept: " + written);
        assertTrue(written.contains("8 ms"), "findings are kept: " + written);
        assertTrue(written.contains("/channels/" + ML_TEAM + "/" + thread.id), "the thread link: " + written);

        // The next question finds the new note at once, linked to its thread.
        ObjectNode again = discord.slash(BOB, GENERAL, "ask",
                Map.of("question", "did we evaluate lancedb for vector search?")).awaitReply();
        assertTrue(text(again).contains("Evaluate LanceDB for embedding search"), again.toString());
        assertTrue(text(again).contains("/channels/" + ML_TEAM + "/" + thread.id), again.toString());
        assertFalse(discord.calls(c -> c.status() >= 400).stream().anyMatch(c -> !c.isInteractionCallback()),
                "no REST call was refused: " + discord.calls(c -> c.status() >= 400));
    }

    @Test
    void anOpenSpikeSurvivesARestartAndItsMissedReminderFiresOnce() throws Exception {
        discord.slash(ALICE, GENERAL, "spike start", Map.of("topic", "Try LightGBM on churn", "timebox", "4h"))
                .awaitReply();
        FakeWorld.Channel thread = discord.world().threadsOf(GENERAL).get(0);
        ObjectNode card = discord.messagesIn(thread.id).get(0);

        // The bot is down while the time box passes its half.
        fake.stopBot();
        clock.advance(Duration.ofHours(2).plusMinutes(30));
        bot = fake.startAgain();

        RecordedCall late = discord.await(c -> c.is("POST", "channels/" + thread.id + "/messages")
                && c.body().path("content").asText().contains("Half time"));
        assertTrue(late.body().path("content").asText().contains("late"), late.toString());
        bot.tick();
        assertEquals(1, discord.calls(c -> c.is("POST", "channels/" + thread.id + "/messages")
                && c.body().path("content").asText().contains("Half time")).size(), "fired once");

        // The card's buttons still work after the restart.
        assertEquals(7, discord.click(BOB, card, "☐ 1").awaitCallback().callbackType());
        assertTrue(field(discord.current(card), "Checklist").get("name").asText().startsWith("Checklist (1/"));
    }

    @Test
    void templateAutocompleteAndTagAutocomplete() {
        RecordedCall templates = discord.autocomplete(ALICE, GENERAL, "spike start", "template", "lib",
                Map.of("topic", "x")).awaitCallback();
        assertEquals(8, templates.callbackType());
        assertEquals("library", templates.body().at("/data/choices/0/value").asText());
        RecordedCall tags = discord.autocomplete(ALICE, GENERAL, "ask", "tag", "pol", Map.of("question", "x"))
                .awaitCallback();
        assertEquals(8, tags.callbackType());
        assertTrue(tags.body().at("/data/choices").toString().contains("polars"), tags.toString());
    }

    @Test
    void passiveAnswerWithFeedbackThenASavedSolution() throws Exception {
        // In a channel with passive answers on, a "has anyone…" question gets the best match, with feedback buttons.
        ObjectNode question = discord.post(BOB, IDEAS, "has anyone tried polars instead of pandas for our features?");
        RecordedCall answer = discord.await(c -> c.is("POST", "channels/" + IDEAS + "/messages"));
        assertEquals(question.get("id").asText(), answer.body().at("/message_reference/message_id").asText());
        assertTrue(answer.body().toString().contains("Polars"), answer.toString());
        ObjectNode posted = discord.messagesIn(IDEAS).stream()
                .filter(m -> m.path("author").path("bot").asBoolean()).findFirst().orElseThrow();
        discord.click(BOB, posted, "Helpful").awaitReply();

        // Plain chatter in the same channel gets nothing.
        discord.post(ALICE, IDEAS, "lunch at noon?");

        // Someone explains a fix; "Save as solution" turns it into a note that /ask finds at once.
        ObjectNode fix = discord.post(ALICE, GENERAL,
                "Fixed the flaky Kafka consumer lag alerts: the exporter scraped every 5s, set scrape_interval to 30s");
        FakeInteraction menu = discord.messageCommand(BOB, "Save as solution", fix);
        assertEquals(9, menu.awaitCallback().callbackType());
        ObjectNode saved = discord.submitModal(BOB, menu, Map.of(
                "problem", "Kafka consumer lag alerts fire on every deploy")).awaitReply();
        assertTrue(saved.get("content").asText().contains("Saved as a solution"), saved.toString());
        ObjectNode found = discord.slash(OLIVIA, GENERAL, "ask", Map.of("question", "why does kafka lag alerting flap?"))
                .awaitReply();
        assertTrue(text(found).contains("Kafka consumer lag alerts fire on every deploy"), found.toString());
        assertEquals(1, discord.calls(c -> c.is("POST", "channels/" + IDEAS + "/messages")).size(),
                "only the question got a passive answer");
    }

    @Test
    void aNewThreadInAPassiveChannelIsAnsweredOnceWithWhatCameBefore() throws Exception {
        // "Has this been asked before?": the thread's opening message is the question, answered in the thread.
        FakeWorld.Channel thread = discord.conversations().startThread(BOB, IDEAS, "polars or pandas?");
        ObjectNode question = discord.conversations().post(BOB, thread.id,
                "has anyone tried polars instead of pandas for our features?");
        RecordedCall answer = discord.await(c -> c.is("POST", "channels/" + thread.id + "/messages"));
        assertTrue(answer.body().toString().contains("Has this been asked before?"), answer.toString());
        assertTrue(answer.body().toString().contains("Polars"), answer.toString());
        assertTrue(answer.body().toString().contains("Helpful"), "with its feedback buttons: " + answer);
        ObjectNode reply = discord.conversations().post(ALICE, thread.id, "we looked at it last year, it was slow");
        // A thread's messages are handled in order: once the mention after them is answered, so are they.
        ObjectNode mention = discord.conversations().post(OLIVIA, thread.id, FakeWorld.BOT.mention() + " polars?");
        discord.await(c -> c.is("POST", "channels/" + thread.id + "/messages")
                && c.body().at("/message_reference/message_id").asText().equals(mention.get("id").asText()));
        List<RecordedCall> posts = discord.calls(c -> c.is("POST", "channels/" + thread.id + "/messages"));
        assertEquals(2, posts.size(), "the answer to the thread and the one to the mention: " + posts);
        assertTrue(posts.stream().map(c -> c.body().at("/message_reference/message_id").asText()).noneMatch(
                id -> id.equals(question.get("id").asText()) || id.equals(reply.get("id").asText())),
                "the opening question is not answered a second time as a passive answer");
    }

    private Path newNote(String word) throws Exception {
        try (Stream<Path> files = Files.walk(kb)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().contains(word)
                    && p.toString().endsWith(".md") && !p.toString().contains("/.")).toList();
            assertEquals(1, found.size(), "one new note about " + word + ": " + found);
            return found.get(0);
        }
    }


    private static JsonNode field(JsonNode message, String prefix) {
        for (JsonNode e : message.path("embeds")) {
            for (JsonNode f : e.path("fields")) if (f.path("name").asText().startsWith(prefix)) return f;
        }
        throw new AssertionError("no field '" + prefix + "' in " + message);
    }
}
