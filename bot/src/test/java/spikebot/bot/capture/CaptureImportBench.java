package spikebot.bot.capture;

import spikebot.bot.core.ChatCore;
import spikebot.bot.core.ChatDriver;
import spikebot.bot.core.DigestSchedule;
import spikebot.bot.core.Event;
import spikebot.bot.core.GuildConfig;
import spikebot.bot.core.MutableClock;
import spikebot.bot.core.Origin;
import spikebot.bot.wiring.Features;
import spikebot.index.NoteIndex;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.NoteFile;
import spikebot.knowledge.discussion.DiscussionThread;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints what the import costs on our side, without any platform rate limit (an in-memory history): threads and
 * messages per second written by the command-line path (batches of {@link Backfill#BATCH}) and by the bot's ticks (batches of
 * {@link GuildCapture#TICK_BATCH} under the guild's lock), and how long the tick that writes one live message holds
 * the lock, and what an idle tick costs with them all kept. A benchmark, not a test: run by hand, e.g.
 * {@code java -cp bot/target/test-classes:… spikebot.bot.capture.CaptureImportBench 2000 15}.
 */
public final class CaptureImportBench {
    private CaptureImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int perThread = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        MemoryHistory history = new MemoryHistory();
        for (int i = 0; i < threads; i++) {
            DiscussionThread t = history.thread("500", "ml-help", "How do we tune job " + i, t0.plusSeconds(i), false);
            for (int m = 0; m < perThread; m++) {
                history.say(t, "u" + (m % 7), "user" + (m % 7), t0.plusSeconds(i * 100L + m),
                        "Message " + m + " about job " + i + ": we tried batch size " + (m * 8)
                                + " and the loss curve flattened after epoch " + m + ". ```py\nfit(x)\n```");
            }
        }
        int messages = threads * perThread;

        Path cli = Files.createTempDirectory("capture-bench-cli");
        KnowledgeBase kb = new KnowledgeBase(cli);
        long start = System.nanoTime();
        try (NoteIndex index = NoteIndex.open(kb)) {
            NoteSink sink = (put, deleted) -> {
                List<NoteFile> written = new ArrayList<>();
                for (var e : put.entrySet()) written.add(kb.put(e.getKey(), e.getValue()));
                for (String p : deleted) kb.delete(p);
                index.update(written, List.copyOf(deleted));
            };
            new Backfill(history, new MutableClock(t0)).runInto(new Backfill.Job("g1", "500", null),
                    CapturedThreads.open(kb.stateDir()), sink, p -> { }, new Backfill.Stop());
        }
        report("command line (batches of " + Backfill.BATCH + ")", threads, messages, System.nanoTime() - start);

        Path botKb = Files.createTempDirectory("capture-bench-bot");
        MutableClock clock = new MutableClock(ChatDriver.T0);
        ManualExecutor background = new ManualExecutor();
        try (ChatCore core = new ChatCore(Map.of("g1", GuildConfig.of(botKb)),
                Features.all(new CaptureWorld.Access(), history, clock, background), clock, null)) {
            Origin here = new Origin("g1", "100", null, ChatDriver.ADMIN);
            core.handle(new Event.SlashCommand(here, "spikebot", "capture", Map.of("state", "on", "channel", "500")));
            core.handle(new Event.SlashCommand(here, "spikebot", "import", Map.of("channel", "500")));
            core.tick();
            long fetchStart = System.nanoTime();
            background.runAll();
            long fetch = System.nanoTime() - fetchStart;
            long ticking = 0;
            long longest = 0;
            int ticks = 0;
            while (Files.exists(botKb.resolve(".spikebot/capture/import.json"))) {
                long tick = System.nanoTime();
                core.tick();
                long took = System.nanoTime() - tick;
                ticking += took;
                longest = Math.max(longest, took);
                ticks++;
            }
            System.out.printf(Locale.ROOT, "bot: reading the history in memory took %.1f s%n", fetch / 1e9);
            report("bot ticks (" + ticks + " ticks, batches of " + GuildCapture.TICK_BATCH + ", longest lock "
                    + String.format(Locale.ROOT, "%.2f s", longest / 1e9) + ")", threads, messages, ticking);

            DiscussionThread live = history.thread("500", "ml-help", "Live one", clock.instant(), false);
            core.handle(new Event.ThreadCreated(new Origin("g1", live.threadId(), "500", ChatDriver.ALICE), live,
                    true));
            var message = history.say(live, "u1", "alice", clock.instant(), "Is the tokenizer thread-safe?");
            core.handle(new Event.MessageWritten(new Origin("g1", live.threadId(), "500", ChatDriver.ALICE),
                    message));
            long tick = System.nanoTime();
            core.tick();
            System.out.printf(Locale.ROOT, "live: the tick that writes a new message holds the lock %.0f ms "
                    + "(answerable after at most one tick interval plus this)%n", (System.nanoTime() - tick) / 1e6);
        }
        idleTicks(botKb, history, clock, threads + 1);
    }

    /**
     * The bot restarted on a knowledge base with this many threads kept, a digest scheduled and nothing due: what its
     * first tick costs (it opens the index and reads what is kept), what each tick after it costs (every few seconds:
     * it should read no file), and the tick that looks for notes changed by other hands (once a minute).
     */
    private static void idleTicks(Path kb, MemoryHistory history, MutableClock clock, int kept) throws Exception {
        GuildConfig config = GuildConfig.of(kb).withDigest(new DigestSchedule(DayOfWeek.MONDAY, 9, "100"));
        try (ChatCore core = new ChatCore(Map.of("g1", config),
                Features.all(new CaptureWorld.Access(), history, clock, new ManualExecutor()), clock, null)) {
            long start = System.nanoTime();
            core.tick();
            long first = System.nanoTime() - start;
            int ticks = 200;
            long total = 0;
            long longest = 0;
            for (int i = 0; i < ticks; i++) {
                clock.advance(Duration.ofMillis(200)); // 40 s in all: no resync
                long tick = System.nanoTime();
                List<?> due = core.tick();
                long took = System.nanoTime() - tick;
                if (!due.isEmpty()) throw new IllegalStateException("an idle tick had work: " + due);
                total += took;
                longest = Math.max(longest, took);
            }
            clock.advance(Duration.ofMinutes(1));
            long resync = System.nanoTime();
            core.tick();
            long resyncTook = System.nanoTime() - resync;
            System.out.printf(Locale.ROOT, "idle, %,d threads kept: first tick after a restart %.0f ms; then %d idle "
                            + "ticks %.2f ms each on average, longest %.2f ms; the once-a-minute resync tick %.0f ms%n",
                    kept, first / 1e6, ticks, total / 1e6 / ticks, longest / 1e6, resyncTook / 1e6);
        }
    }

    private static void report(String what, int threads, int messages, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf(Locale.ROOT, "%s: %,d threads, %,d messages in %.1f s = %.0f threads/s, %.0f messages/s%n",
                what, threads, messages, seconds, threads / seconds, messages / seconds);
    }
}
