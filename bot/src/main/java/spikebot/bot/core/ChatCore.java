package spikebot.bot.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.bot.ask.AskCommand;
import spikebot.bot.passive.PassiveAnswers;
import spikebot.bot.solved.SolvedCommand;
import spikebot.bot.spike.SpikeCommands;
import spikebot.index.embed.Embeddings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The bot without a platform: one instance serves every guild, each with its own knowledge base, index and open
 * spikes; all wiring of the features is here. Safe to call from several threads: events of one guild that change
 * something are handled one at a time, guilds in parallel; questions, forms and suggestions only read, so they
 * never wait for a write (see {@link Needs}).
 */
public final class ChatCore implements Chat {
    private static final Logger LOG = LoggerFactory.getLogger(ChatCore.class);
    /** How often {@link #tick()} looks for notes changed in the folder by other hands. */
    static final Duration RESYNC = Duration.ofMinutes(1);

    private final Map<String, GuildConfig> configs;
    private final Map<String, GuildKnowledge> guilds = new ConcurrentHashMap<>();
    /**
     * Questions searched at once, in all guilds: a search is pure CPU, so more than the cores can run only slows
     * each; one core is left for the connection to Discord, whose acknowledgements must leave within 3 seconds.
     * Fair, so that a burst is answered in the order it came.
     */
    /** Questions waiting beyond which the next are searched by words alone (see {@link #backlog()}). */
    static final int BACKLOG = 16;
    private final Semaphore searchers = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
            true);
    private final Clock clock;
    private final AskCommand ask;
    private final PassiveAnswers passive;
    private final SpikeCommands spikes;
    private final SolvedCommand solved;
    /** When {@link #tick()} last synced the indexes; null until the first tick, which opens them. */
    private Instant lastSync;
    private final Embeddings embeddings;

    /**
     * @param guilds guild id → its set-up; events from other guilds get a polite refusal
     * @param access who can view which channel, asked at answer time
     * @param clock  all time goes through it (deadlines, reminders, note dates, rate limits)
     */
    public ChatCore(Map<String, GuildConfig> guilds, ChannelAccess access, Clock clock) {
        this(guilds, access, clock, null);
    }

    /**
     * @param embeddings the embedding model for hybrid search, shared by all guilds and owned by the caller; null to
     *                   answer by words alone (BM25)
     */
    public ChatCore(Map<String, GuildConfig> guilds, ChannelAccess access, Clock clock, Embeddings embeddings) {
        this.configs = Map.copyOf(guilds);
        this.embeddings = embeddings;
        this.clock = clock;
        this.ask = new AskCommand(access);
        this.passive = new PassiveAnswers(access, clock);
        this.spikes = new SpikeCommands(access, clock);
        this.solved = new SolvedCommand(clock);
    }

    /** The slash commands and message menu entries to register. */
    public List<CommandSpec> commands() {
        return List.of(AskCommand.SPEC, SpikeCommands.SPIKE, SpikeCommands.PAPERCHECK, SolvedCommand.SPEC,
                SolvedCommand.MENU_SPEC, PassiveAnswers.SPEC);
    }

    /** Whether to acknowledge this interaction before handling it; empty when the answer is quick or a modal. */
    public Optional<Defer> deferral(Event event) {
        if (event instanceof Event.SlashCommand c && c.command().equals("ask")) {
            return Optional.of(new Defer("true".equalsIgnoreCase(c.option("private"))));
        }
        if (event instanceof Event.SlashCommand c && (c.command().equals("spike") || c.command().equals("papercheck"))
                || event instanceof Event.FormSubmit m && m.customId().startsWith("spike:")) {
            return spikes.deferral(event);
        }
        return solved.deferral(event);
    }

    /** What to do in answer to an event; never throws for bad input (it answers with a clear message instead). */
    public List<Action> handle(Event event) {
        String guildId = event.origin().guildId();
        GuildConfig config = configs.get(guildId);
        if (config == null) {
            if (event instanceof Event.MessagePosted m && !m.mentionsBot()) return List.of();
            return List.of(Action.Reply.privately("Spikebot has no knowledge base for this server yet: ask whoever "
                    + "runs the bot to add it to the configuration."));
        }
        GuildKnowledge guild = guild(guildId, config);
        Runnable leave = enter(guild, event);
        try {
            return route(guild, event);
        } catch (Refusal r) {
            if (event instanceof Event.MessagePosted m) {
                return m.mentionsBot() ? List.of(Action.Reply.of(r.getMessage())) : List.of();
            }
            return List.of(Action.Reply.privately(r.getMessage()));
        } catch (IOException | UncheckedIOException e) {
            LOG.error("guild {}: could not save while handling {}", guildId, event.getClass().getSimpleName(), e);
            return List.of(Action.Reply.privately("I could not save that (" + Text.escape(e.getMessage())
                    + "). Nothing was changed; please try again."));
        } catch (RuntimeException e) {
            LOG.error("guild {}: failed on {}", guildId, event.getClass().getSimpleName(), e);
            return event instanceof Event.MessagePosted ? List.of()
                    : List.of(Action.Reply.privately("Something went wrong on my side; it is logged. Please try "
                    + "again, or tell whoever runs the bot."));
        } finally {
            leave.run();
        }
    }

    /** What an event needs before the core handles it. */
    enum Needs {
        /** It changes the guild's notes, spikes or settings: one such event of a guild at a time. */
        LOCK,
        /** A question: searched in parallel with other questions, as many at once as {@link #searchers} allows. */
        SEARCHER,
        /**
         * Nothing: a form to show, suggestions. Discord accepts these only as the first answer, within 3 seconds,
         * so they never wait for a spike close that is writing its note, nor behind a burst of questions.
         */
        NOTHING
    }

    static Needs needs(Event event) {
        return switch (event) {
            case Event.SlashCommand c when c.command().equals("ask") -> Needs.SEARCHER;
            case Event.SlashCommand c when c.command().equals("solved") || SpikeCommands.answersWithForm(c) ->
                    Needs.NOTHING;
            case Event.MessagePosted m when m.mentionsBot() -> Needs.SEARCHER;
            case Event.Autocomplete a -> Needs.NOTHING;
            case Event.ButtonClick b when b.customId().startsWith(AskCommand.START_SPIKE_PREFIX) -> Needs.NOTHING;
            case Event.MessageCommand m -> Needs.NOTHING;
            default -> Needs.LOCK;
        };
    }

    /**
     * Whether more questions wait for a searcher than can be searched by meaning in time: embedding a question
     * takes about twice as long as searching it, so a burst (200 questions at once) is answered by words alone
     * beyond the first few, all within Discord's patience, rather than by meaning and late.
     */
    boolean backlog() {
        return searchers.getQueueLength() > BACKLOG;
    }

    /** Waits for what the event needs; returns the way out. */
    private Runnable enter(GuildKnowledge guild, Event event) {
        return switch (needs(event)) {
            case LOCK -> {
                guild.lock().lock();
                yield guild.lock()::unlock;
            }
            case SEARCHER -> {
                searchers.acquireUninterruptibly();
                yield searchers::release;
            }
            case NOTHING -> () -> { };
        };
    }

    private List<Action> route(GuildKnowledge guild, Event event) throws IOException {
        return switch (event) {
            case Event.SlashCommand c -> switch (c.command()) {
                case "ask" -> ask.ask(guild, c);
                case "spike", "papercheck" -> spikes.command(guild, c);
                case "solved" -> solved.command(c);
                case "spikebot" -> passive.configure(guild, c);
                default -> throw new Refusal("I do not know the command /" + Text.escape(Text.cut(c.command(), 32))
                        + ". Try /ask or /spike.");
            };
            case Event.Autocomplete a -> a.command().equals("spike") ? spikes.autocomplete(guild, a)
                    : ask.autocomplete(guild, a);
            case Event.ButtonClick b -> switch (feature(b.customId())) {
                case "spike" -> spikes.click(guild, b);
                case "passive" -> passive.feedback(guild, b);
                default -> throw unknownControl();
            };
            case Event.SelectChoice s -> switch (feature(s.customId())) {
                case "spike" -> spikes.select(guild, s);
                default -> throw unknownControl();
            };
            case Event.FormSubmit m -> switch (feature(m.customId())) {
                case "spike" -> spikes.submit(guild, m);
                case "solved" -> solved.submit(guild, m);
                default -> throw unknownControl();
            };
            case Event.MessageCommand m -> {
                if (!m.command().equals(SolvedCommand.MENU)) throw new Refusal("I do not know that menu entry.");
                yield solved.menu(m);
            }
            case Event.MessagePosted m -> m.mentionsBot() ? ask.mention(guild, m) : passive.consider(guild, m);
            case Event.ThreadOpened t -> spikes.threadOpened(guild, t);
            case Event.ThreadFailed t -> spikes.threadFailed(guild, t);
        };
    }

    /**
     * Posts due now (spike reminders) in every guild, each at most once, including those missed while the bot
     * was down. Call it at start and then every few seconds (from one thread); the first call opens every guild's
     * index, and later calls pick up notes changed in the folders once a minute.
     */
    public List<Action> tick() {
        List<Action> posts = new ArrayList<>();
        boolean resync = lastSync == null || !clock.instant().isBefore(lastSync.plus(RESYNC));
        if (resync) lastSync = clock.instant();
        for (var entry : configs.entrySet()) {
            GuildKnowledge guild = guild(entry.getKey(), entry.getValue());
            guild.lock().lock();
            try {
                posts.addAll(spikes.tick(guild));
                if (resync) guild.sync();
            } catch (RuntimeException e) { // e.g. a knowledge base folder that went missing
                LOG.error("guild {}: tick failed", guild.id(), e);
            } finally {
                guild.lock().unlock();
            }
        }
        return posts;
    }

    private GuildKnowledge guild(String id, GuildConfig config) {
        return guilds.computeIfAbsent(id, g -> new GuildKnowledge(g, config, embeddings, this::backlog));
    }

    private static String feature(String customId) {
        List<String> parts = CustomIds.parts(customId);
        return parts.isEmpty() ? "" : parts.get(0);
    }

    private static Refusal unknownControl() {
        return new Refusal("This control is not one I know; it may be from an older version of the bot.");
    }

    @Override
    public void close() {
        guilds.values().forEach(g -> {
            g.lock().lock();
            try {
                g.close();
            } finally {
                g.lock().unlock();
            }
        });
    }
}
