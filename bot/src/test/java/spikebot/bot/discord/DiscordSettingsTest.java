package spikebot.bot.discord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.cli.CommandLineError;
import spikebot.index.SearchMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscordSettingsTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Files.createDirectories(dir.resolve("kb/ml"));
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void readsYamlWithPathsRelativeToTheFile() throws Exception {
        Path file = write("spikebot.yml", """
                guilds:
                  "123456789012345678":
                    knowledge-base: kb/ml
                    note-url-base: https://git.example.com/kb/blob/main/
                    passive-channels: [234567890123456789, "345678901234567890"]
                    spike-forum: "456789012345678901"
                    spike-tag: Investigation
                    shared-knowledge-base: true
                  987654321098765432:
                    knowledge-base: kb/ml
                    shared-knowledge-base: true
                tick-seconds: 10
                """);
        DiscordSettings settings = DiscordSettings.load(file);
        var ml = settings.guilds().get("123456789012345678");
        assertEquals(dir.resolve("kb/ml").toAbsolutePath(), ml.knowledgeBase());
        assertEquals(Set.of("234567890123456789", "345678901234567890"), ml.passiveChannels());
        assertEquals("456789012345678901", settings.spikeForum("123456789012345678"));
        assertNull(settings.spikeForum("987654321098765432"));
        assertEquals("Investigation", settings.spikeTag("123456789012345678"));
        assertEquals(Duration.ofSeconds(10), settings.tick());
        assertEquals("https://git.example.com/kb/blob/main/",
                settings.coreConfigs().get("123456789012345678").noteUrlBase());
    }

    @Test
    void theTicksFormerNameIsStillRead() throws Exception {
        Path file = write("old.yml", """
                guilds:
                  "123456789012345678":
                    knowledge-base: kb/ml
                reminder-check-seconds: 20
                """);
        assertEquals(Duration.ofSeconds(20), DiscordSettings.load(file).tick());
    }

    @Test
    void twoGuildsOnOneKnowledgeBaseAreRefusedUnlessBothSaySo() throws Exception {
        Path file = write("spikebot.yml", """
                guilds:
                  "123456789012345678":
                    knowledge-base: kb/ml
                    shared-knowledge-base: true
                  "987654321098765432":
                    knowledge-base: ./kb/../kb/ml
                """);
        CommandLineError e = assertThrows(CommandLineError.class, () -> DiscordSettings.load(file));
        assertTrue(e.getMessage().contains("same knowledge-base folder") && e.getMessage().contains("shared-knowledge-base"),
                e.getMessage());
    }

    @Test
    void aSpikeTagNeedsASpikeForum() throws Exception {
        Path file = write("spikebot.yml", """
                guilds:
                  "123456789012345678":
                    knowledge-base: kb/ml
                    spike-tag: spike
                """);
        CommandLineError e = assertThrows(CommandLineError.class, () -> DiscordSettings.load(file));
        assertTrue(e.getMessage().contains("spike-tag is set but spike-forum is not"), e.getMessage());
    }

    @Test
    void readsJson() throws Exception {
        Path file = write("bot.json", """
                {"guilds": {"123456789012345678": {"knowledge-base": "kb/ml"}}}
                """);
        DiscordSettings settings = DiscordSettings.load(file);
        assertEquals(Set.of("123456789012345678"), settings.guilds().keySet());
        assertEquals(Duration.ofSeconds(5), settings.tick(), "the default: a captured message answerable within 5 s");
        assertEquals(SearchMode.DEFAULT, settings.search());
    }

    @Test
    void searchModeIsASettingAndATypoIsRefused() throws Exception {
        Path bm25 = write("bm25.yml", """
                guilds: {"123456789012345678": {knowledge-base: kb/ml}}
                search: bm25
                """);
        assertEquals(SearchMode.BM25, DiscordSettings.load(bm25).search());
        Path typo = write("typo.yml", """
                guilds: {"123456789012345678": {knowledge-base: kb/ml}}
                search: semantic
                """);
        CommandLineError e = assertThrows(CommandLineError.class, () -> DiscordSettings.load(typo));
        assertTrue(e.getMessage().contains("search must be bm25 or hybrid, not 'semantic'"), e.getMessage());
    }

    @Test
    void mistakesGetOneLineReasons() throws Exception {
        assertMessage("not found", dir.resolve("missing.yml"));
        assertMessage("unknown key 'knowledge_base'", write("a.yml", """
                guilds:
                  "123456789012345678":
                    knowledge_base: kb/ml
                """));
        assertMessage("must be a Discord id", write("b.yml", """
                guilds:
                  ml-team:
                    knowledge-base: kb/ml
                """));
        assertMessage("knowledge-base folder not found", write("c.yml", """
                guilds:
                  "123456789012345678":
                    knowledge-base: nowhere
                """));
        assertMessage("no guilds configured", write("d.yml", "guilds: {}\n"));
        assertMessage("line", write("e.yml", "guilds: [unclosed\n"));
        assertMessage("note-url-base", write("f.yml", """
                guilds:
                  "123456789012345678":
                    knowledge-base: kb/ml
                    note-url-base: javascript:alert(1)
                """));
    }

    private static void assertMessage(String expected, Path file) {
        CommandLineError e = assertThrows(CommandLineError.class, () -> DiscordSettings.load(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
