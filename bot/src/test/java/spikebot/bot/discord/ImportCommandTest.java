package spikebot.bot.discord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import spikebot.bot.cli.Console;
import spikebot.bot.cli.Shell;
import spikebot.bot.discord.fake.FakeDiscord;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.discord.fake.FakeWorld.GENERAL;
import static spikebot.bot.discord.fake.FakeWorld.ML_TEAM;
import static spikebot.bot.discord.fake.FakeWorld.OTHER_TEAM;

/**
 * {@code spikebot import} against the fake Discord with the real JDA client: what it refuses, plainly and without
 * writing anything, and (in {@link DiscordHistoryTest}'s guild) what it imports.
 */
class ImportCommandTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final FakeDiscordExtension fake = new FakeDiscordExtension();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Console console = new Console(new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    int run(Map<String, String> env, String... args) {
        return Shell.execute(new CommandLine(new ImportCommand(console, env, fake.discord().connection())), args,
                console);
    }

    int run(String... args) {
        return run(Map.of("DISCORD_TOKEN", FakeDiscord.TOKEN), args);
    }

    Path config() throws IOException {
        Files.createDirectories(dir.resolve("kb"));
        return Files.writeString(dir.resolve("spikebot.yml"), """
                guilds:
                  "%s":
                    knowledge-base: kb
                """.formatted(Long.toUnsignedString(ML_TEAM)));
    }

    String[] args(long guild, long channel) throws IOException {
        return new String[]{"--config", config().toString(), "--guild", Long.toUnsignedString(guild),
                "--channel", Long.toUnsignedString(channel)};
    }

    String printed() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    /** Nothing written: no note and no state in the knowledge base. */
    void assertNothingWritten() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("kb"))) {
            assertEquals(1, files.count(), "the knowledge base is untouched: " + printed());
        }
    }

    @Test
    void withoutATokenItSaysWhereTheTokenComesFrom() throws Exception {
        assertEquals(2, run(Map.of(), args(ML_TEAM, GENERAL)));
        assertTrue(printed().contains("DISCORD_TOKEN is not set"), printed());
        assertNothingWritten();
    }

    @Test
    void withoutTheMessageContentIntentItSaysSoAndWritesNothing() throws Exception {
        fake.discord().refuseMessageContentIntent();
        assertEquals(2, run(args(ML_TEAM, GENERAL)));
        assertTrue(printed().contains("Discord refused the Message Content intent"), printed());
        assertTrue(printed().contains("nothing was imported"), printed());
        assertFalse(printed().contains(FakeDiscord.TOKEN), "the token is never printed");
        assertNothingWritten();
    }

    @Test
    void aGuildOutsideTheConfigOrAChannelWithoutThreadsIsNamed() throws Exception {
        assertEquals(2, run(args(OTHER_TEAM, GENERAL)));
        assertTrue(printed().contains("guild " + OTHER_TEAM + " is not in"), printed());
        out.reset();
        err.reset();
        assertEquals(2, run(args(ML_TEAM, 400_000_000_000_000_999L)));
        assertTrue(printed().contains("has no channel 400000000000000999 that the bot can see"), printed());
        out.reset();
        err.reset();
        assertEquals(2, run(args(ML_TEAM, spikebot.bot.discord.fake.FakeWorld.VAULT)));
        assertTrue(printed().contains("that the bot can see"), "the bot cannot view the vault: " + printed());
        out.reset();
        err.reset();
        assertEquals(2, run(args(ML_TEAM, spikebot.bot.discord.fake.FakeWorld.LAB)));
        assertTrue(printed().contains("holds no threads"), "a category: " + printed());
        assertNothingWritten();
    }
}
