package spikebot.bot.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

/**
 * The bot without a platform: one instance serves every guild, each with its own knowledge base, index and open
 * spikes. It knows no feature: it routes each event to the feature that declared it (see {@link Feature}) and holds
 * what that feature says the event needs. Safe to call from several threads: events of one guild that change
 * something are handled one at a time, guilds in parallel; questions, forms and suggestions only read, so they
 * never wait for a write (see {@link Needs}).
 */
public final class ChatCore implements Chat {
    private static final Logger LOG = LoggerFactory.getLogger(ChatCore.class);
    /** How often {@link #tick()} looks for notes changed in the folder by other hands. */
    static final Duration RESYNC = Duration.ofMinutes(1);

    private final Map<String, GuildConfig> configs;
    private final Map<String, GuildKnowledge> guilds = new ConcurrentHashMap<>();
    private final FeatureRoutes routes;
    private final SearchSlots searchSlots = new SearchSlots();
    private final Clock clock;
    private final Embeddings embeddings;
    /** When {@link #tick()} last synced the indexes; null until the first tick, which opens them. */
    private Instant lastSync;

    /**
     * @param guilds     guild id → its set-up; events from other guilds get a polite refusal
     * @param features   what the bot does, each owning its commands and custom ids (see {@code spikebot.bot.Features})
     * @param clock      all time goes through it (deadlines, reminders, note dates, rate limits)
     * @param embeddings the embedding model for hybrid search, shared by all guilds and owned by the caller; null to
     *                   answer by words alone (BM25)
     * @throws IllegalArgumentException when two features claim the same command or custom-id prefix
     */
    public ChatCore(Map<String, GuildConfig> guilds, List<Feature> features, Clock clock, Embeddings embeddings) {
        this.configs = Map.copyOf(guilds);
        this.routes = new FeatureRoutes(features);
        this.embeddings = embeddings;
        this.clock = clock;
    }

    @Override
    public List<CommandSpec> commands() {
        return routes.commands();
    }

    @Override
    public Optional<Defer> deferral(Event event) {
        return routes.route(event).flatMap(f -> f.deferral(event));
    }

    @Override
    public List<Action> handle(Event event) {
        String guildId = event.origin().guildId();
        GuildConfig config = configs.get(guildId);
        if (config == null) {
            if (event instanceof Event.MessagePosted m && !m.mentionsBot() || event instanceof Event.ThreadActivity) {
                return List.of();
            }
            return List.of(Action.Reply.privately("Spikebot has no knowledge base for this server yet: ask whoever "
                    + "runs the bot to add it to the configuration."));
        }
        GuildKnowledge guild = guild(guildId, config);
        if (event instanceof Event.ThreadActivity activity) return watched(guild, activity);
        Optional<Feature> owner = routes.route(event);
        if (owner.isEmpty()) return unrouted(event);
        return handle(guild, owner.get(), event);
    }

    /** Every feature that watches the activity sees it, in the order of {@link Feature}s; their answers in turn. */
    private List<Action> watched(GuildKnowledge guild, Event.ThreadActivity activity) {
        List<Action> actions = new ArrayList<>();
        for (Feature feature : routes.features()) {
            if (feature.watches(activity)) actions.addAll(handle(guild, feature, activity));
        }
        return actions;
    }

    private List<Action> handle(GuildKnowledge guild, Feature feature, Event event) {
        String guildId = guild.id();
        Runnable leave = enter(guild, feature.needs(event));
        try {
            return feature.handle(guild, event);
        } catch (Refusal r) {
            if (event instanceof Event.ThreadActivity) return List.of();
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
            return event instanceof Event.MessagePosted || event instanceof Event.ThreadActivity ? List.of()
                    : List.of(Action.Reply.privately("Something went wrong on my side; it is logged. Please try "
                    + "again, or tell whoever runs the bot."));
        } finally {
            leave.run();
        }
    }

    /** What the feature that owns the event says it needs; nothing for an event no feature owns. */
    Needs needs(Event event) {
        return routes.route(event).map(f -> f.needs(event)).orElse(Needs.NOTHING);
    }

