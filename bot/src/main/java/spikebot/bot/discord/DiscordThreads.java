package spikebot.bot.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ForumChannel;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.forums.ForumPost;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.bot.core.Action;
import spikebot.bot.core.Event;
import spikebot.bot.core.Origin;

import java.time.Duration;

/**
 * Threads and the channels the core's actions name: opening a spike's thread (a forum post when the guild has a
 * spike forum), archiving it, and finding a channel to post in. Each call blocks until Discord has answered.
 */
final class DiscordThreads {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordThreads.class);
    /** How long a reminder waits for the guilds to come back after Discord invalidated the session. */
    private static final Duration RELOAD_WAIT = Duration.ofMinutes(2);

    private final JDA jda;
    private final DiscordSettings settings;
    private final ThreadDirectory directory;

    DiscordThreads(JDA jda, DiscordSettings settings, ThreadDirectory directory) {
        this.jda = jda;
        this.settings = settings;
        this.directory = directory;
    }

    /** Opens the thread and says how it went, as the event the core expects next. */
    Event open(Action.OpenThread t, Origin origin) {
        try {
            return create(t, origin);
        } catch (RuntimeException e) {
            LOG.warn("could not open thread '{}': {}", t.name(), Failures.reason(e));
            return new Event.ThreadFailed(origin, t.ref(), Failures.reason(e));
        }
    }

    private Event create(Action.OpenThread t, Origin origin) {
        String forumId = origin == null ? null : settings.spikeForum(origin.guildId());
        GuildChannel home = jda.getGuildChannelById(forumId != null ? forumId : t.channelId());
        if (home == null) throw new IllegalStateException("the channel is unknown or I cannot see it");
        if (home instanceof ForumChannel forum) {
            ForumPost post = forum.createForumPost(t.name(), Outbound.create(t.first())).complete();
            directory.remember(post.getThreadChannel());
            return new Event.ThreadOpened(origin, t.ref(), post.getThreadChannel().getId(),
                    post.getMessage().getId());
        }
        if (home instanceof TextChannel text) {
            ThreadChannel thread = text.createThreadChannel(t.name())
                    .setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_1_WEEK).complete();
            directory.remember(thread);
            Message first = thread.sendMessage(Outbound.create(t.first())).complete();
            if (origin != null) {
                thread.addThreadMemberById(origin.actor().id()).queue(null,
                        e -> LOG.debug("could not add the spike owner to its thread: {}", e.getMessage()));
            }
            return new Event.ThreadOpened(origin, t.ref(), thread.getId(), first.getId());
        }
        throw new IllegalStateException("threads cannot be opened in #" + home.getName());
    }

    void archive(String threadId) {
        ThreadChannel thread = jda.getThreadChannelById(threadId);
        if (thread == null) throw new IllegalStateException("thread " + threadId + " is unknown or already gone");
        directory.remember(thread);
        if (!thread.isArchived()) thread.getManager().setArchived(true).complete();
    }

    /**
     * The channel or thread to post in or edit in.
     *
     * @param scheduled for the core's scheduled work (reminders), which may wait for the guilds to come back
     */
    GuildMessageChannel channel(String channelId, boolean scheduled) {
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null && scheduled) channel = afterReload(channelId);
        if (channel == null) throw new IllegalStateException("channel " + channelId + " is unknown or I cannot see it");
        return channel;
    }

    /**
     * For a reminder: JDA forgets every guild while a session is re-established (after Discord invalidated it).
     * Nothing was sent yet, so waiting for the guilds to come back and looking again can only post it once.
     */
    private GuildMessageChannel afterReload(String channelId) {
        long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
        try {
            while (jda.getStatus() != JDA.Status.CONNECTED || jda.getGuildCache().isEmpty()) {
                if (System.nanoTime() > deadline || jda.getStatus().ordinal() >= JDA.Status.SHUTTING_DOWN.ordinal()) {
                    return null;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return jda.getChannelById(GuildMessageChannel.class, channelId);
    }
}
