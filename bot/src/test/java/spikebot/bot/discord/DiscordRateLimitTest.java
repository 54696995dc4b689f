package spikebot.bot.discord;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.Draft;
import spikebot.bot.core.Event;
import spikebot.bot.discord.fake.FakeDiscord;
import spikebot.bot.discord.fake.FakeWorld;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static spikebot.bot.discord.fake.FakeWorld.GENERAL;
import static spikebot.bot.discord.fake.FakeWorld.ML_TEAM;

/**
 * Discord's rate limits: the fake counts per route and channel and globally, says where each answer stands in its
 * headers, and refuses with 429 what goes over. A client that ignores them is refused; the bot, in a burst of
 * scheduled posts and concurrent replies to one channel, never is.
 */
class DiscordRateLimitTest {
    @TempDir
    Path kb;
    @RegisterExtension
    final FakeDiscordExtension fake = new FakeDiscordExtension();

    @Test
    void aClientThatIgnoresTheHeadersIsRefused() throws Exception {
        FakeDiscord discord = fake.discord();
        OkHttpClient http = new OkHttpClient();
        List<Integer> statuses = new ArrayList<>();
        String limit = null;
        for (int i = 0; i < 7; i++) {
            Request request = new Request.Builder().url(discord.restConfig().getBaseUrl() + "channels/" + GENERAL
                            + "/messages").header("Authorization", "Bot " + FakeDiscord.TOKEN)
                    .post(RequestBody.create("{\"content\":\"hi " + i + "\"}", MediaType.get("application/json")))
                    .build();
            try (Response response = http.newCall(request).execute()) {
                statuses.add(response.code());
                if (limit == null) limit = response.header("X-RateLimit-Limit");
                if (response.code() == 429) assertNotNull(response.header("Retry-After"));
            }
        }
        assertEquals("5", limit);
        assertEquals(List.of(200, 200, 200, 200, 200, 429, 429), statuses);
    }

    @Test
    void aBurstToOneChannelStaysWithinTheLimits() throws Exception {
        FakeDiscord discord = fake.discord();
        ScriptedChat core = new ScriptedChat(List.of())
                .answering(e -> e instanceof Event.MessagePosted p && p.mentionsBot()
                        ? List.of(Action.Reply.of("reply to " + p.content())) : List.of())
                .scheduling(() -> IntStream.range(0, 12).<Action>mapToObj(i -> new Action.Post(
                        Long.toUnsignedString(GENERAL), Draft.text("scheduled " + i))).toList());
        DiscordSettings settings = new DiscordSettings(Map.of(Long.toUnsignedString(ML_TEAM),
                new DiscordSettings.GuildSettings(kb, null, Set.of(), null)), Duration.ofHours(1));
        DiscordBot bot = fake.startBot(settings, (access, history) -> core); // its first tick posts the 12
        for (int i = 0; i < 10; i++) {
            discord.post(FakeWorld.ALICE, GENERAL, FakeWorld.BOT.mention() + " question " + i);
        }
        bot.tick(); // 12 more
        discord.awaitCount(c -> c.is("POST", "channels/" + GENERAL + "/messages") && c.status() == 200, 34);
        assertEquals(0, discord.rateLimited(), "the bot waited where the headers said so");
    }
}