    /** No feature owns it: a command or control from an older version of the bot, or chatter not meant for it. */
    private static List<Action> unrouted(Event event) {
        return switch (event) {
            case Event.MessagePosted m -> List.of();
            case Event.SlashCommand c -> List.of(Action.Reply.privately("I do not know the command /"
                    + Text.escape(Text.cut(Text.oneLine(c.command()), 32)) + ". Try /ask or /spike."));
            case Event.Autocomplete a -> List.of(new Action.Suggest(List.of()));
            case Event.ThreadOpened t -> List.of(Action.Reply.privately("That thread is not one I was opening."));
            case Event.ThreadFailed t -> List.of();
            default -> List.of(Action.Reply.privately("This control is not one I know: it may be from an older "
                    + "version of the bot. Use the slash commands instead."));
        };
    }

    /** Whether an event of this guild is waiting for its lock (another one holds it). */
    boolean waitsForLock(String guildId) {
        GuildKnowledge guild = guilds.get(guildId);
        return guild != null && guild.lock().hasQueuedThreads();
    }

    /** Whether so many questions are in flight that the next are searched by their words alone. */
    boolean backlog() {
        return searchSlots.backlog();
    }

    /** Waits for what the event needs; returns the way out. */
    private Runnable enter(GuildKnowledge guild, Needs needs) {
        return switch (needs) {
            case LOCK -> {
                guild.lock().lock();
                yield guild.lock()::unlock;
            }
            case SEARCHER -> searchSlots.enter();
            case NOTHING -> () -> { };
        };
    }

    /**
     * Posts due now (spike reminders and other scheduled work) in every guild, each at most once, including those
     * missed while the bot was down. Call it at start and then every few seconds (from one thread); the first call
     * opens every guild's index, and later calls pick up notes changed in the folders once a minute.
     */
    @Override
    public List<Action> tick() {
        List<Action> posts = new ArrayList<>();
        boolean resync = lastSync == null || !clock.instant().isBefore(lastSync.plus(RESYNC));
        if (resync) lastSync = clock.instant();
        for (var entry : configs.entrySet()) {
            GuildKnowledge guild = guild(entry.getKey(), entry.getValue());
            guild.lock().lock();
            try {
                for (Feature feature : routes.features()) {
                    try {
                        posts.addAll(feature.tick(guild));
                    } catch (IOException | RuntimeException e) { // e.g. a knowledge base folder that went missing
                        LOG.error("guild {}: {} failed on its scheduled work", guild.id(),
                                feature.getClass().getSimpleName(), e);
                    }
                }
                if (resync) guild.sync();
            } catch (RuntimeException e) {
                LOG.error("guild {}: cannot sync the index", guild.id(), e);
            } finally {
                guild.lock().unlock();
            }
        }
        return posts;
    }

    @Override
    public void undelivered(Action.Receipt receipt) {
        tellOwner(receipt, "count it as not sent; it is lost", (f, g) -> f.undelivered(g, receipt.ref()));
    }

    @Override
    public void delivered(Action.Receipt receipt, String channelId, String messageId) {
        tellOwner(receipt, "note where it was posted", (f, g) -> f.delivered(g, receipt.ref(), channelId, messageId));
    }

    /** What a feature is told about one of its posts, under the guild's lock. */
    private interface ReceiptNews {
        void tell(Feature owner, GuildKnowledge guild) throws IOException;
    }

    private void tellOwner(Action.Receipt receipt, String failedTo, ReceiptNews news) {
        GuildConfig config = configs.get(receipt.guildId());
        Feature feature = routes.owner(receipt.ref()).orElse(null);
        if (config == null || feature == null) return;
        GuildKnowledge guild = guild(receipt.guildId(), config);
        guild.lock().lock();
        try {
            news.tell(feature, guild);
        } catch (IOException | RuntimeException e) {
            LOG.error("guild {}: could not {} ({})", guild.id(), failedTo, receipt.ref(), e);
        } finally {
            guild.lock().unlock();
        }
    }

    private GuildKnowledge guild(String id, GuildConfig config) {
        return guilds.computeIfAbsent(id, g -> new GuildKnowledge(g, config, embeddings, searchSlots, clock));
    }

    @Override
    public void close() {
        for (Feature feature : routes.features()) {
            try {
                feature.close();
            } catch (RuntimeException e) {
                LOG.error("{} failed to stop its background work", feature.getClass().getSimpleName(), e);
            }
        }
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
