package spikebot.bot.discord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import spikebot.bot.cli.Console;
import spikebot.bot.cli.Shell;
import spikebot.bot.discord.fake.FakeDiscord;
import spikebot.bot.discord.fake.FakeWorld.Channel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.discord.fake.FakeWorld.IDEAS;
import static spikebot.bot.discord.fake.FakeWorld.ML_TEAM;
import static spikebot.bot.discord.fake.FakeWorld.RESEARCH;
import static spikebot.bot.discord.fake.FakeWorld.SPIKES_FORUM;

/**
 * A backfill of the size the issue names, through {@code spikebot import}, the real JDA client and the fake
 * Discord with its rate limits on (50 requests a second for the bot, 5 a second per route and channel): 2,000
 * threads and 30,000 messages in a forum, a text channel's threads and a private channel's private threads. Every
 * thread becomes exactly one note. It prints what it measured (threads and messages a second, requests, 429s) and
 * asserts no speed: the machine is shared. Each thread here costs one request (15 messages fit a page), so the pace
 * is bound by {@link DiscordHistory#REQUESTS_PER_SECOND}, kept below the fake's (and Discord's) global 50 a second.
 */
class DiscordImportLoadTest {
    private static final Pattern NOTE_ID = Pattern.compile("-(\\d{15,20})\\.md$");

    @TempDir
    Path dir;
    @RegisterExtension
    final FakeDiscordExtension fake = new FakeDiscordExtension();

    @Test
    void twoThousandThreadsBecomeTwoThousandNotes() throws Exception {
        FakeDiscord discord = fake.discord();
        discord.setForumTags(SPIKES_FORUM, false, "polars", "gpu", "eval");
        List<Channel> seeded = new ArrayList<>(discord.seed().threads(SPIKES_FORUM, 800, 15, false));
        seeded.addAll(discord.seed().threads(IDEAS, 700, 15, false));
        seeded.addAll(discord.seed().threads(RESEARCH, 500, 15, true));
        Files.createDirectories(dir.resolve("kb"));
        Path config = Files.writeString(dir.resolve("spikebot.yml"), "guilds:\n  \"%s\":\n    knowledge-base: kb\n"
                .formatted(Long.toUnsignedString(ML_TEAM)));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Console console = new Console(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        int requestsBefore = discord.requestsSeen();
        long start = System.nanoTime();
        for (long channel : List.of(SPIKES_FORUM, IDEAS, RESEARCH)) {
            int exit = Shell.execute(new CommandLine(new ImportCommand(console, Map.of("DISCORD_TOKEN",
                    FakeDiscord.TOKEN), discord.connection())), new String[]{"--config", config.toString(),
                    "--guild", Long.toUnsignedString(ML_TEAM), "--channel", Long.toUnsignedString(channel)}, console);
            assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int requests = discord.requestsSeen() - requestsBefore;

        Set<String> expected = seeded.stream().map(t -> Long.toUnsignedString(t.id)).collect(Collectors.toSet());
        List<String> noted = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir.resolve("kb/discussions"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher m = NOTE_ID.matcher(f.getFileName().toString());
                assertTrue(m.find(), f.toString());
                noted.add(m.group(1));
            }
        }
        assertEquals(2_000, noted.size(), "one note per thread");
        assertEquals(expected, Set.copyOf(noted), "every thread, none twice");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("Imported 800 threads: 800 read") && printed.contains("Imported 700 threads: 700 read")
                && printed.contains("Imported 500 threads: 500 read"), printed);
        System.out.printf("import: 2,000 threads, 30,000 messages in %.1f s: %.0f threads/s, %.0f messages/s; "
                        + "%d requests (%.1f/s; history is read at most %d/s, the fake allows 50/s), %d answered "
                        + "429%n", seconds, 2_000 / seconds, 30_000 / seconds, requests, requests / seconds,
                DiscordHistory.REQUESTS_PER_SECOND, discord.rateLimited());
    }
}
