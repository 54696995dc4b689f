package spikebot.bot.discord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.cli.CommandLineError;
import spikebot.bot.discord.fake.FakeDiscord;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
                    access -> new ScriptedChat(List.of()), discord.connection()));
            assertTrue(e.getMessage().contains("rejected the token"), e.getMessage());
            assertFalse(e.getMessage().contains(wrong), "the token is never shown");
        }
    }

    @Test
    void missingMessageContentIntentIsExplained() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start()) {
            discord.refuseMessageContentIntent();
            CommandLineError e = assertThrows(CommandLineError.class, () -> DiscordBot.start(FakeDiscord.TOKEN,
                    settings(), access -> new ScriptedChat(List.of()), discord.connection()));
            assertTrue(e.getMessage().contains("MESSAGE CONTENT"), e.getMessage());
        }
    }
}
