package spikebot.bot.discord;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import spikebot.bot.core.MutableClock;
import spikebot.bot.discord.fake.FakeDiscord;
import spikebot.bot.discord.fake.FakeWorld;
import spikebot.bot.discord.fake.RecordedCall;
import spikebot.knowledge.SampleKnowledgeBase;
import spikebot.bot.wiring.Features;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.discord.fake.FakeWorld.ALICE;
import static spikebot.bot.discord.fake.FakeWorld.BOB;
import static spikebot.bot.discord.fake.FakeWorld.GENERAL;
import static spikebot.bot.discord.fake.FakeWorld.ML_TEAM;

/**
 * Issue 5: spikes and their reminders through Discord's faults, with the real core and a movable clock. The gateway
 * drops, asks to reconnect (op 7) or invalidates the session (op 9) just as a reminder falls due: the bot comes
 * back, the reminder is posted once (not lost, not twice), later reminders and commands work. Reminder posts that
 * Discord rate-limits (429) or finds unavailable (503) are retried by JDA and arrive once.
 */
class DiscordRemindersAcrossFaultsTest {
    @TempDir
    Path kb;
    @RegisterExtension
    final FakeDiscordExtension fake = new FakeDiscordExtension();
    private FakeDiscord discord;
    private DiscordBot bot;
    private final MutableClock clock =
            new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private FakeWorld.Channel thread;

    enum Fault { DROP, RECONNECT, INVALID_SESSION }

    @BeforeEach
    void start() throws Exception {
        SampleKnowledgeBase.copyTo(kb);
        discord = fake.discord();
        DiscordSettings settings = new DiscordSettings(Map.of(Long.toUnsignedString(ML_TEAM),
                new DiscordSettings.GuildSettings(kb, null, Set.of(), null)), Duration.ofHours(1));
        bot = fake.startBot(settings, (access, history) -> Features.core(settings.coreConfigs(), access, history, clock, null));
        discord.slash(ALICE, GENERAL, "spike start", Map.of("topic", "Try Burrow for consumer lag", "timebox", "4h"))
                .awaitReply();
        thread = discord.world().threadsOf(GENERAL).get(0);
    }

    private List<RecordedCall> reminders(String words) {
        return discord.calls(c -> c.is("POST", "channels/" + thread.id + "/messages") && c.status() < 300
                && c.body().path("content").asText().contains(words));
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aReminderDueDuringAGatewayFaultIsPostedOnceAndTheBotCarriesOn(Fault fault) throws Exception {
        int identifies = discord.identifies();
        int resumes = discord.resumes();
        clock.advance(Duration.ofHours(2).plusMinutes(1)); // half time falls due ...
        switch (fault) {                                   // ... as the gateway fails
            case DROP -> discord.dropConnection();
            case RECONNECT -> discord.requestReconnect();
            case INVALID_SESSION -> discord.invalidateSession(false);
        }
        bot.tick();
        awaitBack(fault, identifies, resumes);
        bot.tick();
        bot.tick();
        assertEquals(1, reminders("Half time").size(), "posted once across the fault: " + reminders("Half time"));

        // Commands keep working in the spike's thread and elsewhere.
        String noted = discord.slash(BOB, thread.id, "spike note", Map.of("text", "Burrow needs ZooKeeper access"))
                .awaitReply().get("content").asText();
        assertTrue(noted.contains("Finding 1"), noted);
        assertTrue(discord.slash(BOB, GENERAL, "ask", Map.of("question", "has anyone tried polars?")).awaitReply()
                .toString().contains("Polars"));

        // The next reminder is not lost either.
        clock.advance(Duration.ofHours(1)); // one hour before the end
        bot.tick();
        bot.tick();
        assertEquals(1, reminders("Time to write down").size(), discord.calls().toString());
        assertEquals(1, reminders("Half time").size());
    }

    private void awaitBack(Fault fault, int identifies, int resumes) throws InterruptedException {
        if (fault == Fault.INVALID_SESSION) {
            discord.awaitIdentifies(identifies + 1);
        } else {
            discord.awaitResumes(resumes + 1);
        }
        discord.awaitGatewayReady();
        if (fault == Fault.INVALID_SESSION) {
            assertEquals(identifies + 1, discord.identifies(), "a new session");
        } else {
            assertEquals(resumes + 1, discord.resumes(), "the session resumed");
            assertEquals(identifies, discord.identifies());
        }
    }

    @Test
    void afterANewSessionTheSpikesCardStillWorks() throws Exception {
        int identifies = discord.identifies();
        discord.invalidateSession(false);
        awaitBack(Fault.INVALID_SESSION, identifies, discord.resumes());
        var card = discord.messagesIn(thread.id).get(0);
        assertEquals(7, discord.click(BOB, card, "☐ 1").awaitCallback().callbackType());
    }

    @Test
    void aRemindersPostThatIsRateLimitedOrUnavailableIsRetriedAndArrivesOnce() {
        String posts = "channels/" + thread.id + "/messages";
        discord.failNext(c -> c.is("POST", posts), 429, 0.3);
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        bot.tick();
        assertEquals(1, reminders("Half time").size());
        discord.failNext(c -> c.is("POST", posts), 503, 0);
        clock.advance(Duration.ofHours(1));
        bot.tick();
        assertEquals(1, reminders("Time to write down").size());
        assertEquals(List.of(429, 200, 503, 200), discord.calls(c -> c.is("POST", posts)
                && c.body().path("embeds").isEmpty()).stream().map(RecordedCall::status).toList(), "reminders only");
    }
}
