package spikebot.bot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.discord.fake.FakeDiscord;
import spikebot.bot.discord.fake.FakeInteraction;
import spikebot.bot.discord.fake.FakeWorld;
import spikebot.bot.discord.fake.RecordedCall;
import spikebot.knowledge.SampleKnowledgeBase;
import spikebot.bot.wiring.Features;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.discord.fake.FakeWorld.ALICE;
import static spikebot.bot.discord.fake.FakeWorld.BOB;
import static spikebot.bot.discord.fake.FakeWorld.GENERAL;
import static spikebot.bot.discord.fake.FakeWorld.ML_TEAM;

/**
 * Issue 5, bad input through Discord with the real core: very long text, zero-width and right-to-left characters,
 * mass mentions, unknown and forged ids (buttons and forms a modified client could send), time boxes out of range.
 * Each gets a clear answer, privately when it is a refusal, and nothing breaks or changes by accident.
 */
class DiscordHostileInputTest {
    private static final String LONG = "loremipsum ".repeat(600).substring(0, 6000);

    @TempDir
    Path kb;
    @RegisterExtension
    final FakeDiscordExtension fake = new FakeDiscordExtension();
    private FakeDiscord discord;
    private DiscordBot bot;
    private FakeWorld.Channel thread;
    private ObjectNode card;
    private String spikeId;

    @BeforeEach
    void start() throws Exception {
        SampleKnowledgeBase.copyTo(kb);
        discord = fake.discord();
        DiscordSettings settings = new DiscordSettings(Map.of(Long.toUnsignedString(ML_TEAM),
                new DiscordSettings.GuildSettings(kb, null, Set.of(), null)), Duration.ofHours(1));
        bot = fake.startBot(settings, (access, history) -> Features.core(settings.coreConfigs(), access, history, Clock.systemUTC(), null));
        // Zero-width and right-to-left characters are taken out of what people type.
        discord.slash(ALICE, GENERAL, "spike start", Map.of("topic",
                "Evaluate\u200B Pol\u200Dars\u202E for the \u2066ETL\u2069 @everyone")).awaitReply();
        thread = discord.world().threadsOf(GENERAL).get(0);
        card = discord.messagesIn(thread.id).get(0);
        spikeId = card.at("/components/0/components/0/custom_id").asText().split(":")[2];
    }

    /** The answer only the asker sees; after a public deferral it comes second (see {@code Exchange}). */
    private static String privately(FakeInteraction interaction) {
        ObjectNode first = interaction.awaitReply();
        ObjectNode answer = (first.path("flags").asInt() & 64) != 0 ? first : interaction.awaitReplies(2).get(1);
        assertEquals(64, answer.path("flags").asInt() & 64, "a refusal is private: " + answer);
        return answer.get("content").asText();
    }

    private static void says(String answer, String expected) {
        assertTrue(answer.contains(expected), "expected '" + expected + "' in: " + answer);
    }

    @Test
    void invisibleAndRightToLeftCharactersAreTakenOut() {
        RecordedCall created = discord.await(c -> c.is("POST", "channels/" + GENERAL + "/threads"));
        assertEquals("Evaluate Polars for the ETL @everyone", created.body().get("name").asText());
        assertTrue(card.at("/embeds/0/title").asText().contains("Evaluate Polars for the ETL @\u200Beveryone"),
                "cleaned, and the mention defused: " + card.at("/embeds/0/title"));
        JsonNode found = discord.slash(BOB, GENERAL, "ask", Map.of("question",
                "has anyone tried pol\u200Bars instead of pan\u200Ddas?")).awaitReply();
        assertTrue(DiscordPermissionMatrixTest.text(found).contains("Polars"), "a hidden character hides nothing");
    }

