package spikebot.bot.discord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.cli.CommandLineError;
import spikebot.bot.core.Action;
import spikebot.bot.core.Event;
import spikebot.bot.discord.fake.FakeDiscord;
import spikebot.bot.discord.fake.FakeWorld;
import spikebot.bot.discord.fake.RecordedCall;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When Discord refuses the bot at start, the person running it gets one line that says what to fix. */
class DiscordBotStartTest {
    @TempDir
    Path kb;

    private DiscordSettings settings() {
        return new DiscordSettings(Map.of("200000000000000001",
                new DiscordSettings.GuildSettings(kb, null, Set.of(), null)), Duration.ofMinutes(1));
    }

    @Test
    void wrongTokenIsExplained() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start()) {
            String wrong = "not-the-token";
            CommandLineError e = assertThrows(CommandLineError.class, () -> DiscordBot.start(wrong, settings(),
                    (access, history) -> new ScriptedChat(List.of()), discord.connection()));
            assertTrue(e.getMessage().contains("rejected the token"), e.getMessage());
            assertFalse(e.getMessage().contains(wrong), "the token is never shown");
        }
    }

    /**
     * Discord refuses the privileged Message Content intent until it is switched on (and, for large bots,
     * reviewed): the bot starts without it. Mentions still carry their text, other messages come empty.
     */
    @Test
    void withoutTheMessageContentIntentTheBotStartsAndMentionsStillWork() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start()) {
            discord.refuseMessageContentIntent();
            ScriptedChat core = new ScriptedChat(List.of()).answering(e -> e instanceof Event.MessagePosted p
                    && p.mentionsBot() ? List.of(Action.Reply.of("answered: " + p.content())) : List.of());
            DiscordBot bot = DiscordBot.start(FakeDiscord.TOKEN, settings(), (access, history) -> core,
                    discord.connection());
            try {
                assertFalse(bot.readsMessageContent());
                assertEquals(0, discord.identify().path("intents").asLong() & (1L << 15), "asked without it");
                discord.post(FakeWorld.ALICE, FakeWorld.GENERAL, "has anyone tried polars?");
                assertEquals("", core.awaitSeen(Event.MessagePosted.class).content(), "plain text is not sent");
                discord.post(FakeWorld.ALICE, FakeWorld.GENERAL, FakeWorld.BOT.mention() + " has anyone tried duckdb?");
                RecordedCall reply = discord.await(c -> c.is("POST", "channels/" + FakeWorld.GENERAL + "/messages"));
                assertEquals("answered: has anyone tried duckdb?", reply.body().get("content").asText());
            } finally {
                bot.close();
            }
        }
    }

    /**
     * A stop (a deploy) lets the tick in flight finish: interrupted, it would leave a batch of discussion notes half
     * written, and the core would close under it.
     */
    @Test
    void aStopLetsTheTickInFlightFinish() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start()) {
            CountDownLatch inTick = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicBoolean interrupted = new AtomicBoolean();
            AtomicBoolean finished = new AtomicBoolean();
            ScriptedChat core = new ScriptedChat(List.of()).scheduling(() -> {
                if (inTick.getCount() == 0) return List.of();
                inTick.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    interrupted.set(true);
                }
                finished.set(true);
                return List.of();
            });
            DiscordSettings often = new DiscordSettings(settings().guilds(), Duration.ofMillis(100));
            DiscordBot bot = DiscordBot.start(FakeDiscord.TOKEN, often, (access, history) -> core,
                    discord.connection());
            assertTrue(inTick.await(15, TimeUnit.SECONDS), "a scheduled tick ran");
            AtomicBoolean finishedWhenClosed = new AtomicBoolean();
            Thread closer = new Thread(() -> {
                bot.close();
                finishedWhenClosed.set(finished.get());
            });
            closer.start();
            long end = System.nanoTime() + FakeDiscord.TIMEOUT.toNanos();
            while (closer.getState() != Thread.State.TIMED_WAITING && closer.getState() != Thread.State.WAITING) {
                assertTrue(System.nanoTime() < end, "close() never waited");
                Thread.onSpinWait();
            }
            release.countDown();
            closer.join(FakeDiscord.TIMEOUT.toMillis());
            assertFalse(interrupted.get(), "the tick was not interrupted");
            assertTrue(finishedWhenClosed.get(), "close() returned after the tick");
        }
    }
}
