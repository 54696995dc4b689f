package spikebot.bot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.ChatDriver;
import spikebot.bot.discord.fake.FakeDiscord;
import spikebot.bot.discord.fake.FakeInteraction;
import spikebot.bot.discord.fake.FakeWorld;
import spikebot.bot.discord.fake.RecordedCall;
import spikebot.knowledge.NoteKind;
import spikebot.bot.wiring.Features;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static spikebot.bot.discord.fake.FakeWorld.ALICE;
import static spikebot.bot.discord.fake.FakeWorld.BOB;
import static spikebot.bot.discord.fake.FakeWorld.CAROL;
import static spikebot.bot.discord.fake.FakeWorld.GENERAL;
import static spikebot.bot.discord.fake.FakeWorld.MARIA;
import static spikebot.bot.discord.fake.FakeWorld.ML_TEAM;
import static spikebot.bot.discord.fake.FakeWorld.OTHER_GENERAL;
import static spikebot.bot.discord.fake.FakeWorld.OTHER_TEAM;
import static spikebot.bot.discord.fake.FakeWorld.RESEARCH;
import static spikebot.bot.discord.fake.FakeWorld.RESEARCHER_ROLE;

/**
 * Issue 5, who sees what, through the real JDA client and the fake Discord's permissions: notes born by
 * {@code /solved} and a spike close in a public channel, a private channel (@everyone denied View Channel, the
 * Researcher role allowed), a private thread, and a second guild, plus a folder note. Then {@code /ask} (public and
 * private), passive answers and a new spike's prior work, by people who can and cannot view each origin: zero
 * leaks, and those allowed do see them. Also: settings need Manage Server; closing and extending a spike need its
 * owner, a participant or a manager; the others get a clear private refusal.
 *
 * <p>Each note carries a code word, so a leak is any code word in something its reader may not see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordPermissionMatrixTest {
    private static final String QUESTION = "kafka consumer lag alerts";
    private static final String FOLDER = "tapir";
    private static final String PUBLIC = "zebra";
    private static final String PRIVATE_CHANNEL = "quokka";
    private static final String PRIVATE_THREAD = "narwhal";
    private static final String PRIVATE_SPIKE = "ocelot";
    private static final String OTHER_GUILD = "wombat";
    private static final List<String> GUILD_ONE = List.of(FOLDER, PUBLIC, PRIVATE_CHANNEL, PRIVATE_THREAD,
            PRIVATE_SPIKE);

    @RegisterExtension
    static final FakeDiscordExtension fake = new FakeDiscordExtension();
    private FakeDiscord discord;
    private FakeWorld.Channel privateThread;

    @BeforeAll
    void bornInEachPlace(@TempDir Path root) throws Exception {
        Path kb1 = Files.createDirectories(root.resolve("ml-team"));
        Path kb2 = Files.createDirectories(root.resolve("other-team"));
        ChatDriver.note(kb1, NoteKind.SOLUTION, "Kafka consumer lag alerts runbook " + FOLDER, null,
                "Check the exporter first.", null);
        discord = fake.discord();
        DiscordSettings settings = new DiscordSettings(Map.of(
                Long.toUnsignedString(ML_TEAM), new DiscordSettings.GuildSettings(kb1, null,
                        Set.of(Long.toUnsignedString(GENERAL), Long.toUnsignedString(RESEARCH)), null),
                Long.toUnsignedString(OTHER_TEAM), new DiscordSettings.GuildSettings(kb2, null, Set.of(), null)),
                Duration.ofHours(1));
        fake.startBot(settings, (access, history) -> Features.core(settings.coreConfigs(), access, history, Clock.systemUTC(), null));

        privateThread = discord.openThread(ALICE, GENERAL, "incident review", true, ALICE);
        solved(BOB, GENERAL, "Kafka consumer lag alerts fire on every deploy " + PUBLIC);
        solved(ALICE, RESEARCH, "Kafka consumer lag alerts hide a partition skew " + PRIVATE_CHANNEL);
        solved(ALICE, privateThread.id, "Kafka consumer lag alerts after the incident " + PRIVATE_THREAD);
        solved(CAROL, OTHER_GENERAL, "Kafka consumer lag alerts in our cluster " + OTHER_GUILD);
        discord.slash(ALICE, RESEARCH, "spike start", Map.of("topic", "Kafka consumer lag alerts with Burrow "
                + PRIVATE_SPIKE)).awaitReply();
        FakeWorld.Channel spike = discord.world().threadsOf(RESEARCH).get(0);
        ObjectNode closed = discord.slash(ALICE, spike.id, "spike close", Map.of("outcome", "go",
                "summary", "Burrow evaluates lag per partition; adopt it")).awaitReply();
        assertTrue(text(closed).contains("go"), closed.toString());
    }

    private void solved(FakeWorld.User who, long channel, String problem) {
        FakeInteraction form = discord.slash(who, channel, "solved", Map.of());
        ObjectNode saved = discord.submitModal(who, form, Map.of("problem", problem,
                "solution", "Raised the exporter's scrape interval")).awaitReply();
        assertTrue(saved.get("content").asText().contains("Saved as a solution"), saved.toString());
    }

    private ObjectNode ask(FakeWorld.User who, long channel, boolean privately) {
        return discord.slash(who, channel, "ask", Map.of("question", QUESTION, "private", privately)).awaitReply();
    }

    private static void shows(JsonNode message, List<String> expected) {
        String text = text(message);
        for (String word : GUILD_ONE_AND_OTHER) {
            boolean wanted = expected.contains(word);
            assertEquals(wanted, text.contains(word), (wanted ? "missing " : "leaked ") + word + " in: " + text);
        }
    }

    private static final List<String> GUILD_ONE_AND_OTHER = List.of(FOLDER, PUBLIC, PRIVATE_CHANNEL, PRIVATE_THREAD,
            PRIVATE_SPIKE, OTHER_GUILD);

    private static boolean ephemeral(JsonNode message) {
        return (message.path("flags").asInt() & 64) != 0;
    }

    @Test
    void someoneWhoSeesOnlyPublicChannelsGetsOnlyPublicAndFolderNotes() {
        ObjectNode publicly = ask(BOB, GENERAL, false);
        shows(publicly, List.of(FOLDER, PUBLIC));
        assertFalse(text(publicly).contains("more from channels"), "not even a hint of what bob cannot see");
        ObjectNode privately = ask(BOB, GENERAL, true);
        assertTrue(ephemeral(privately));
        shows(privately, List.of(FOLDER, PUBLIC));
    }

    @Test
    void someoneWhoSeesEverythingGetsItPrivatelyButNeverInAPublicAnswer() {
        ObjectNode publicly = ask(ALICE, GENERAL, false);
        assertFalse(ephemeral(publicly));
        shows(publicly, List.of(FOLDER, PUBLIC));
        assertTrue(text(publicly).contains("3 more from channels not everyone here can see"), text(publicly));

        ObjectNode privately = ask(ALICE, GENERAL, true);
        assertTrue(ephemeral(privately), "private answers are ephemeral");
        shows(privately, GUILD_ONE);
        assertNothingPublicLeaks();
    }

    @Test
    void aManagerSeesThePrivateChannelAndThePrivateThreadWithoutBeingInIt() {
        shows(ask(MARIA, GENERAL, true), GUILD_ONE);
    }

    @Test
    void permissionsAreReadWhenAskingNotCopiedOnce() {
        try {
            discord.world().setRoles(ML_TEAM, ALICE); // no longer a Researcher
            shows(ask(ALICE, GENERAL, true), List.of(FOLDER, PUBLIC, PRIVATE_THREAD));
        } finally {
            discord.world().setRoles(ML_TEAM, ALICE, RESEARCHER_ROLE);
        }
        shows(ask(ALICE, GENERAL, true), GUILD_ONE);
    }

    @Test
    void guildsNeverSeeEachOthersNotes() {
        shows(ask(CAROL, OTHER_GENERAL, true), List.of(OTHER_GUILD));
        shows(ask(MARIA, GENERAL, true), GUILD_ONE);
    }

    @Test
    void passiveAnswersShowOnlyWhatTheWholeChannelMaySee() {
        JsonNode inGeneral = passiveAnswer(ALICE, GENERAL);
        shows(inGeneral, List.of(FOLDER, PUBLIC));
        JsonNode inResearch = passiveAnswer(ALICE, RESEARCH);
        assertTrue(text(inResearch).contains(PRIVATE_CHANNEL), "a note is shown in the channel it came from");
        assertFalse(text(inResearch).contains(PRIVATE_THREAD), text(inResearch));
        assertFalse(text(inResearch).contains(OTHER_GUILD), text(inResearch));
    }

    /** What the bot posted, for the whole channel to read, in answer to a plain question. */
    private JsonNode passiveAnswer(FakeWorld.User who, long channel) {
        ObjectNode question = discord.post(who, channel, "has anyone looked into " + QUESTION + " before?");
        return discord.await(c -> c.is("POST", "channels/" + channel + "/messages")
                && question.get("id").asText().equals(c.body().at("/message_reference/message_id").asText())).body();
    }

    @Test
    void aNewSpikesPriorWorkShowsOnlyWhatItsChannelMaySee() {
        FakeInteraction bobs = discord.slash(BOB, GENERAL, "spike start", Map.of("topic", QUESTION));
        bobs.awaitReply();
        shows(firstMessageOf(bobs), List.of(FOLDER, PUBLIC));

        FakeInteraction alices = discord.slash(ALICE, GENERAL, "spike start", Map.of("topic", QUESTION));
        List<ObjectNode> replies = alices.awaitReplies(2);
        shows(firstMessageOf(alices), List.of(FOLDER, PUBLIC));
        assertTrue(ephemeral(replies.get(1)), "the hint is for alice alone");
        assertTrue(text(replies.get(1)).contains("3 more notes from channels not everyone there can see"),
                replies.toString());

        FakeInteraction inResearch = discord.slash(ALICE, RESEARCH, "spike start",
                Map.of("topic", QUESTION));
        inResearch.awaitReply();
        assertTrue(text(firstMessageOf(inResearch)).contains(PRIVATE_CHANNEL),
                "a spike in the private channel may list that channel's notes");
        assertNothingPublicLeaks();
    }

    private ObjectNode firstMessageOf(FakeInteraction start) {
        String reply = text(start.awaitReply());
        long thread = Long.parseUnsignedLong(reply.replaceAll("(?s).*<#(\\d+)>.*", "$1"));
        return discord.messagesIn(thread).get(0);
    }

    @Test
    void settingsNeedManageServer() {
        ObjectNode refused = discord.slash(BOB, GENERAL, "spikebot passive", Map.of("state", "off")).awaitReply();
        assertTrue(ephemeral(refused));
        assertTrue(refused.get("content").asText().contains("Manage Server"), refused.toString());
        ObjectNode done = discord.slash(MARIA, FakeWorld.IDEAS, "spikebot passive", Map.of("state", "on")).awaitReply();
        assertTrue(done.get("content").asText().contains("Passive answers are on"), done.toString());
    }

    @Test
    void closingAndExtendingNeedTheOwnerAParticipantOrAManager() {
        discord.slash(ALICE, GENERAL, "spike start", Map.of("topic", "Evaluate Flink windowing")).awaitReply();
        FakeWorld.Channel thread = discord.world().threadsOf(GENERAL).stream()
                .filter(t -> t.name.equals("Evaluate Flink windowing")).findFirst().orElseThrow();
        for (ObjectNode refused : List.of(
                privateAnswer(discord.slash(BOB, thread.id, "spike close", Map.of("outcome", "go"))),
                privateAnswer(discord.slash(BOB, thread.id, "spike close", Map.of("outcome", "go", "summary", "done"))),
                privateAnswer(discord.slash(BOB, thread.id, "spike extend", Map.of("by", "1h", "reason", "more"))))) {
            assertTrue(ephemeral(refused), refused.toString());
            assertTrue(refused.get("content").asText().contains("Only the owner (alice), a participant or someone "
                    + "with Manage Server"), refused.toString());
        }
        assertFalse(discord.world().channel(thread.id).archived(), "still open");
        ObjectNode extended = discord.slash(MARIA, thread.id, "spike extend", Map.of("by", "1h", "reason", "more data"))
                .awaitReply();
        assertTrue(extended.get("content").asText().contains("extended by 1h"), extended.toString());
        discord.slash(ALICE, thread.id, "spike close", Map.of("outcome", "shelved", "summary", "not now")).awaitReply();
        discord.await(c -> c.is("PATCH", "channels/" + thread.id) && c.body().path("archived").asBoolean(false));
    }

    /**
     * The first answer only its asker sees. After a public deferral (closing with a summary is deferred, as it
     * writes a note) a refusal comes second: the public placeholder is settled, then removed.
     */
    private ObjectNode privateAnswer(FakeInteraction interaction) {
        ObjectNode first = interaction.awaitReply();
        return ephemeral(first) ? first : interaction.awaitReplies(2).get(1);
    }

    /** No message anyone can read in a guild-one channel carries a private code word. */
    private void assertNothingPublicLeaks() {
        for (long channel : List.of(GENERAL, FakeWorld.IDEAS)) {
            for (ObjectNode m : discord.messagesIn(channel)) {
                if (ephemeral(m)) continue;
                for (String secret : List.of(PRIVATE_CHANNEL, PRIVATE_THREAD, PRIVATE_SPIKE, OTHER_GUILD)) {
                    if (text(m).contains(secret)) fail(secret + " leaked into a public message: " + m);
                }
            }
        }
    }

    static String text(JsonNode message) {
        StringBuilder out = new StringBuilder(message.path("content").asText());
        for (JsonNode e : message.path("embeds")) {
            out.append('\n').append(e.path("title").asText()).append('\n').append(e.path("description").asText());
            for (JsonNode f : e.path("fields")) {
                out.append('\n').append(f.path("name").asText()).append(": ").append(f.path("value").asText());
            }
            out.append('\n').append(e.path("footer").path("text").asText());
        }
        return out.toString();
    }
}
