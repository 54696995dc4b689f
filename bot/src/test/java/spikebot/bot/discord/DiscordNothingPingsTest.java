package spikebot.bot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.ChatDriver;
import spikebot.bot.core.MutableClock;
import spikebot.bot.discord.fake.FakeDiscord;
import spikebot.bot.discord.fake.FakeInteraction;
import spikebot.bot.discord.fake.FakeWorld;
import spikebot.bot.discord.fake.RecordedCall;
import spikebot.knowledge.NoteKind;
import spikebot.bot.wiring.Features;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.discord.fake.FakeWorld.ALICE;
import static spikebot.bot.discord.fake.FakeWorld.BOB;
import static spikebot.bot.discord.fake.FakeWorld.GENERAL;
import static spikebot.bot.discord.fake.FakeWorld.IDEAS;
import static spikebot.bot.discord.fake.FakeWorld.ML_TEAM;
import static spikebot.bot.discord.fake.FakeWorld.SPIKES_FORUM;

/**
 * Issue 5: nothing the bot posts can ping, and nothing is too big for Discord. A whole working session (questions,
 * a passive answer, a mention, a spike run as a forum post with clicks, a finding, a reminder and a close, a saved
 * solution, a refusal) is fed text full of {@code @everyone}, {@code @here}, user, role and channel mentions, and
 * notes with huge titles and bodies. Then every message the bot sent, as the fake Discord recorded it, is audited:
 * each carries {@code allowed_mentions} that allows nothing, its text has no live mention left (they are shown
 * defused), and it is within Discord's limits (the fake refuses anything bigger, as Discord does).
 */
class DiscordNothingPingsTest {
    private static final String PINGS = "@everyone @here <@" + Long.toUnsignedString(BOB.id()) + "> <@!"
            + Long.toUnsignedString(ALICE.id()) + "> <@&" + Long.toUnsignedString(FakeWorld.MANAGER_ROLE) + ">";
    /** A mention Discord would act on: mass mentions, users, roles (channel links do not notify anyone). */
    private static final Pattern LIVE = Pattern.compile("@(everyone|here)|<@[!&]?\\d+>");

    @TempDir
    Path kb;
    @RegisterExtension
    final FakeDiscordExtension fake = new FakeDiscordExtension();
    private FakeDiscord discord;
    private DiscordBot bot;
    private final MutableClock clock =
            new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @BeforeEach
    void start() throws Exception {
        ChatDriver.note(kb, NoteKind.SOLUTION, "Kafka consumer lag alerts " + PINGS, null,
                "Read this " + PINGS + " before touching the exporter. " + "Kafka consumer lag detail. ".repeat(3000),
                null);
        ChatDriver.note(kb, NoteKind.SPIKE, "Kafka consumer lag alerts " + "and a very long title ".repeat(60), "go",
                "Kafka consumer lag alerts, in depth.", null);
        discord = fake.discord();
        DiscordSettings settings = new DiscordSettings(Map.of(Long.toUnsignedString(ML_TEAM),
                new DiscordSettings.GuildSettings(kb, null, Set.of(Long.toUnsignedString(IDEAS)),
                        Long.toUnsignedString(SPIKES_FORUM))), Duration.ofHours(1));
        bot = fake.startBot(settings, (access, history) -> Features.core(settings.coreConfigs(), access, history, clock, null));
    }

