package spikebot.bot.discord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import spikebot.bot.cli.Console;
import spikebot.bot.cli.Shell;
import spikebot.bot.discord.fake.FakeDiscord;
import spikebot.bot.discord.fake.FakeWorld.Channel;
import spikebot.index.NoteIndex;
import spikebot.knowledge.KnowledgeBase;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.discord.fake.FakeWorld.GENERAL;
import static spikebot.bot.discord.fake.FakeWorld.ML_TEAM;
import static spikebot.bot.discord.fake.FakeWorld.OTHER_TEAM;
import static spikebot.bot.discord.fake.FakeWorld.SPIKES_FORUM;

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

    /** The notes under the knowledge base, by path, with their text. */
    Map<String, String> notes() throws IOException {
        Path kb = dir.resolve("kb");
        try (Stream<Path> files = Files.walk(kb)) {
            Map<String, String> notes = new TreeMap<>();
            for (Path f : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                notes.put(kb.relativize(f).toString(), Files.readString(f));
            }
            return notes;
        }
    }

    @Test
    void importsAForumsPostsAsNotesAndASecondRunChangesNothing() throws Exception {
        FakeDiscord discord = fake.discord();
        discord.setForumTags(SPIKES_FORUM, false, "polars", "gpu");
        List<Channel> posts = discord.seed().threads(SPIKES_FORUM, 12, 3, false);
        String[] args = args(ML_TEAM, SPIKES_FORUM);

        assertEquals(0, run(args), printed());
        assertTrue(printed().contains("Importing the threads of #spikes in ml-team"), printed());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("1 of 12 threads"), "progress: " + printed());
        assertTrue(printed().contains("Imported 12 threads: 12 read, 0 unchanged, 0 failed."), printed());
        Map<String, String> first = notes();
        assertEquals(12, first.size(), first.keySet().toString());
        assertTrue(first.keySet().stream().allMatch(p -> p.startsWith("discussions/spikes/")), first.keySet().toString());
        for (Channel post : posts) {
            assertEquals(1, first.entrySet().stream().filter(e -> e.getKey().contains(Long.toUnsignedString(post.id))
                    && e.getValue().contains("Thread " + posts.indexOf(post) + " in spikes")).count(),
                    "one note per post, holding its question: " + post.id);
        }

        out.reset();
        err.reset();
        assertEquals(0, run(args), printed());
        assertTrue(printed().contains("Imported 12 threads: 0 read, 12 unchanged, 0 failed."), printed());
        assertEquals(first, notes(), "running it twice changes nothing");
        assertFalse(printed().contains(FakeDiscord.TOKEN));
    }

    @Test
    void aThreadDiscordFailsOnIsCountedAndTheNextRunReadsOnlyIt() throws Exception {
        FakeDiscord discord = fake.discord();
        List<Channel> posts = discord.seed().threads(SPIKES_FORUM, 6, 3, false);
        String broken = Long.toUnsignedString(posts.get(2).id);
        String paced = Long.toUnsignedString(posts.get(4).id);
        discord.failNext(c -> c.is("GET", "channels/" + paced + "/messages"), 429, 0.3); // JDA waits and retries
        for (int i = 0; i < 6; i++) { // more server errors than JDA retries
            discord.failNext(c -> c.is("GET", "channels/" + broken + "/messages"), 502, 0);
        }
        String[] args = args(ML_TEAM, SPIKES_FORUM);
        assertEquals(1, run(args), printed());
        assertTrue(printed().contains("Imported 6 threads: 5 read, 0 unchanged, 1 failed."), printed());
        assertTrue(printed().contains("Run the same command again to retry the failed ones"), printed());
        assertEquals(5, notes().size());

        out.reset();
        err.reset();
        assertEquals(0, run(args), printed());
        assertTrue(printed().contains("Imported 6 threads: 1 read, 5 unchanged, 0 failed."), printed());
        assertEquals(6, notes().size());
        assertEquals(1, notes().keySet().stream().filter(p -> p.contains(broken)).count());
    }

    @Test
    void whileTheBotHoldsTheIndexItImportsNothing() throws Exception {
        fake.discord().seed().threads(SPIKES_FORUM, 3, 2, false);
        String[] args = args(ML_TEAM, SPIKES_FORUM);
        try (NoteIndex running = NoteIndex.open(new KnowledgeBase(dir.resolve("kb")))) {
            assertFalse(running.readOnly(), "the fixture: this one holds the writer, as the bot would");
            assertEquals(2, run(args));
            assertTrue(printed().contains("the bot is running on"), printed());
            assertTrue(printed().contains("Nothing was imported"), printed());
            assertEquals(Map.of(), notes());
            assertFalse(Files.exists(dir.resolve("kb/.spikebot/capture")), "no capture state either");
        }
    }
}
