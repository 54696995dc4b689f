package spikebot.bot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.DigestSchedule;
import spikebot.bot.core.MutableClock;
import spikebot.bot.discord.fake.FakeDiscord;
import spikebot.bot.discord.fake.FakeInteraction;
import spikebot.bot.discord.fake.RecordedCall;
import spikebot.bot.wiring.Features;
import spikebot.knowledge.SampleKnowledgeBase;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.discord.fake.FakeWorld.ALICE;
import static spikebot.bot.discord.fake.FakeWorld.GENERAL;
import static spikebot.bot.discord.fake.FakeWorld.ML_TEAM;

/** The research rhythm through the Discord adapter and the fake Discord: browse, who knows, the weekly digest. */
class RhythmThroughDiscordTest {
    @TempDir
    Path kb;
    private FakeDiscord discord;
    private DiscordBot bot;
    /** Monday 00:30 UTC, so that the digest's slot (Monday 00:00) comes round again a week later. */
    private final MutableClock clock = new MutableClock(ZonedDateTime.of(2026, 11, 30, 0, 30, 0, 0, ZoneOffset.UTC)
            .toInstant());

    @BeforeEach
    void start() throws Exception {
        SampleKnowledgeBase.copyTo(kb);
        discord = FakeDiscord.start();
        DiscordSettings settings = new DiscordSettings(Map.of(Long.toUnsignedString(ML_TEAM),
                new DiscordSettings.GuildSettings(kb, null, Set.of(), null, null,
                        new DigestSchedule(java.time.DayOfWeek.MONDAY, 0, Long.toUnsignedString(GENERAL)))),
                Duration.ofHours(1));
        bot = DiscordBot.start(FakeDiscord.TOKEN, settings,
                (access, history) -> Features.core(settings.coreConfigs(), access, history, clock, null),
                discord.connection());
        discord.await(c -> c.is("PUT", "applications/\\d+/guilds/" + ML_TEAM + "/commands"));
    }

    @AfterEach
    void stop() throws Exception {
        if (bot != null) bot.close();
        discord.close();
    }

    @Test
    void browseWithButtonsOnAnEphemeralMessage() {
        FakeInteraction list = discord.slash(ALICE, GENERAL, "notes list", Map.of("kind", "spike"));
        ObjectNode page = list.awaitReply();
        assertTrue(text(page).contains("Page 1 of 3"), text(page));
        FakeInteraction next = discord.click(ALICE, page, "Next");
        assertEquals(7, next.awaitCallback().callbackType(), "the page is updated in place");
        assertTrue(text(discord.current(page)).contains("Page 2 of 3"), text(discord.current(page)));
    }

    @Test
    void whoKnows() {
        String answer = text(discord.slash(ALICE, GENERAL, "who", Map.of("topic", "polars")).awaitReply());
        assertTrue(answer.contains("1. alice"), answer);
    }

    @Test
    void theWeeklyDigestIsPostedOnceInItsChannel() {
        bot.tick(); // the first run starts counting
        clock.advance(Duration.ofDays(7));
        bot.tick();
        bot.tick();
        List<RecordedCall> digests = discord.calls(c -> c.is("POST", "channels/" + GENERAL + "/messages")
                && c.body().path("content").asText().contains("Weekly digest"));
        assertEquals(1, digests.size(), discord.calls().toString());
        assertTrue(digests.get(0).body().at("/allowed_mentions/parse").isEmpty());
    }

    private static String text(JsonNode message) {
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
