package spikebot.bot.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.discord.fake.Conversations;
import spikebot.bot.discord.fake.FakeDiscord;
import spikebot.bot.discord.fake.FakeWorld.Channel;
import spikebot.bot.discord.fake.RecordedCall;
import spikebot.bot.discord.fake.WorldSeeder.SeedMessage;
import spikebot.bot.discord.fake.WorldSeeder.SeedThread;
import spikebot.bot.wiring.Features;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.discord.CaptureFiles.text;
import static spikebot.bot.discord.fake.FakeWorld.ALICE;
import static spikebot.bot.discord.fake.FakeWorld.BOB;
import static spikebot.bot.discord.fake.FakeWorld.GENERAL;
import static spikebot.bot.discord.fake.FakeWorld.IDEAS;
import static spikebot.bot.discord.fake.FakeWorld.MARIA;
import static spikebot.bot.discord.fake.FakeWorld.ML_TEAM;
import static spikebot.bot.discord.fake.FakeWorld.RESEARCH;
import static spikebot.bot.discord.fake.FakeWorld.SPIKES_FORUM;

/**
 * Issue 10 as a team meets it: the running bot (the real chat core and JDA client) against the fake Discord with its
 * rate limits on, in one guild of 2,002 threads and 30,004 messages (a forum, a text channel's threads, a private
 * channel's private threads). A manager turns capture on and imports each channel with slash commands; the
 * progress is one message edited in place; the bot is stopped halfway and started again on the same knowledge base
 * and resumes by itself; every thread ends as exactly one note, and a second import changes no byte. Then live
 * posts, edits, deletes, bulk deletes and a deleted thread reach the notes, and a member who cannot view the private
 * channel never sees its discussions (in /ask, passive answers, "has this been asked before?" and a spike's prior
 * work) while one who can does. It prints what it measured and asserts no speed: the machine is shared.
 */
class CaptureEndToEndTest {
    /** Generous: a 2-core machine shared by several builds; every wait ends as soon as its condition holds. */
    private static final Duration LONG = Duration.ofMinutes(5);
    private static final String SECRET = "Merging quantile sketches for streaming p99 latency in Flink";
    private static final String QUESTION = "how do we merge quantile sketches for p99 latency in a Flink stream?";

    @TempDir
    Path dir;
    @RegisterExtension
    final FakeDiscordExtension fake = new FakeDiscordExtension();

