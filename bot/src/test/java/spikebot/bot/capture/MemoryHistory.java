package spikebot.bot.capture;

import spikebot.bot.core.ThreadHistory;
import spikebot.knowledge.discussion.DiscussionMessage;
import spikebot.knowledge.discussion.DiscussionThread;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A platform's thread history held in memory, paged the way Discord pages it ({@code after}, at most
 * {@link ThreadHistory#PAGE} a call), counting the calls so that tests can tell what an import read again.
 */
final class MemoryHistory implements ThreadHistory {
    private final Map<String, Map<String, DiscussionThread>> channels = new LinkedHashMap<>();
    private final Map<String, List<DiscussionMessage>> messages = new HashMap<>();
    final Map<String, Integer> messageCalls = new HashMap<>();
    int listings;
    /** Thrown by the next listing, e.g. a missing permission. */
    IOException refuseListing;
    private long ids = 1_000_000;

    synchronized String nextId() {
        return String.valueOf(++ids);
    }

    synchronized DiscussionThread thread(String parentId, String parentName, String name, Instant created,
                                         boolean privateThread, String... tags) {
        DiscussionThread thread = new DiscussionThread("g1", parentId, parentName, nextId(), name, created,
                privateThread, List.of(tags), null);
        channels.computeIfAbsent(parentId, c -> new LinkedHashMap<>()).put(thread.threadId(), thread);
        messages.put(thread.threadId(), new ArrayList<>());
        return thread;
    }

    /** Replaces how the thread is described (renamed, made private). */
    synchronized void describe(DiscussionThread thread) {
        channels.get(thread.parentId()).put(thread.threadId(), thread);
    }

    synchronized DiscussionMessage say(DiscussionThread thread, String authorId, String author, Instant at,
                                       String text) {
        DiscussionMessage message = new DiscussionMessage(nextId(), authorId, author, at, null, text, null, List.of());
        messages.get(thread.threadId()).add(message);
        return message;
    }

    synchronized DiscussionMessage edit(DiscussionThread thread, DiscussionMessage message, Instant at, String text) {
        DiscussionMessage edited = new DiscussionMessage(message.id(), message.authorId(), message.author(),
                message.posted(), at, text, message.replyTo(), message.attachments());
        List<DiscussionMessage> list = messages.get(thread.threadId());
        list.replaceAll(m -> m.id().equals(message.id()) ? edited : m);
        return edited;
    }

    synchronized void delete(DiscussionThread thread, String messageId) {
        messages.get(thread.threadId()).removeIf(m -> m.id().equals(messageId));
    }

    @Override
    public synchronized List<DiscussionThread> threads(String guildId, String channelId) throws IOException {
        listings++;
        if (refuseListing != null) {
            IOException refusal = refuseListing;
            refuseListing = null;
            throw refusal;
        }
        List<DiscussionThread> out = new ArrayList<>();
        for (DiscussionThread t : channels.getOrDefault(channelId, Map.of()).values()) {
            List<DiscussionMessage> list = messages.get(t.threadId());
            out.add(new DiscussionThread(t.guildId(), t.parentId(), t.parentName(), t.threadId(), t.name(),
                    t.created(), t.privateThread(), t.tags(), list.isEmpty() ? null : list.getLast().id()));
        }
        return out;
    }

    @Override
    public synchronized List<DiscussionMessage> messages(String guildId, String threadId, String after, int limit) {
        if (limit < 1 || limit > PAGE) throw new IllegalArgumentException("limit " + limit);
        messageCalls.merge(threadId, 1, Integer::sum);
        return messages.getOrDefault(threadId, List.of()).stream()
                .filter(m -> after == null || KeptThread.ID_ORDER.compare(m.id(), after) > 0).limit(limit).toList();
    }
}
