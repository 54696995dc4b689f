package spikebot.bot.core;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * One thing the bot does for a team ({@code /ask}, spikes, passive answers, …): a package of its own that declares
 * what it owns and answers it. The core routes by these declarations and knows no feature by name: slash commands
 * and autocomplete by command (and subcommand, when several features share a command group), message-menu entries
 * by label, buttons, select menus, forms and thread refs by the first part of their custom id, plain messages by
 * {@link #hears}. All features are created in one place, {@code spikebot.bot.Features}.
 *
 * <p>Like TJ-Bot's features, but JDA-free: a feature takes {@link Event}s and returns {@link Action}s, so its tests
 * need no mocks of the platform.
 */
public interface Feature {

    /** The slash commands and message-menu entries it owns, to register with Discord and list in help. */
    List<CommandSpec> commands();

    /**
     * The first part of every custom id it makes (buttons, select menus, forms, {@link Action.OpenThread} refs); see
     * {@link CustomIds}. Unique across features; none by default.
     */
    default List<String> customIdPrefixes() {
        return List.of();
    }

    /** Whether it answers this plain message (a mention of the bot, a question asked in a channel). */
    default boolean hears(Event.MessagePosted message) {
        return false;
    }

    /**
     * Whether it wants to see this activity in a thread (see {@link Event.ThreadActivity}); every feature that does
     * gets it, in turn, through {@link #handle}.
     */
    default boolean watches(Event.ThreadActivity activity) {
        return false;
    }

    /** What the core must hold while this feature handles the event; see {@link Needs}. */
    default Needs needs(Event event) {
        return Needs.LOCK;
    }

    /** Whether to acknowledge the interaction before handling it (Discord's "thinking…"); never before a form. */
    default Optional<Defer> deferral(Event event) {
        return Optional.empty();
    }

    /**
     * Answers an event routed here. Bad input is answered with a {@link Refusal} (shown privately), never an
     * exception of another kind.
     */
    List<Action> handle(GuildKnowledge guild, Event event) throws IOException;

    /**
     * Scheduled work due now in this guild (reminders, digests), called every few seconds under the guild's lock;
     * each post must be marked done before it is returned, so that it goes out once.
     */
    default List<Action> tick(GuildKnowledge guild) throws IOException {
        return List.of();
    }

    /** A post of {@link #tick} with this receipt's ref did not reach the platform: count it as not sent. */
    default void undelivered(GuildKnowledge guild, String ref) throws IOException {
    }

    /**
     * A post of {@link #tick} with this receipt's ref reached the platform as this message, so that a later tick
     * can {@link Action.Edit} it (a progress line that is edited rather than posted again).
     */
    default void delivered(GuildKnowledge guild, String ref, String channelId, String messageId) throws IOException {
    }

    /**
     * Stops what the feature runs in the background (an import), without forgetting it: a restart takes it up
     * again. Called once, when the core closes, before the guilds' indexes close.
     */
    default void close() {
    }
}
