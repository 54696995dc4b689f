package spikebot.bot.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ForumChannel;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.forums.ForumPost;
import net.dv8tion.jda.api.entities.channel.forums.ForumTag;
import net.dv8tion.jda.api.entities.channel.forums.ForumTagSnowflake;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.bot.core.Action;
import spikebot.bot.core.Event;
import spikebot.bot.core.Origin;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
    /**
     * Threads the bot unarchived, until JDA has them again: JDA learns of an unarchived thread from the gateway's
     * THREAD_UPDATE, which may come after the bot's next action in that thread (the summary, then the card).
     */
    private final Map<String, ThreadChannel> reopened = new ConcurrentHashMap<>();

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
            var create = forum.createForumPost(t.name(), Outbound.create(t.first()));
            ForumTag tag = spikeTag(forum, origin == null ? null : settings.spikeTag(origin.guildId()));
            if (tag != null) create.setTags(ForumTagSnowflake.fromId(tag.getIdLong()));
            ForumPost post = create.complete();
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

    /**
     * The tag for a spike post: the configured one, else one named "spike" (case aside). A forum that requires a
     * tag refuses a post without one, so when none fits, nothing is created and the admin is told what to do.
     */
    private static ForumTag spikeTag(ForumChannel forum, String configured) {
        String wanted = configured != null ? configured : "spike";
        ForumTag tag = forum.getAvailableTags().stream().filter(t -> t.getName().equalsIgnoreCase(wanted))
                .findFirst().orElse(null);
        if (tag == null && forum.isTagRequired()) {
            String existing = forum.getAvailableTags().stream().map(ForumTag::getName).toList().toString();
            throw new IllegalStateException("the forum #" + forum.getName() + " requires a tag on each post and has "
                    + "no tag named '" + wanted + "' (its tags: " + existing + "). An admin can add a tag named '"
                    + wanted + "' to the forum (Edit Channel → Tags)" + (configured == null
                    ? " or set spike-tag in the bot's config to one of its tags" : " or change spike-tag in the "
                    + "bot's config"));
        }
        if (tag == null && configured != null) {
            LOG.warn("forum #{} has no tag named '{}' (spike-tag): spike posts go without a tag", forum.getName(),
                    configured);
        }
        return tag;
    }

    /** Archives a thread; one that Discord archived already (and JDA forgot) is left as it is. */
    void archive(String threadId) {
        ThreadChannel cached = jda.getThreadChannelById(threadId);
        if (cached != null) {
            reopened.remove(threadId);
            directory.remember(cached);
            if (!cached.isArchived()) cached.getManager().setArchived(true).complete();
            return;
        }
        ThreadChannel reopenedThread = reopened.remove(threadId);
        if (reopenedThread != null) {
            reopenedThread.getManager().setArchived(true).complete();
            return;
        }
        if (findArchived(threadId).isEmpty()) {
            throw new IllegalStateException("thread " + threadId + " is unknown or already gone");
        }
    }

    /**
     * The channel or thread to post in or edit in. A thread Discord archived after its inactivity period is not in
     * JDA's cache (JDA drops a thread when it is archived, and the gateway does not list archived threads at
     * start): it is found through REST, in its parent's archived threads (the {@link ThreadDirectory} knows the
     * parent), and unarchived, since Discord refuses edits in an archived thread. Unarchiving needs Manage
     * Threads in a locked thread only; the bot's spike threads are never locked.
     *
     * @param scheduled for the core's scheduled work (reminders), which may wait for the guilds to come back
     */
    GuildMessageChannel channel(String channelId, boolean scheduled) {
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, channelId);
        if (channel != null) reopened.remove(channelId);
        if (channel == null && scheduled) channel = afterReload(channelId);
        if (channel == null) channel = reopened.get(channelId);
        if (channel == null) channel = findArchived(channelId).map(this::unarchive).orElse(null);
        if (channel == null) throw new IllegalStateException("channel " + channelId + " is unknown or I cannot see it");
        return channel;
    }

    private Optional<ThreadChannel> findArchived(String threadId) {
        var located = directory.locate(threadId);
        if (located.isEmpty()) return Optional.empty();
        Guild guild = jda.getGuildById(located.get().guildId());
        GuildChannel parent = guild == null ? null : guild.getGuildChannelById(located.get().entry().parentId());
        if (!(parent instanceof IThreadContainer container)) return Optional.empty();
        var archived = located.get().entry().isPublic() ? container.retrieveArchivedPublicThreadChannels()
                : container.retrieveArchivedPrivateThreadChannels();
        try (var threads = archived.stream()) {
            return threads.filter(t -> t.getId().equals(threadId)).findFirst();
        }
    }

    private ThreadChannel unarchive(ThreadChannel thread) {
        LOG.info("unarchiving thread {} in #{} to post in it", thread.getId(), thread.getParentChannel().getName());
        thread.getManager().setArchived(false).complete();
        reopened.put(thread.getId(), thread);
        return thread;
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
