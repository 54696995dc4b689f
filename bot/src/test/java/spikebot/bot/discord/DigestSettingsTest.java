package spikebot.bot.discord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.cli.CommandLineError;
import spikebot.bot.core.DigestSchedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DigestSettingsTest {
    @TempDir
    Path dir;

    private Path config(String digest) throws Exception {
        Files.createDirectories(dir.resolve("kb"));
        return Files.writeString(dir.resolve("spikebot.yml"), """
                guilds:
                  "123456789012345678":
                    knowledge-base: kb
                """ + digest);
    }

    @Test
    void digestIsOffUnlessConfigured() throws Exception {
        assertNull(DiscordSettings.load(config("")).coreConfigs().get("123456789012345678").digest());
    }

    @Test
    void readsDayHourAndChannel() throws Exception {
        DiscordSettings settings = DiscordSettings.load(config("""
                    digest:
                      day: Friday
                      hour: 15
                      channel: "456789012345678901"
                """));
        assertEquals(new DigestSchedule(DayOfWeek.FRIDAY, 15, "456789012345678901"),
                settings.coreConfigs().get("123456789012345678").digest());
    }

    @Test
    void badValuesGetAOneLineReason() throws Exception {
        CommandLineError day = assertThrows(CommandLineError.class, () -> DiscordSettings.load(config("""
                    digest: {day: fryday, hour: 9, channel: "456789012345678901"}
                """)));
        assertTrue(day.getMessage().contains("digest day must be monday to sunday, not 'fryday'"), day.getMessage());
        CommandLineError hour = assertThrows(CommandLineError.class, () -> DiscordSettings.load(config("""
                    digest: {day: monday, hour: 24, channel: "456789012345678901"}
                """)));
        assertTrue(hour.getMessage().contains("digest hour must be 0 to 23"), hour.getMessage());
        CommandLineError missing = assertThrows(CommandLineError.class, () -> DiscordSettings.load(config("""
                    digest: {day: monday}
                """)));
        assertTrue(missing.getMessage().contains("digest needs day, hour and channel"), missing.getMessage());
    }
}
