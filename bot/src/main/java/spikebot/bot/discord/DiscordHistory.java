package spikebot.bot.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.forums.ForumTag;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.pagination.MessagePaginationAction;
import net.dv8tion.jda.api.requests.restaction.pagination.PaginationAction;
import net.dv8tion.jda.api.requests.restaction.pagination.ThreadChannelPaginationAction;
import spikebot.bot.core.ThreadHistory;
import spikebot.knowledge.discussion.DiscussionMessage;
import spikebot.knowledge.discussion.DiscussionThread;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Past threads and their messages, read from Discord's REST API through JDA. JDA paces every request by its rate
 * limit bucket (it queues and waits on a 429), and messages are read no faster than {@link #REQUESTS_PER_SECOND}
 * (Discord's global limit, which JDA only learns of from a 429), so the calls here block, sometimes long: the core
 * never calls them under a guild's lock. Safe to call from several threads at once (an import reads a few threads
 * at a time): JDA's REST client is, and what is kept here is a concurrent map.
 *
 * <p>Threads of a channel come from three places, as Discord keeps them: the guild's active threads (one call for
 * the whole guild, filtered to the channel), the archived public threads, and the archived private threads, all
 * of them when the bot may Manage Threads there, else only those it has joined (Discord's limit). JDA pages the
 * archived lists 100 at a time, {@code before} the oldest archive time (the id for joined ones) until a page comes
 * back empty; it does not read Discord's {@code has_more}, so each list costs one request more than needed.
 *
 * <p>Messages are read with {@code after}, which Discord answers newest first: JDA's forward pagination reverses
 * each page, so they come oldest first. Bot, webhook and system messages are left out; since a page may then hold
 * fewer than asked, more pages are read until the limit is met or Discord has no more. A thread started from a
 * message of a text channel opens with a system message (type 21) that stands for that message: the message
 * itself, which lives in the parent channel and has the thread's id, takes its place.
 */
final class DiscordHistory implements ThreadHistory {
    /**
     * History read at most this many requests a second, evenly spaced (see {@link RequestPace}): four fifths of
     * Discord's global limit, the rest left for the bot's answers while an import runs.
     */
    static final int REQUESTS_PER_SECOND = 40;

    private final JDA jda;
    private final RequestPace pace = new RequestPace(REQUESTS_PER_SECOND);
    private final ThreadDirectory directory;
    /**
     * Threads met in a listing, so that their messages can be read after Discord archived them: JDA forgets an
     * archived thread and offers no call to fetch one channel by id. At most the threads of the captured channels.
     */
    private final Map<String, ThreadChannel> listed = new ConcurrentHashMap<>();

    DiscordHistory(JDA jda, ThreadDirectory directory) {
        this.jda = jda;
        this.directory = directory;
    }

    @Override
    public List<DiscussionThread> threads(String guildId, String channelId) throws IOException {
        Guild guild = jda.getGuildById(guildId);
        GuildChannel channel = guild == null ? null : guild.getGuildChannelById(channelId);
        if (!(channel instanceof IThreadContainer container)) return List.of();
        Map<String, ThreadChannel> threads = new LinkedHashMap<>();
        try {
            for (ThreadChannel t : guild.retrieveActiveThreads().complete()) {
                if (t.getParentChannel().getId().equals(channelId)) threads.put(t.getId(), t);
            }
            addAll(threads, container.retrieveArchivedPublicThreadChannels());
            if (channel instanceof TextChannel) { // forums and announcement channels have no private threads
                boolean manages = guild.getSelfMember().hasPermission(channel, Permission.MANAGE_THREADS);
                addAll(threads, manages ? container.retrieveArchivedPrivateThreadChannels()
                        : container.retrieveArchivedPrivateJoinedThreadChannels());
            }
        } catch (RuntimeException e) {
            throw new IOException("cannot list the threads of #" + channel.getName() + ": " + Failures.reason(e), e);
        }
        listed.putAll(threads);
        directory.rememberAll(threads.values());
        return threads.values().stream().map(DiscordHistory::thread).toList();
    }

    /**
     * Every page of an archived list; a thread already seen (it moved between lists meanwhile) is kept once. A
     * thread met twice in the same list means Discord answered a page again: the list ends there rather than loop.
     */
    private static void addAll(Map<String, ThreadChannel> into, ThreadChannelPaginationAction pages) {
        Set<String> thisList = new HashSet<>();
        pages.cache(false).forEachRemaining(t -> {
            if (!thisList.add(t.getId())) return false;
            into.putIfAbsent(t.getId(), t);
            return true;
        });
    }

    @Override
    public List<DiscussionMessage> messages(String guildId, String threadId, String after, int limit)
            throws IOException {
        if (limit < 1 || limit > PAGE) throw new IllegalArgumentException("limit must be 1 to " + PAGE);
        ThreadChannel thread = thread(guildId, threadId);
        List<DiscussionMessage> kept = new ArrayList<>();
        try {
            MessagePaginationAction pages = thread.getIterableHistory()
                    .order(PaginationAction.PaginationOrder.FORWARD).cache(false).limit(PAGE);
            if (after != null) pages.skipTo(Long.parseUnsignedLong(after));
            long newest = after == null ? 0 : Long.parseUnsignedLong(after);
            while (kept.size() < limit) {
                awaitTurn();
                List<Message> page = pages.complete();
                for (Message m : page) {
                    Message authored = authored(thread, m, after);
                    if (authored != null && kept.size() < limit) kept.add(message(authored));
                }
                // A full page that reaches no further than the last one would be read again and again: stop.
                if (page.size() < PAGE || Long.compareUnsigned(page.getLast().getIdLong(), newest) <= 0) break;
                newest = page.getLast().getIdLong();
            }
        } catch (NumberFormatException e) {
            throw new IOException("'" + after + "' is not a Discord message id");
        } catch (RuntimeException e) {
            throw new IOException("cannot read the messages of thread '" + thread.getName() + "': "
                    + Failures.reason(e), e);
        }
        return kept;
    }

    /**
     * The message as a person wrote it, or null for what is not part of a discussion. The thread-starter stand-in
     * becomes the message the thread was started from, unless the caller has read past it already.
     */
    private Message authored(ThreadChannel thread, Message m, String after) throws IOException {
        if (m.getType() == MessageType.THREAD_STARTER_MESSAGE) {
            if (after != null && Long.compareUnsigned(thread.getIdLong(), Long.parseUnsignedLong(after)) <= 0) {
                return null;
            }
            Message starter = m.getReferencedMessage() != null ? m.getReferencedMessage() : parentMessage(thread);
            return starter != null && byPerson(starter) ? starter : null;
        }
        return byPerson(m) ? m : null;
    }

    private Message parentMessage(ThreadChannel thread) throws IOException {
        awaitTurn();
        try {
            return thread.retrieveParentMessage().complete();
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE) return null; // deleted since
            throw e;
        }
    }

    /** Waits for the pace's turn; interrupted, the read stops. */
    private void awaitTurn() throws IOException {
        try {
            pace.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("stopped", e);
        }
    }

    /** A person's message: not a bot's or a webhook's, and not one of Discord's system notices. */
    static boolean byPerson(Message m) {
        return (m.getType() == MessageType.DEFAULT || m.getType() == MessageType.INLINE_REPLY)
                && !m.getAuthor().isBot() && !m.getAuthor().isSystem() && !m.isWebhookMessage();
    }

    /** A thread as the last listing met it, also once archived (JDA's cache then has it no more). */
    Optional<ThreadChannel> listed(String threadId) {
        return Optional.ofNullable(listed.get(threadId));
    }

    /** The thread to read: from JDA's cache while active, else as the last listing met it. */
    private ThreadChannel thread(String guildId, String threadId) throws IOException {
        Guild guild = jda.getGuildById(guildId);
        if (guild == null) throw new IOException("the bot is not in guild " + guildId);
        ThreadChannel thread = guild.getThreadChannelById(threadId);
        if (thread == null) thread = listed.get(threadId);
        if (thread == null) {
            throw new IOException("thread " + threadId + " is unknown: it was deleted, or the bot cannot see it, or "
                    + "it is archived and its channel was not listed since the bot started");
        }
        return thread;
    }

    /** A thread as the knowledge base describes it. */
    static DiscussionThread thread(ThreadChannel t) {
        IThreadContainer parent = t.getParentChannel();
        List<String> tags = t.getAppliedTags().stream().map(ForumTag::getName).toList();
        long last = t.getLatestMessageIdLong();
        return new DiscussionThread(t.getGuild().getId(), parent.getId(), parent.getName(), t.getId(), t.getName(),
                t.getTimeCreated().toInstant(), !t.isPublic(), tags, last == 0 ? null : Long.toUnsignedString(last));
    }

    /** A message as the knowledge base keeps it: the text as written (Markdown), replies and files by reference. */
    static DiscussionMessage message(Message m) {
        OffsetDateTime edited = m.getTimeEdited();
        String replyTo = m.getType() == MessageType.INLINE_REPLY && m.getMessageReference() != null
                ? m.getMessageReference().getMessageId() : null;
        List<DiscussionMessage.Attachment> files = m.getAttachments().stream()
                .map(a -> new DiscussionMessage.Attachment(a.getFileName(), a.getUrl())).toList();
        String author = m.getMember() != null ? m.getMember().getEffectiveName() : m.getAuthor().getEffectiveName();
        return new DiscussionMessage(m.getId(), m.getAuthor().getId(), author, m.getTimeCreated().toInstant(),
                edited == null ? null : edited.toInstant(), m.getContentRaw(), replyTo, files);
    }
}