    @Test
    void importResumeLiveSyncAndVisibilityThroughTheRunningBot() throws Exception {
        FakeDiscord discord = fake.discord();
        discord.setForumTags(SPIKES_FORUM, false, "polars", "gpu", "eval");
        List<Channel> seeded = new ArrayList<>(discord.seed().threads(SPIKES_FORUM, 800, 15, false));
        seeded.addAll(discord.seed().threads(IDEAS, 700, 15, false));
        seeded.addAll(discord.seed().threads(RESEARCH, 500, 15, true));
        Channel secret = discord.seed().thread(new SeedThread(RESEARCH, SECRET, ALICE, true, false, List.of(),
                discord.clock().instant().minus(Duration.ofDays(3)), Duration.ofMinutes(2), List.of(
                new SeedMessage(ALICE, "We need p99 latency per key in a Flink stream: can quantile sketches merge?"),
                new SeedMessage(MARIA, "t-digest sketches merge across windows; KLL merges with tighter bounds"))));
        Channel twin = discord.seed().thread(new SeedThread(IDEAS, "Quantile sketches for p99 latency in Flink", BOB,
                false, false, List.of(), discord.clock().instant().minus(Duration.ofDays(2)), Duration.ofMinutes(2),
                List.of(new SeedMessage(BOB, "Which quantile sketch merges well for p99 latency in a Flink stream?"),
                        new SeedMessage(ALICE, "DataSketches KLL merges across task slots"))));
        seeded.add(secret);
        seeded.add(twin);
        int messages = 2_000 * 15 + 4;

        Path kb = Files.createDirectories(dir.resolve("kb"));
        DiscordSettings settings = new DiscordSettings(Map.of(Long.toUnsignedString(ML_TEAM),
                new DiscordSettings.GuildSettings(kb, null, Set.of(Long.toUnsignedString(GENERAL)), null)),
                Duration.ofSeconds(1));
        fake.startBot(settings, (access, history) -> Features.core(settings.coreConfigs(), access, history,
                Clock.systemUTC(), null));
        CaptureFiles files = new CaptureFiles(kb.resolve("discussions"));
        for (long channel : List.of(SPIKES_FORUM, IDEAS, RESEARCH)) {
            String reply = discord.slash(MARIA, GENERAL, "spikebot capture", Map.of("state", "on", "channel", channel))
                    .awaitReply().path("content").asText();
            assertTrue(reply.startsWith("Capture is on in <#" + channel + ">"), reply);
        }

        // The forum: one progress message, edited in place until its final counts.
        int requestsBefore = discord.requestsSeen();
        long start = System.nanoTime();
        importing(discord, SPIKES_FORUM);
        ObjectNode forumProgress = awaitImported(discord, SPIKES_FORUM);
        double forumSeconds = (System.nanoTime() - start) / 1e9;
        Set<String> forumThreads = seeded.subList(0, 800).stream().map(t -> "channels/" + Long.toUnsignedString(t.id)
                + "/messages").collect(Collectors.toSet());
        double forumRead = (discord.calls(c -> c.method().equals("GET") && forumThreads.contains(c.path())).stream()
                .mapToLong(RecordedCall::nanos).max().orElseThrow() - start) / 1e9;
        assertTrue(forumProgress.path("content").asText().startsWith("✅ Imported <#" + SPIKES_FORUM
                + ">: 800 threads: 800 read, 0 unchanged, 0 failed."), forumProgress.toString());
        List<RecordedCall> edits = discord.calls(c -> c.is("PATCH", "channels/" + GENERAL + "/messages/"
                + forumProgress.get("id").asText()));
        assertTrue(edits.stream().anyMatch(c -> c.body().path("content").asText().matches(
                "⏳ Importing <#\\d+>: [\\d,]+ of 800 threads.*")), "counts along the way: " + edits);

        // #ideas: stopped once about half of all threads are notes, started again on the same knowledge base.
        importing(discord, IDEAS);
        files.await(() -> files.count() >= 1_000, "half of the threads written", LONG);
        fake.stopBot();
        int beforeRestart = files.count();
        assertTrue(beforeRestart < 1_501, "stopped before #ideas was done: " + beforeRestart);
        fake.startAgain();
        ObjectNode ideasProgress = awaitImported(discord, IDEAS);
        var counts = java.util.regex.Pattern.compile("701 threads: ([\\d,]+) read, ([\\d,]+) unchanged, 0 failed")
                .matcher(ideasProgress.path("content").asText());
        assertTrue(counts.find(), "resumed by itself, same message: " + ideasProgress);
        int unchanged = Integer.parseInt(counts.group(2).replace(",", ""));
        assertEquals(beforeRestart - 800, unchanged, "what #ideas had written before the stop is not read again");

        long research = System.nanoTime();
        importing(discord, RESEARCH);
        assertTrue(awaitImported(discord, RESEARCH).path("content").asText().contains(
                "501 threads: 501 read, 0 unchanged, 0 failed"));
        double researchSeconds = (System.nanoTime() - research) / 1e9;
        double allSeconds = (System.nanoTime() - start) / 1e9;
        int requests = discord.requestsSeen() - requestsBefore;

        assertEquals(seeded.stream().map(t -> Long.toUnsignedString(t.id)).sorted().toList(),
                files.threadIds().stream().sorted().toList(), "every thread exactly one note, none missing");

        // A second import of each channel changes no byte.
        Map<Path, byte[]> before = files.snapshot();
        for (long channel : List.of(SPIKES_FORUM, IDEAS, RESEARCH)) {
            importing(discord, channel);
            String done = awaitImported(discord, channel, 2).path("content").asText();
            assertTrue(done.matches("✅ Imported <#\\d+>: ([\\d,]+) threads: 0 read, \\1 unchanged, 0 failed.*"),
                    done);
        }
        files.assertSame(before);

        live(discord, files, seeded);
        visibility(discord, secret, twin);
        long answerable = answerable(discord, files, seeded.get(1_000));

        List<Long> reads = discord.calls(c -> c.is("GET", "channels/\\d+/messages") && c.query() != null
                && c.query().contains("after=0")).stream().map(RecordedCall::nanos).sorted().toList();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < reads.size(); i++) gaps.add(reads.get(i) - reads.get(i - 1));
        gaps.sort(null);
        System.out.printf("capture end to end: forum 800 threads / 12,000 messages read in %.1f s, written in "
                        + "%.1f s (%.0f threads/s, %.0f messages/s); #research 501 private threads / 7,504 messages "
                        + "in %.1f s (%.0f threads/s)%n  all 2,002 threads / %,d messages with the restart in %.1f s "
                        + "(%.0f threads/s, %.0f messages/s): %,d requests (%.1f/s; the fake allows 50/s), %d "
                        + "answered 429; median %.1f ms from one thread's read to the next%n  stopped at %,d notes; "
                        + "resumed: %,d of #ideas' threads unchanged, the rest read%n  a message posted to answerable "
                        + "by /ask: %d ms (ticks every %d s)%n", forumRead, forumSeconds, 800 / forumSeconds,
                12_000 / forumSeconds, researchSeconds, 501 / researchSeconds, messages, allSeconds,
                2_002 / allSeconds, messages / allSeconds, requests, requests / allSeconds, discord.rateLimited(),
                gaps.get(gaps.size() / 2) / 1e6, beforeRestart, unchanged, answerable,
                settings.tick().toSeconds());
    }

    /** Posts, edits, deletes, a bulk delete and a deleted thread, each reflected in the notes. */
    private static void live(FakeDiscord discord, CaptureFiles files, List<Channel> seeded) throws Exception {
        Conversations people = discord.conversations();
        Channel thread = seeded.get(900); // an archived #ideas thread: a message brings it back
        List<ObjectNode> said = discord.messagesIn(thread.id);
        people.post(BOB, thread.id, "Late answer: we pinned the tokenizer version");
        files.await(() -> files.note(thread.id).contains("we pinned the tokenizer version"), "a new message", LONG);
        people.edit(said.get(3), "Reply 3, corrected: use the nightly build");
        files.await(() -> files.note(thread.id).contains("corrected: use the nightly build"), "an edit", LONG);
        people.delete(said.get(5));
        files.await(() -> !files.note(thread.id).contains("Reply 5 to thread"), "a delete", LONG);
        people.bulkDelete(said.get(7), said.get(8));
        files.await(() -> !files.note(thread.id).contains("Reply 7 to thread")
                && !files.note(thread.id).contains("Reply 8 to thread"), "a bulk delete", LONG);
        assertTrue(files.note(thread.id).contains("Reply 9 to thread"), "the others stay");

        Channel post = people.forumPost(ALICE, SPIKES_FORUM, "Mixed precision NaNs on A100",
                "Loss goes NaN after epoch 3 with bf16");
        people.post(BOB, post.id, "Turn off the fused optimizer");
        files.await(() -> files.find(post.id).isPresent() && files.note(post.id).contains("fused optimizer"),
                "a new forum post and its reply", LONG);

        Channel gone = seeded.get(10);
        people.deleteThread(gone);
        files.await(() -> files.find(gone.id).isEmpty(), "a deleted thread's note goes", LONG);
    }

    /** Bob cannot view #research; Alice can, and is in its private thread. */
    private static void visibility(FakeDiscord discord, Channel secret, Channel twin) throws Exception {
        String hidden = Long.toUnsignedString(secret.id);
        String shown = Long.toUnsignedString(twin.id);
        String alice = text(discord.slash(ALICE, GENERAL, "ask", Map.of("question", QUESTION, "private", true))
                .awaitReply());
        assertTrue(alice.contains(hidden) && alice.contains(shown), "alice sees both discussions: " + alice);

        for (boolean privately : List.of(true, false)) {
            String bob = text(discord.slash(BOB, GENERAL, "ask", Map.of("question", QUESTION, "private", privately))
                    .awaitReply());
            assertTrue(bob.contains(shown), "the public discussion answers bob: " + bob);
            assertFalse(bob.contains(hidden) || bob.contains(SECRET), "never #research's: " + bob);
        }

        ObjectNode asked = discord.post(BOB, GENERAL,
                "has anyone tried merging quantile sketches for p99 latency in Flink?");
        RecordedCall passive = discord.await(c -> c.is("POST", "channels/" + GENERAL + "/messages")
                && c.body().at("/message_reference/message_id").asText().equals(asked.get("id").asText()));
        assertTrue(passive.body().toString().contains(shown), passive.toString());
        assertFalse(passive.body().toString().contains(hidden), "a passive answer: " + passive);

        Channel post = discord.conversations().forumPost(BOB, SPIKES_FORUM, "Quantile sketches in Flink",
                "How do we merge quantile sketches for p99 latency in a Flink stream?");
        RecordedCall before = discord.await(c -> c.is("POST", "channels/" + post.id + "/messages"));
        assertTrue(before.body().toString().contains("Has this been asked before?"), before.toString());
        assertTrue(before.body().toString().contains(shown), before.toString());
        assertFalse(before.body().toString().contains(hidden), "has this been asked before: " + before);

        discord.slash(BOB, GENERAL, "spike start", Map.of("topic", "Merge quantile sketches for p99 latency in Flink"))
                .awaitReply();
        Channel spike = discord.world().threadsOf(GENERAL).getLast();
        String card = text(discord.messagesIn(spike.id).getFirst());
        assertTrue(card.contains("prior work") && card.contains(shown), "prior work: " + card);
        assertFalse(card.contains(hidden), "prior work: " + card);
    }

    /**
     * From a message posted in a captured thread to /ask finding it, in milliseconds: /ask is asked again as soon as
     * it answers without it.
     */
    private static long answerable(FakeDiscord discord, CaptureFiles files, Channel thread) throws Exception {
        String word = "zorblaxian";
        String link = Long.toUnsignedString(thread.id);
        assertFalse(text(discord.slash(ALICE, GENERAL, "ask", Map.of("question", word, "private", true))
                .awaitReply()).contains(link), "not known before it is said");
        long posted = System.nanoTime();
        discord.conversations().post(ALICE, thread.id, "The " + word + " loader fixed the memory leak");
        files.await(() -> text(discord.slash(ALICE, GENERAL, "ask", Map.of("question", word, "private", true))
                .awaitReply()).contains(link), "/ask finds the new message", LONG);
        return (System.nanoTime() - posted) / 1_000_000;
    }

    private static void importing(FakeDiscord discord, long channel) {
        String reply = discord.slash(MARIA, GENERAL, "spikebot import", Map.of("channel", channel)).awaitReply()
                .path("content").asText();
        assertTrue(reply.startsWith("Importing the threads of <#" + channel + ">"), reply);
    }

    private static ObjectNode awaitImported(FakeDiscord discord, long channel) throws Exception {
        return awaitImported(discord, channel, 1);
    }

    /**
     * The newest progress message of the channel's {@code imports}-th import, once it shows the outcome; each import
     * has exactly one, edited in place.
     */
    private static ObjectNode awaitImported(FakeDiscord discord, long channel, int imports) throws Exception {
        String prefix = "<#" + channel + ">";
        CaptureFiles.awaitTrue(() -> {
            List<ObjectNode> progress = CaptureFiles.progress(discord, prefix);
            return progress.size() >= imports
                    && progress.getLast().path("content").asText().startsWith("✅ Imported " + prefix);
        }, "import " + imports + " of " + prefix + " done", LONG);
        List<ObjectNode> progress = CaptureFiles.progress(discord, prefix);
        assertEquals(imports, progress.size(), "one progress message per import, edited in place: " + progress
                .stream().map(m -> m.path("content").asText()).collect(Collectors.joining("\n")));
        return progress.getLast();
    }
}
