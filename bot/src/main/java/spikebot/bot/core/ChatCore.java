package spikebot.bot.core;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bot without a platform: one instance serves every guild, each with its own knowledge base, index and open
 * spikes. Safe to call from several threads.
 */
public final class ChatCore implements AutoCloseable {
    private final Map<String, GuildConfig> guilds;
    private final ChannelAccess access;
    private final Clock clock;

    /**
     * @param guilds guild id → its set-up; events from other guilds get a polite refusal
     * @param access who can view which channel, asked at answer time
     * @param clock  all time goes through it (deadlines, reminders, note dates, rate limits)
     */
    public ChatCore(Map<String, GuildConfig> guilds, ChannelAccess access, Clock clock) {
        this.guilds = Map.copyOf(guilds);
        this.access = access;
        this.clock = clock;
    }

    /** The slash commands and message menu entries to register. */
    public List<CommandSpec> commands() {
        return List.of();
    }

    /** Whether to acknowledge this interaction before handling it; empty when the answer is quick or a modal. */
    public Optional<Defer> deferral(Event event) {
        return Optional.empty();
    }

    /** What to do in answer to an event; never throws for bad input (it answers with a clear message instead). */
    public List<Action> handle(Event event) {
        return List.of(Action.Reply.privately("Spikebot is not ready yet."));
    }

    /** Posts due now (spike reminders), each at most once, including those missed while the bot was down. */
    public List<Action> tick() {
        return List.of();
    }

    @Override
    public void close() {
    }
}