    @Test
    void aWholeSessionOfHostileTextPingsNobodyAndFitsDiscordsLimits() throws Exception {
        // Questions: public, private, by mention, and a passive one.
        ObjectNode plain = discord.slash(ALICE, GENERAL, "ask", Map.of("question", "kafka consumer lag alerts"))
                .awaitReply();
        JsonNode longTitle = plain.at("/embeds/0/fields").findValues("name").stream()
                .filter(n -> n.asText().contains("very long title")).findFirst().orElseThrow();
        assertTrue(longTitle.asText().endsWith("…"), "a title too long for a field name is cut: " + longTitle);
        ObjectNode answer = discord.slash(ALICE, GENERAL, "ask", Map.of("question", "kafka consumer lag alerts "
                + PINGS)).awaitReply();
        assertTrue(DiscordPermissionMatrixTest.text(answer).contains("@\u200Beveryone"),
                "the note's text is shown, defused: " + answer);
        discord.slash(BOB, GENERAL, "ask", Map.of("question", "kafka lag " + PINGS, "private", true)).awaitReply();
        discord.post(BOB, GENERAL, FakeWorld.BOT.mention() + " has anyone fixed kafka consumer lag alerts? " + PINGS);
        discord.await(c -> c.is("POST", "channels/" + GENERAL + "/messages"));
        discord.post(BOB, IDEAS, "has anyone looked at kafka consumer lag alerts before? " + PINGS);
        discord.await(c -> c.is("POST", "channels/" + IDEAS + "/messages"));

        // A spike as a forum post: start, tick, a finding, a reminder, a refusal, then the closing form.
        discord.slash(ALICE, GENERAL, "spike start", Map.of("topic", "Kafka lag " + PINGS,
                "goal", "Find out " + PINGS + " " + "why the lag alerts fire. ".repeat(30))).awaitReply();
        FakeWorld.Channel post = discord.world().threadsOf(SPIKES_FORUM).get(0);
        ObjectNode card = discord.messagesIn(post.id).get(0);
        assertEquals(7, discord.click(BOB, card, "☐ 1").awaitCallback().callbackType());
        discord.slash(BOB, post.id, "spike note", Map.of("text", "Found it " + PINGS)).awaitReply();
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        bot.tick();
        discord.await(c -> c.is("POST", "channels/" + post.id + "/messages"));
        FakeInteraction refused = discord.slash(BOB, GENERAL, "spike start", Map.of("topic", "x " + PINGS,
                "timebox", "999w"));
        assertTrue(refused.awaitReplies(2).get(1).get("content").asText()
                .contains("is too long: a time box can be at most 4w"));
        FakeInteraction close = discord.slash(ALICE, post.id, "spike close", Map.of("outcome", "go"));
        String summary = "Done " + PINGS + " " + "the exporter scraped too often. ".repeat(130);
        ObjectNode closed = discord.submitModal(ALICE, close, Map.of("summary", summary.substring(0, 4000),
                "approaches", ("Burrow vs the exporter " + PINGS + " ").repeat(40).substring(0, 2000),
                "next_steps", ("Ship it " + PINGS + " ").repeat(20).substring(0, 1000))).awaitReply();
        assertTrue(DiscordPermissionMatrixTest.text(closed).contains("…"), "a summary too big is cut: " + closed);
        assertTrue(DiscordPermissionMatrixTest.text(closed).contains(".md"), "and still says where the note is");
        try (Stream<Path> files = Files.walk(kb)) {
            Path note = files.filter(p -> p.getFileName().toString().startsWith("kafka-lag")).findFirst().orElseThrow();
            assertTrue(Files.readString(note).contains(summary.substring(0, 4000).strip()), "the note keeps it all");
        }

        // A saved solution.
        FakeInteraction solved = discord.slash(BOB, GENERAL, "solved", Map.of());
        discord.submitModal(BOB, solved, Map.of("problem", "Lag alerts " + PINGS, "solution", "Scrape less " + PINGS))
                .awaitReply();

        audit();
    }

    /** Every message the bot sent allows no mention, shows none live, and was taken by the fake (within limits). */
    private void audit() {
        Set<String> kinds = new TreeSet<>();
        for (RecordedCall call : discord.calls()) {
            JsonNode message = call.message().orElse(null);
            if (message == null) continue;
            kinds.add(call.method() + " " + call.path().replaceAll("\\d{6,}", "{id}").replaceAll("itoken-\\{id}",
                    "{token}") + (call.isInteractionCallback() ? " type " + call.callbackType() : ""));
            JsonNode allowed = message.path("allowed_mentions");
            assertTrue(allowed.path("parse").isArray() && allowed.path("parse").isEmpty(), "no parse: " + call);
            assertTrue(allowed.path("users").isEmpty() && allowed.path("roles").isEmpty(), "nobody listed: " + call);
            if (message.has("message_reference")) {
                assertFalse(allowed.path("replied_user").asBoolean(true), "no ping of the asker: " + call);
            }
            String text = DiscordPermissionMatrixTest.text(message);
            assertFalse(LIVE.matcher(text).find(), "a live mention in " + call);
            assertTrue(call.status() < 400, "refused by Discord: " + call);
        }
        System.out.println("nothing pings: audited " + kinds);
        assertTrue(kinds.containsAll(List.of(
                        "POST interactions/{id}/{token}/callback type 4",
                        "POST interactions/{id}/{token}/callback type 7",
                        "PATCH webhooks/{id}/{token}/messages/@original",
                        "POST webhooks/{id}/{token}",
                        "POST channels/{id}/messages",
                        "PATCH channels/{id}/messages/{id}",
                        "POST channels/{id}/threads")),
                "every way the bot posts was audited: " + kinds);
    }
}