    @Test
    void veryLongTextGetsAClearAnswer() {
        JsonNode answer = discord.slash(BOB, GENERAL, "ask", Map.of("question",
                "has anyone tried polars instead of pandas " + LONG)).awaitReply();
        String text = DiscordPermissionMatrixTest.text(answer);
        assertTrue(text.contains("Your question was long: I searched its first 500 characters"), text);

        says(privately(discord.slash(BOB, GENERAL, "spike start", Map.of("topic", LONG))),
                "A topic is a title: at most 200 characters (this one has 6000)");
        says(privately(discord.slash(BOB, thread.id, "spike note", Map.of("text", LONG))),
                "A finding is at most 2000 characters (this one has 6000)");
        FakeInteraction form = discord.slash(BOB, GENERAL, "solved", Map.of());
        says(privately(discord.submitModal(BOB, form, Map.of("problem", LONG, "solution", "x"))),
                "'problem' is at most");
        says(privately(discord.slash(BOB, GENERAL, "spike status", Map.of("spike", LONG))), "No open spike with id");
    }

    @Test
    void timeBoxesOutOfRangeAreExplained() {
        says(privately(discord.slash(BOB, GENERAL, "spike start", Map.of("topic", "Try DuckDB", "timebox", "0m"))),
                "'0m' is too short: a time box must be at least 15m");
        says(privately(discord.slash(BOB, GENERAL, "spike start", Map.of("topic", "Try DuckDB",
                "timebox", "999w"))), "'999w' is too long: a time box can be at most 4w");
        says(privately(discord.slash(BOB, GENERAL, "spike start", Map.of("topic", "Try DuckDB",
                "timebox", "soon"))), "'soon' is not a time box: write it like 30m, 2h");
        says(privately(discord.slash(ALICE, thread.id, "spike extend", Map.of("by", "0m", "reason", "x"))),
                "too short");
        assertEquals(1, discord.world().threadsOf(GENERAL).size(), "no spike was started");
    }

    @Test
    void unknownAndForgedIdsAreRefusedAndChangeNothing() {
        says(privately(discord.slash(BOB, GENERAL, "spike status", Map.of("spike", "nope42"))),
                "No open spike with id `nope42`");
        says(privately(discord.slash(BOB, GENERAL, "spike note", Map.of("spike", "../../etc/passwd",
                "text", "x"))), "No open spike with id `??????etc?passwd`");

        String before = discord.current(card).toString();
        says(privately(discord.forgeClick(BOB, card, "spike:tick:zzzzzz:0")), "No open spike with id `zzzzzz`");
        says(privately(discord.forgeClick(BOB, card, "spike:tick:" + spikeId + ":999")), "not one I know");
        says(privately(discord.forgeClick(BOB, card, "spike:tick:" + spikeId + ":-1")), "not one I know");
        says(privately(discord.forgeClick(BOB, card, "passive:fb:1:evil")), "not one I know");
        says(privately(discord.forgeClick(BOB, card, "x".repeat(100))), "not one I know");
        says(privately(discord.forgeClick(ALICE, card, "spike:join:" + spikeId)), "already on this spike");
        assertEquals(before, discord.current(card).toString(), "the card did not change");

        says(privately(discord.forgeModal(ALICE, thread.id, "spike:close:zzzzzz:go", Map.of("summary", "x"))),
                "already closed (or unknown): nothing was written");
        says(privately(discord.forgeModal(ALICE, thread.id, "spike:close:" + spikeId + ":maybe",
                Map.of("summary", "x"))), "maybe");
        says(privately(discord.forgeModal(BOB, thread.id, "spike:close:" + spikeId + ":go",
                Map.of("summary", "x"))), "Only the owner");
        says(privately(discord.forgeModal(BOB, GENERAL, "solved:save", Map.of())), "Describe the problem");
        says(privately(discord.forgeModal(BOB, GENERAL, "evil:form", Map.of("a", "b"))), "not one I know");
        assertFalse(discord.world().channel(thread.id).archived(), "the spike is still open");
        assertTrue(discord.calls(c -> c.status() >= 400 && !c.isInteractionCallback()).isEmpty(),
                "Discord refused nothing: " + discord.calls(c -> c.status() >= 400));
    }
}
