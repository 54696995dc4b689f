package spikebot.bot.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import spikebot.bot.core.Actor;
import spikebot.bot.core.Event;
import spikebot.bot.core.Origin;

import java.util.List;
import java.util.Optional;

/**
 * What happens in threads and forum posts, as the core's {@link Event.ThreadActivity}. Plain channel chatter is
 * not a discussion, so only threads count. Bot, webhook and system messages are left out here as in the history
 * ({@link DiscordHistory#byPerson}).
 *
 * <p>Discord does not say who renamed, archived or deleted a thread, or who deleted a message: those events carry
 * the bot itself as their actor, which no feature takes for a person.
 */
final class ThreadActivities {
    private ThreadActivities() {
    }

    /**
     * A thread that came into view. JDA passes Discord's {@code newly_created} on as the kind of event: a
     * {@code ChannelCreateEvent} for a thread just started, a {@code ThreadRevealedEvent} for an older one the bot
     * was added to or may now see.
     */
    static Event.ThreadActivity created(ThreadChannel thread, boolean newlyCreated) {
        Member owner = thread.getOwner();
        Actor actor = owner != null ? Inbound.actor(owner) : new Actor(thread.getOwnerId(), null, false);
        return new Event.ThreadCreated(origin(thread, actor), DiscordHistory.thread(thread), newlyCreated);
    }

    static Event.ThreadActivity changed(ThreadChannel thread, Actor nobody) {
        return new Event.ThreadChanged(origin(thread, nobody), DiscordHistory.thread(thread));
    }

    /**
     * A thread deleted, from the gateway's THREAD_DELETE itself: JDA reports only the deletion of a thread it
     * holds, and it holds no archived thread, while most old threads and forum posts are archived.
     */
    static Optional<Event.ThreadActivity> deleted(DataObject payload, Actor nobody) {
        if (payload.isNull("guild_id") || payload.isNull("id")) return Optional.empty();
        String parent = payload.isNull("parent_id") ? null : payload.getString("parent_id");
        return Optional.of(new Event.ThreadDeleted(new Origin(payload.getString("guild_id"),
                payload.getString("id"), parent, nobody), payload.getString("id")));
    }

    /**
     * Messages deleted, from the gateway's MESSAGE_DELETE or MESSAGE_DELETE_BULK itself, in a channel JDA does not
     * hold: an archived thread, where a moderator may still delete a message its author regrets. Empty where JDA
     * holds the channel (its own event says it) and for payloads without a guild. A channel that is no thread at all
     * (one the bot cannot see) comes through too: only a captured thread's kept copy has those ids.
     */
    static Optional<Event.ThreadActivity> messagesDeleted(DataObject payload, JDA jda, Actor nobody) {
        if (payload.isNull("guild_id") || payload.isNull("channel_id")) return Optional.empty();
        String channel = payload.getString("channel_id");
        if (jda.getGuildChannelById(channel) != null) return Optional.empty();
        List<String> ids = payload.hasKey("ids")
                ? payload.getArray("ids").stream(DataArray::getString).toList()
                : payload.isNull("id") ? List.of() : List.of(payload.getString("id"));
        if (ids.isEmpty()) return Optional.empty();
        return Optional.of(new Event.MessagesDeleted(new Origin(payload.getString("guild_id"), channel, null, nobody),
                ids));
    }

    /** A person's new message in a thread; empty for any other message. */
    static Optional<Event.ThreadActivity> written(Message message, Member author) {
        if (!(message.getChannel() instanceof ThreadChannel thread) || !DiscordHistory.byPerson(message)) {
            return Optional.empty();
        }
        return Optional.of(new Event.MessageWritten(origin(thread, Inbound.actor(author)),
                DiscordHistory.message(message)));
    }

    /**
     * A person's message in a thread as it reads after an edit, also the message a thread was started from;
     * empty for any other message, and for Discord's updates that change no text (a link's preview arriving) since
     * those leave the edit time unset.
     */
    static Optional<Event.ThreadActivity> edited(Message message, Member author) {
        if (!DiscordHistory.byPerson(message) || message.getTimeEdited() == null) return Optional.empty();
        Actor actor = author != null ? Inbound.actor(author)
                : new Actor(message.getAuthor().getId(), message.getAuthor().getEffectiveName(), false);
        return threadOf(message.getGuildChannel(), message.getId()).map(thread -> new Event.MessageEdited(
                origin(thread, actor), DiscordHistory.message(message)));
    }

    /**
     * Messages deleted in a thread, one or in bulk, or the message a thread was started from; empty for other
     * messages.
     */
    static Optional<Event.ThreadActivity> deleted(GuildChannel channel, List<String> messageIds, Actor nobody) {
        Optional<ThreadChannel> thread = channel instanceof ThreadChannel t ? Optional.of(t)
                : messageIds.stream().map(id -> threadOf(channel, id)).flatMap(Optional::stream).findFirst();
        return thread.map(t -> new Event.MessagesDeleted(origin(t, nobody), messageIds));
    }

    /**
     * The thread a message belongs to: its channel, or for a message of a text channel that a thread was started
     * from, that thread (it has the message's id; known while it is active). The history reads that message as
     * the thread's first ({@link DiscordHistory}), so its edits and deletion count there.
     */
    private static Optional<ThreadChannel> threadOf(GuildChannel channel, String messageId) {
        if (channel instanceof ThreadChannel thread) return Optional.of(thread);
        ThreadChannel started = channel.getGuild().getThreadChannelById(messageId);
        return started != null && started.getParentChannel().getId().equals(channel.getId())
                ? Optional.of(started) : Optional.empty();
    }

    private static Origin origin(ThreadChannel thread, Actor actor) {
        return new Origin(thread.getGuild().getId(), thread.getId(), thread.getParentChannel().getId(), actor);
    }
}
