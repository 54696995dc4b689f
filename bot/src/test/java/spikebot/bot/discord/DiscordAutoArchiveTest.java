package spikebot.bot.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.discord.fake.FakeDiscord;
import spikebot.bot.discord.fake.FakeWorld;
import spikebot.bot.discord.fake.RecordedCall;
import spikebot.bot.wiring.Features;
import spikebot.knowledge.SampleKnowledgeBase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.discord.fake.FakeWorld.ALICE;
import static spikebot.bot.discord.fake.FakeWorld.GENERAL;
import static spikebot.bot.discord.fake.FakeWorld.ML_TEAM;

/**
 * Discord archives a thread after its inactivity period (at most a week), JDA then forgets it, and after a restart
 * the gateway does not list it at all. A two-week spike goes quiet for a week, twice, with a restart in between:
 * every reminder is posted exactly once in its thread, and the close posts its summary, edits the card and
 * archives the thread. Time is the fake Discord's clock, shared by the bot's core and moved by the test.
 */
class DiscordAutoArchiveTest {
    @TempDir
    Path kb;
    @RegisterExtension
    final FakeDiscordExtension fake = new FakeDiscordExtension();

    @Test
    void aTwoWeekSpikeWhoseThreadIsArchivedGetsEveryReminderOnceAcrossARestartAndCloses() throws Exception {
        SampleKnowledgeBase.copyTo(kb);
        FakeDiscord discord = fake.discord();
        DiscordSettings settings = new DiscordSettings(Map.of(Long.toUnsignedString(ML_TEAM),
                new DiscordSettings.GuildSettings(kb, null, Set.of(), null)), Duration.ofHours(1));
        DiscordBot bot = fake.startBot(settings,
                (access, history) -> Features.core(settings.coreConfigs(), access, history, discord.clock(), null));
        ObjectNode started = discord.slash(ALICE, GENERAL, "spike start",
                Map.of("topic", "Evaluate Iceberg for the lake", "timebox", "2w")).awaitReply();
        FakeWorld.Channel thread = discord.world().threadsOf(GENERAL).get(0);
        assertEquals(7 * 24 * 60, thread.autoArchiveMinutes(), "the longest inactivity period Discord offers");
        String posts = "channels/" + thread.id + "/messages";

        // A week of silence: Discord archives the thread; the bot is restarted (a deploy) before it ticks.
        discord.passTime(Duration.ofDays(7).plusMinutes(1));
        assertTrue(thread.archived());
        fake.stopBot();
        bot = fake.startAgain(); // ticks at once: half time is due
        discord.await(c -> c.is("POST", posts) && c.status() == 200 && says(c, "Half time"));
        assertFalse(thread.archived(), "unarchived to post in it");
        bot.tick();

        discord.passTime(Duration.ofDays(7).minusHours(1)); // an hour before the end
        bot.tick();
        discord.passTime(Duration.ofHours(1)); // the end
        bot.tick();
        bot.tick();

        // Another week of silence, while the bot runs: archived again (THREAD_UPDATE; JDA drops the thread).
        discord.passTime(Duration.ofDays(7).plusMinutes(1));
        assertTrue(thread.archived());
        String spikeId = spikeId(discord.messagesIn(thread.id).get(0));
        ObjectNode closed = discord.slash(ALICE, GENERAL, "spike close", Map.of("outcome", "go",
                "summary", "Iceberg handles our partition evolution; adopt it", "spike", spikeId)).awaitReply();
        assertTrue(DiscordPermissionMatrixTest.text(closed).contains("go"), closed.toString());
        discord.await(c -> c.is("PATCH", "channels/" + thread.id) && c.body().path("archived").asBoolean(false)
                && c.status() == 200);
        assertTrue(thread.archived(), "archived again by the close");
        bot.tick();

        for (String reminder : List.of("Half time", "Time to write down", "Time is up")) {
            assertEquals(1, discord.calls(c -> c.is("POST", posts) && says(c, reminder)).size(),
                    reminder + " posted exactly once: " + discord.calls(c -> c.is("POST", posts)));
        }
        assertEquals(3, discord.calls(c -> c.is("POST", posts) && c.body().path("embeds").isEmpty()).size(),
                "three reminders, nothing else in plain text");
        assertTrue(discord.calls(c -> c.is("POST", posts)).stream().anyMatch(c -> c.body().toString()
                .contains("Iceberg handles our partition evolution")), "the close posted its summary in the thread");
        assertTrue(discord.calls(c -> c.is("PATCH", posts + "/\\d+") && c.status() == 200).size() >= 1,
                "the card was edited");
        assertEquals(List.of(), discord.calls(c -> c.status() >= 400), "Discord refused nothing");
        try (Stream<Path> files = Files.walk(kb)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().contains("iceberg")).count(),
                    "the note was written");
        }
        System.out.printf("auto-archive: 3 reminders posted once each across 2 archivals and 1 restart; "
                + "%d unarchive(s), close completed%n", discord.calls(c -> c.is("PATCH", "channels/" + thread.id)
                && !c.body().path("archived").asBoolean(true)).size());
    }

    private static boolean says(RecordedCall call, String words) {
        return call.body().path("content").asText().contains(words);
    }

    private static String spikeId(ObjectNode card) {
        return card.at("/components/0/components/0/custom_id").asText().split(":")[2];
    }
}
