package spikebot.bot.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import spikebot.bot.capture.Backfill;
import spikebot.bot.capture.CapturedThreads;
import spikebot.bot.capture.NoteSink;
import spikebot.bot.cli.CommandLineError;
import spikebot.bot.cli.Console;
import spikebot.bot.cli.OptionTypes;
import spikebot.index.NoteIndex;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.NoteFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code spikebot import --guild ID --channel ID [--since DATE] [--config FILE]}: the command-line twin of
 * {@code /spikebot import}, for large backfills. It logs in with the bot's token (from {@code DISCORD_TOKEN}, as for
 * {@code run}; never printed), reads the channel's past threads over REST at the pace Discord's rate limits allow,
 * and writes each thread as a discussion note into the guild's knowledge base and its index, {@link Backfill#BATCH}
 * threads per write. Stopped halfway (Ctrl-C writes what was read first) and run again, it goes on where it was;
 * run twice, the second run changes nothing.
 *
 * <p>It writes nothing when the bot lacks the Message Content intent (Discord would hand out every message blank,
 * over REST too), and nothing while the bot runs on the same knowledge base (the bot holds its index; use
 * {@code /spikebot import} in Discord then). Embeddings for hybrid search are added by the bot when it next opens
 * the index; until then the imported notes are found by their words.
 */
@Command(name = "import", sortOptions = false, description = {
        "Import a Discord channel's past threads and forum posts as discussion notes (token from DISCORD_TOKEN).",
        "Resumable and idempotent: run it again to go on or to pick up what changed. Stop the bot first: it holds "
                + "the knowledge base's index."})
public final class ImportCommand implements Callable<Integer> {
    /** How often the progress line is rewritten at most. */
    private static final long PROGRESS_EVERY = Duration.ofMillis(500).toNanos();
    /** How long Ctrl-C waits for the last batch to be written before the process ends anyway. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final Console console;
    private final java.util.Map<String, String> env;
    private final DiscordBot.Connection connection;

    @Option(names = "--guild", paramLabel = "ID", required = true, description = "the guild (server) id")
    private String guildId;
    @Option(names = "--channel", paramLabel = "ID", required = true,
            description = "the forum or text channel whose threads to import")
    private String channelId;
    @Option(names = "--since", paramLabel = "DATE", converter = OptionTypes.IsoDate.class,
            description = "only threads started on or after this day (YYYY-MM-DD, UTC)")
    private LocalDate since;
    @Option(names = "--config", paramLabel = "FILE", defaultValue = RunCommand.DEFAULT_CONFIG,
            description = "the bot's config file (default: ${DEFAULT-VALUE})")
    private Path config;

    /**
     * @param env        the process's environment, where the token is read from
     * @param connection where Discord is ({@link DiscordBot.Connection#discord()}; tests give a fake Discord)
     */
    public ImportCommand(Console console, java.util.Map<String, String> env, DiscordBot.Connection connection) {
        this.console = console;
        this.env = env;
        this.connection = connection;
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        String token = env.get("DISCORD_TOKEN");
        if (token == null || token.isBlank()) {
            throw new CommandLineError("DISCORD_TOKEN is not set: export DISCORD_TOKEN=… with your bot's token "
                    + "(Developer Portal → your application → Bot → Reset Token)");
        }
        DiscordSettings settings = DiscordSettings.load(config);
        DiscordSettings.GuildSettings guildSettings = settings.guilds().get(guildId);
        if (guildSettings == null) {
            throw new CommandLineError("guild " + guildId + " is not in " + config + ": add it with its knowledge "
                    + "base first");
        }
        console.out().println("Connecting to Discord…");
        JDA jda = DiscordBot.login(token.strip(), connection, DiscordBot.INTENTS);
        if (jda == null) {
            throw new CommandLineError("Discord refused the Message Content intent, without which it sends every "
                    + "message blank: nothing was imported. Switch it on (Developer Portal → your application → Bot "
                    + "→ Message Content Intent) and run the import again");
        }
        try {
            return importInto(jda, settings, new KnowledgeBase(guildSettings.knowledgeBase()));
        } finally {
            jda.shutdownNow();
        }
    }

    private int importInto(JDA jda, DiscordSettings settings, KnowledgeBase kb) throws IOException {
        Guild guild = jda.getGuildById(guildId);
        if (guild == null) throw new CommandLineError("the bot is not in guild " + guildId + ": invite it first");
        GuildChannel channel = guild.getGuildChannelById(channelId);
        if (channel == null || !guild.getSelfMember().hasAccess(channel)) {
            throw new CommandLineError("guild " + guild.getName() + " has no channel " + channelId
                    + " that the bot can see");
        }
        if (!(channel instanceof IThreadContainer)) {
            throw new CommandLineError("#" + channel.getName() + " holds no threads: give a forum or text channel");
        }
        DiscordHistory history = new DiscordHistory(jda, new ThreadDirectory(settings.threadFiles()));
        Backfill.Stop stop = new Backfill.Stop();
        CountDownLatch closed = new CountDownLatch(1);
        // Ctrl-C: the import stops between two threads and writes what it read; the JVM waits for that (a batch
        // takes a second or two) rather than drop it.
        Thread onCtrlC = new Thread(() -> {
            stop.request();
            try {
                closed.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "spikebot-import-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try (NoteIndex index = NoteIndex.open(kb)) {
            if (index.readOnly()) { // another process holds the writer: it would refuse only after notes were written
                throw new CommandLineError("the bot is running on " + kb.root() + " (it holds the index): stop it "
                        + "first, or use /spikebot import in Discord. Nothing was imported");
            }
            CapturedThreads kept = CapturedThreads.open(kb.stateDir());
            NoteSink sink = (put, deleted) -> {
                List<NoteFile> written = new ArrayList<>();
                for (var note : put.entrySet()) written.add(kb.put(note.getKey(), note.getValue()));
                for (String path : deleted) kb.delete(path);
                index.update(written, List.copyOf(deleted));
            };
            console.out().println("Importing the threads of #" + channel.getName() + " in " + guild.getName()
                    + (since == null ? "" : " started since " + since) + " into " + kb.root() + "…");
            Progress shown = new Progress();
            Backfill.Progress end;
            try {
                end = new Backfill(history, Clock.systemUTC())
                        .runInto(new Backfill.Job(guildId, channelId, since), kept, sink, shown::show, stop);
            } catch (IOException e) {
                throw new CommandLineError("the import stopped: " + e.getMessage() + ". What was written so far is "
                        + "kept; run the same command again to go on");
            } finally {
                shown.end();
            }
            if (stop.requested()) {
                console.out().println("Stopped after " + end.line() + "; what was read is written. Run the same "
                        + "command again to go on.");
                return 1;
            }
            console.out().println("Imported " + end.counts() + ".");
            if (end.failed() > 0) {
                console.out().println("Run the same command again to retry the failed ones (the log says why).");
            }
            return end.failed() > 0 ? 1 : 0;
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException e) {
                // shutting down already: the hook is running and waits for the latch counted down above
            }
        }
    }

    /** The progress on one line of standard error, rewritten in place at most twice a second. */
    private final class Progress {
        private long lastShown;
        private boolean shown;

        /** The first thread's progress is shown at once, then at most every {@link #PROGRESS_EVERY}. */
        void show(Backfill.Progress p) {
            long now = System.nanoTime();
            if (p.finished() || shown && now - lastShown < PROGRESS_EVERY) return;
            lastShown = now;
            shown = true;
            console.err().print("\r" + p.line() + "   ");
            console.err().flush();
        }

        void end() {
            if (shown) console.err().println();
        }
    }
}
