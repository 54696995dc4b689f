package spikebot.bot.discord.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import spikebot.bot.discord.fake.FakeWorld.Channel;
import spikebot.bot.discord.fake.FakeWorld.ChannelType;

/**
 * The fake world's threads and forum posts: made, archived (by Discord after their inactivity period, or by
 * someone), deleted with their messages, and listed. They live among the world's channels, as in Discord, where a
 * thread is a channel.
 */
final class ThreadStore {
    private final FakeWorld world;
    private final Map<Long, Channel> channels;
    private final MessageStore messages;

    ThreadStore(FakeWorld world, Map<Long, Channel> channels, MessageStore messages) {
        this.world = world;
        this.channels = channels;
        this.messages = messages;
    }

    /**
     * A thread with this id (one started from a message shares the message's id, a forum post its first
     * message's) created at this time; its creator is its first member, as in Discord.
     */
    Channel add(long id, long parentId, String name, long ownerId, boolean privateThread, Instant at) {
        Channel parent = world.channel(parentId);
        Channel thread = new Channel(id, parent.guildId, privateThread ? ChannelType.PRIVATE_THREAD
                : ChannelType.PUBLIC_THREAD, name, parentId, ownerId, List.of());
        thread.lastActivity = at;
        thread.archiveTimestamp = at;
        thread.createdAt = at;
        thread.members.add(ownerId);
        channels.put(thread.id, thread);
        return thread;
    }

    /** Deletes a thread and its messages. */
    void remove(long threadId) {
        channels.remove(threadId);
        messages.forgetChannel(threadId);
    }

    /**
     * Threads whose auto-archive duration has passed without a message by {@code now}, now archived (as Discord
     * does on its own). Returns them, for the THREAD_UPDATE each is announced with.
     */
    List<Channel> archiveIdle(Instant now) {
        List<Channel> archived = new ArrayList<>();
        for (Channel c : channels.values()) {
            Instant due = c.isThread() ? c.lastActivity.plus(Duration.ofMinutes(c.autoArchiveMinutes)) : null;
            if (due != null && !c.archived && !due.isAfter(now)) {
                setArchived(c, true, due);
                archived.add(c);
            }
        }
        return archived;
    }

    /**
     * Archives or unarchives a thread at this moment, its {@code archive_timestamp}. Archived threads of one parent
     * are kept a millisecond apart: the fake's clock stands still while a test archives many threads, and Discord
     * pages them by that timestamp (exclusive {@code before}), which in real time never ties.
     */
    synchronized void setArchived(Channel thread, boolean archived, Instant at) {
        Instant stamp = at;
        if (archived) {
            Set<Instant> taken = new HashSet<>();
            for (Channel c : of(thread.parentId)) {
                if (c != thread && c.archived) taken.add(c.archiveTimestamp);
            }
            while (taken.contains(stamp)) stamp = stamp.plusMillis(1);
        }
        thread.archiveTimestamp = stamp;
        thread.archived = archived;
    }

    /** A guild's threads that are not archived, oldest first: what GUILD_CREATE lists. */
    List<Channel> active(long guildId) {
        return channels.values().stream().filter(c -> c.guildId == guildId && c.isThread() && !c.archived)
                .sorted(Comparator.comparingLong(c -> c.id)).toList();
    }

    /** The threads (and forum posts) created under a channel, oldest first. */
    List<Channel> of(long parentId) {
        return channels.values().stream().filter(c -> c.isThread() && c.parentId == parentId)
                .sorted(Comparator.comparingLong(c -> c.id)).toList();
    }
}
