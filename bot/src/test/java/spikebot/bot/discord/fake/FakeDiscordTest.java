package spikebot.bot.discord.fake;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.Compression;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fake Discord is good enough for the real JDA client: it logs in, gets READY and sees the guilds. */
class FakeDiscordTest {

    @Test
    void jdaLogsInAndSeesTheGuilds() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start()) {
            CountDownLatch ready = new CountDownLatch(1);
            JDA jda = JDABuilder.createLight(FakeDiscord.TOKEN,
                            EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT))
                    .setRestConfig(discord.restConfig())
                    .setSessionController(discord.sessionController())
                    .setCompression(Compression.NONE)
                    .addEventListeners(new ListenerAdapter() {
                        @Override
                        public void onReady(ReadyEvent event) {
                            ready.countDown();
                        }
                    })
                    .build();
            try {
                assertTrue(ready.await(FakeDiscord.TIMEOUT.toSeconds(), TimeUnit.SECONDS), "ReadyEvent fired");
                assertEquals(2, jda.getGuilds().size());
                var guild = jda.getGuildById(FakeWorld.ML_TEAM);
                assertNotNull(guild);
                assertNotNull(guild.getTextChannelById(FakeWorld.RESEARCH));
                assertNotNull(guild.getForumChannelById(FakeWorld.SPIKES_FORUM));
                assertNotNull(guild.getSelfMember());
                assertEquals(FakeWorld.APPLICATION_ID, jda.getSelfUser().getApplicationIdLong());
                assertEquals(FakeDiscord.TOKEN, discord.identify().path("token").asText());
            } finally {
                jda.shutdownNow();
            }
        }
    }
}
