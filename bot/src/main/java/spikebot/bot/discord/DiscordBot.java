package spikebot.bot.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.bot.cli.CommandLineError;
import spikebot.bot.core.Action;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.Chat;
import spikebot.bot.core.ThreadHistory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The running Discord bot: one JDA connection, one chat core for every configured guild, slash commands
 * registered per guild at start, and the core's tick (capture, reminders, digests) run on a schedule. All Discord wiring is here.
 */
public final class DiscordBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);

    /**
     * Slash commands need no intent; plain messages need GUILD_MESSAGES, and reading their text needs the
     * privileged MESSAGE_CONTENT intent, switched on in the Developer Portal (Discord grants it to bots in more than
     * 100 servers only on review). Without it the bot still starts: Discord sends the text of messages that
     * mention the bot anyway, so only passive answers go.
     */
    public static final EnumSet<GatewayIntent> INTENTS =
            EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT);

    private final JDA jda;
    private final Chat core;
    private final DiscordSettings settings;
    private final DiscordThreads threadWork;
    /** Scheduled actions Discord did not take for a passing reason; guarded by this. */
    private final List<Action> undelivered = new ArrayList<>();
    /**
     * One virtual thread per event: answering mostly waits on Discord's REST API, so a fixed pool of threads spends
     * a burst waiting while the next events queue behind it, forms and clicks included. How much runs at once is
     * the core's business (a lock per guild for changes, a few searchers for questions).
     */
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("spikebot-event-", 1).factory());
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(daemons("spikebot-tick"));
    /** The safety net of every interaction; apart from the reminder tick, which may wait on Discord. */
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            daemons("spikebot-safety-net"));

    /**
     * Where Discord is and what time it is there: the real Discord and the system clock, or in tests a fake Discord
     * and a clock the test moves. The clock tells interactions' ages (Discord's 3 seconds count from their creation).
     *
     * @param builder adjusts the JDA builder before it connects
     */
    public record Connection(UnaryOperator<JDABuilder> builder, Clock clock) {
        public static Connection discord() {
            return new Connection(b -> b, Clock.systemUTC());
        }
    }

    private DiscordBot(JDA jda, Chat core, DiscordSettings settings, ThreadDirectory threads) {
        this.jda = jda;
        this.core = core;
        this.settings = settings;
        this.threadWork = new DiscordThreads(jda, settings, threads);
    }

    /**
     * Logs in, waits until every guild is loaded, builds the core, registers commands and starts the reminder
     * tick.
     *
     * @param cores      makes the core, given the permission check and the thread history that answer from Discord
     * @param connection where Discord is ({@link Connection#discord()}; tests point it at a fake Discord)
     * @throws CommandLineError with a one-line reason when Discord refuses the token or the intents
     */
    public static DiscordBot start(String token, DiscordSettings settings,
                                   BiFunction<ChannelAccess, ThreadHistory, ? extends Chat> cores,
                                   Connection connection) throws InterruptedException {
        JDA jda = login(token, connection, INTENTS);
        if (jda == null) {
            LOG.warn("Discord refused the Message Content intent: starting without it. Slash commands, mentions, "
                    + "buttons and forms work; passive answers and capture need it (Developer Portal → your "
                    + "application → Bot → Privileged Gateway Intents → Message Content Intent, then restart)");
            EnumSet<GatewayIntent> without = EnumSet.copyOf(INTENTS);
            without.remove(GatewayIntent.MESSAGE_CONTENT);
            jda = login(token, connection, without);
            if (jda == null) throw new CommandLineError("Discord closed the connection: it refused the intents");
        }
        return serve(jda, settings, cores, connection);
    }

    /**
     * Connects and waits until every guild is loaded.
     *
     * @return null when Discord refused a privileged intent the application may not use (close 4014)
     * @throws CommandLineError with a one-line reason when Discord refuses the token or closes for another reason
     */
    static JDA login(String token, Connection connection, EnumSet<GatewayIntent> intents)
            throws InterruptedException {
        JDA jda = connect(token, connection, intents);
        try {
            jda.awaitReady();
            return jda;
        } catch (IllegalStateException e) {
            jda.shutdownNow();
            if (refusedIntent(e.getMessage())) return null;
            throw new CommandLineError(refusal(e.getMessage()));
        }
    }

    private static DiscordBot serve(JDA jda, DiscordSettings settings,
                                    BiFunction<ChannelAccess, ThreadHistory, ? extends Chat> cores,
                                    Connection connection) {
        ThreadDirectory threads = new ThreadDirectory(settings.threadFiles());
        DiscordHistory history = new DiscordHistory(jda, threads);
        DiscordChannelAccess access = new DiscordChannelAccess(jda, threads, history::listed);
        Chat core = cores.apply(access, history);
        DiscordBot bot = new DiscordBot(jda, core, settings, threads);
        SafetyNet safetyNet = new SafetyNet(connection.clock());
        bot.timers.scheduleAtFixedRate(safetyNet::sweep, SafetyNet.SWEEP.toMillis(), SafetyNet.SWEEP.toMillis(),
                TimeUnit.MILLISECONDS);
        jda.addEventListener(new EventRouter(core, settings, access, threads, bot.threadWork, bot.workers, safetyNet,
                bot::registerCommands));
        settings.guilds().keySet().forEach(bot::registerCommands);
        bot.ticks.scheduleWithFixedDelay(bot::tick, 0, settings.tick().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("connected as {}; serving {} of {} configured guild(s)", jda.getSelfUser().getName(),
                settings.guilds().keySet().stream().filter(id -> jda.getGuildById(id) != null).count(),
                settings.guilds().size());
        return bot;
    }

    public JDA jda() {
        return jda;
    }

    /**
     * Whether the bot may read messages' text (the Message Content intent): passive answers and capture need it.
     */
    public boolean readsMessageContent() {
        return jda.getGatewayIntents().contains(GatewayIntent.MESSAGE_CONTENT);
    }

    private static JDA connect(String token, Connection connection, EnumSet<GatewayIntent> intents) {
        try {
            // Member overwrites (one person allowed or denied on a channel) decide who may see a note: JDA drops
            // all but the bot's own unless asked to keep them. Forum tags: a forum may require one on each post, and
            // a captured post keeps their names. Raw events: JDA reports no deletion of a thread it does not hold,
            // and it holds no archived thread (see ThreadActivities). A bulk delete stays one event, not one per
            // message: a discussion drops them in one go.
            return connection.builder().apply(JDABuilder.createLight(token, intents)
                    .enableCache(CacheFlag.MEMBER_OVERRIDES, CacheFlag.FORUM_TAGS)
                    .setRawEventsEnabled(true).setBulkDeleteSplittingEnabled(false)).build();
        } catch (InvalidTokenException e) {
            throw new CommandLineError("Discord rejected the token in DISCORD_TOKEN; copy it again from the "
                    + "Developer Portal (your application → Bot → Reset Token)");
        } catch (ErrorResponseException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new CommandLineError("cannot reach Discord: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"));
        }
    }

    /** Replaces the guild's commands with the core's; a guild the bot is not in is reported, not fatal. */
    private void registerCommands(String guildId) {
        Guild guild = jda.getGuildById(guildId);
        if (guild == null) {
            LOG.warn("guild {} is in the config file but the bot is not a member: invite it (see README)", guildId);
            return;
        }
        try {
            guild.updateCommands().addCommands(DiscordCommands.of(core.commands())).complete();
        } catch (RuntimeException e) {
            LOG.warn("could not register commands in {} ({}): {}; was the bot invited with the "
                    + "applications.commands scope?", guild.getName(), guildId, Failures.reason(e));
        }
    }

    /**
     * Posts what the core's schedule says is due (reminders); runs on a timer, and in tests on demand. Skipped while
     * the gateway is not connected: JDA forgets the guild's channels when a session is invalidated. A post that
     * Discord did not accept for a passing reason (a server error, no connection) is tried again: a reminder goes
     * back to the core ({@link Chat#undelivered}), which counts it as not sent and hands it out at a later tick, also
     * after a restart; other posts are kept here and posted at the next tick, before what is new.
     */
    synchronized void tick() {
        if (jda.getStatus() != JDA.Status.CONNECTED) {
            LOG.info("not connected to Discord ({}): reminders wait for the next check", jda.getStatus());
            return;
        }
        try {
            List<Action> due = new ArrayList<>(undelivered);
            undelivered.clear();
            due.addAll(core.tick());
            for (Action again : Exchange.forSchedule(core, threadWork).run(due)) {
                // A post the core counted as sent goes back to it, so that it survives a restart too.
                if (again instanceof Action.Post post && post.receipt() != null) core.undelivered(post.receipt());
                else undelivered.add(again);
            }
            if (!undelivered.isEmpty()) {
                LOG.warn("{} scheduled post(s) wait for the next check in {}", undelivered.size(),
                        settings.tick());
            }
        } catch (RuntimeException e) {
            LOG.error("tick failed; it runs again in {}", settings.tick(), e);
        }
    }

    /** Blocks until the connection is shut down (by {@link #close()} or by Discord). */
    public void awaitShutdown() throws InterruptedException {
        jda.awaitShutdown();
    }

    @Override
    public void close() {
        // A tick in flight finishes: interrupted, it would stop a batch of notes halfway through its writes (some
        // notes on disk, not indexed, not marked as kept) and race the core's closing below.
        ticks.shutdown();
        timers.shutdownNow();
        workers.shutdown();
        try {
            if (!ticks.awaitTermination(10, TimeUnit.SECONDS)) ticks.shutdownNow();
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) workers.shutdownNow();
            jda.shutdown();
            if (!jda.awaitShutdown(Duration.ofSeconds(10))) jda.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
        }
        core.close();
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Whether Discord closed the gateway for a privileged intent the application may not use (close 4014). */
    private static boolean refusedIntent(String jdaMessage) {
        return reason(jdaMessage).toLowerCase(java.util.Locale.ROOT).contains("intent");
    }

    /** Why Discord closed the gateway at start, from JDA's shutdown reason, as one line. */
    private static String refusal(String jdaMessage) {
        String reason = reason(jdaMessage);
        return "Discord closed the connection" + (reason.isEmpty() ? "" : ": " + reason.lines().findFirst().orElse(""));
    }

    private static String reason(String jdaMessage) {
        return jdaMessage == null ? "" : jdaMessage.replaceFirst("(?s)^.*Reason:\\s*", "").strip();
    }
}
