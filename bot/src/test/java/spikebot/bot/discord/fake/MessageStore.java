package spikebot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The fake world's messages, as Discord returns them, kept per channel in id order: a history page is a slice of
 * one channel's map, so paging a fake guild of tens of thousands of messages costs what a page costs, not a scan.
 * Deleted messages are kept apart in their last state, so that a test can still read an answer the bot removed.
 *
 * <p>Paging follows Discord's "Get Channel Messages": a page is newest first whatever the direction; {@code before}
 * and {@code after} exclude the message named; {@code after} gives the messages just after it (the oldest of them),
 * {@code before} those just before it. {@code around} is not described by Discord beyond "around this message"; the
 * fake gives the message itself (if it exists) with up to {@code limit / 2} older ones and fills the rest with newer
 * ones, never borrowing from the other side (so near either end a page is shorter than {@code limit}). Ephemeral
 * messages (flag 64) are only ever seen by the user they were for: they are in no history.
 */
final class MessageStore {
    /** Channel id → message id → message. */
    private final Map<Long, ConcurrentSkipListMap<Long, ObjectNode>> byChannel = new ConcurrentHashMap<>();
    private final Map<Long, Long> channelOf = new ConcurrentHashMap<>();
    private final Map<Long, ObjectNode> deleted = new ConcurrentHashMap<>();
    private final WorldJson json;

    MessageStore(WorldJson json) {
        this.json = json;
    }

    /** Stores a message (new, or its new state after an edit). */
    void remember(ObjectNode message) {
        long id = message.get("id").asLong();
        long channelId = message.get("channel_id").asLong();
        channelOf.put(id, channelId);
        byChannel.computeIfAbsent(channelId, c -> new ConcurrentSkipListMap<>(Long::compareUnsigned)).put(id, message);
    }

    /** Deletes a message; returns it as it was, when there was one. */
    Optional<ObjectNode> forget(long messageId) {
        Long channelId = channelOf.remove(messageId);
        if (channelId == null) return Optional.empty();
        ObjectNode gone = byChannel.get(channelId).remove(messageId);
        if (gone != null) deleted.put(messageId, gone);
        return Optional.ofNullable(gone);
    }

    /** Deletes every message of a channel (a deleted thread takes its messages along). */
    void forgetChannel(long channelId) {
        NavigableMap<Long, ObjectNode> gone = byChannel.remove(channelId);
        if (gone == null) return;
        gone.forEach((id, message) -> {
            channelOf.remove(id);
            deleted.put(id, message);
        });
    }

    Optional<ObjectNode> find(long id) {
        Long channelId = channelOf.get(id);
        if (channelId == null) return Optional.empty();
        return Optional.ofNullable(byChannel.get(channelId).get(id)).map(ObjectNode::deepCopy);
    }

    /** A message in its last state, even if it was deleted since (a placeholder the bot removed, say). */
    Optional<ObjectNode> lastSeen(long id) {
        return find(id).or(() -> Optional.ofNullable(deleted.get(id)).map(ObjectNode::deepCopy));
    }

    /** A channel's messages, oldest first, ephemeral ones included (what the bot posted, as a test reads it). */
    List<ObjectNode> inChannel(long channelId) {
        NavigableMap<Long, ObjectNode> messages = byChannel.get(channelId);
        if (messages == null) return List.of();
        return messages.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /** How many messages a channel holds now, leaving out ephemeral ones and a thread's starter notice (21). */
    int count(long channelId) {
        NavigableMap<Long, ObjectNode> messages = byChannel.get(channelId);
        if (messages == null) return 0;
        return (int) messages.values().stream().filter(m -> !ephemeral(m) && m.path("type").asInt() != 21).count();
    }

    /** The newest message's id in a channel (Discord's {@code last_message_id}), 0 when there is none. */
    long latest(long channelId) {
        ConcurrentSkipListMap<Long, ObjectNode> messages = byChannel.get(channelId);
        if (messages == null) return 0;
        return messages.descendingMap().values().stream().filter(m -> !ephemeral(m)).findFirst()
                .map(m -> m.get("id").asLong()).orElse(0L);
    }

    /** Which of these message ids exist in this channel now. */
    List<Long> existing(long channelId, List<Long> ids) {
        NavigableMap<Long, ObjectNode> messages = byChannel.getOrDefault(channelId, new ConcurrentSkipListMap<>());
        return ids.stream().filter(messages::containsKey).toList();
    }

    /** The pivot of a history request: at most one of before, after and around; 0 when none was given. */
    enum Direction { LATEST, BEFORE, AFTER, AROUND }

    /** One page of a channel's history, newest first (copies), as Discord's "Get Channel Messages" returns it. */
    List<ObjectNode> page(long channelId, Direction direction, long pivot, int limit) {
        NavigableMap<Long, ObjectNode> all = byChannel.get(channelId);
        if (all == null) return List.of();
        List<ObjectNode> page = new ArrayList<>(limit);
        switch (direction) {
            case LATEST -> take(all.descendingMap().values(), limit, page);
            case BEFORE -> take(all.headMap(pivot, false).descendingMap().values(), limit, page);
            case AFTER -> {
                take(all.tailMap(pivot, false).values(), limit, page);
                java.util.Collections.reverse(page);
            }
            case AROUND -> {
                take(all.tailMap(pivot, true).values(), limit - limit / 2, page);
                java.util.Collections.reverse(page);
                take(all.headMap(pivot, false).descendingMap().values(), limit / 2, page);
            }
        }
        return page;
    }

    private static void take(Iterable<ObjectNode> from, int limit, List<ObjectNode> into) {
        int taken = 0;
        for (ObjectNode message : from) {
            if (taken == limit) return;
            if (ephemeral(message)) continue;
            into.add(message.deepCopy());
            taken++;
        }
    }

    private static boolean ephemeral(JsonNode message) {
        return (message.path("flags").asInt(0) & 64) != 0;
    }

    /** Applies an edit (content, components, embeds) to a message; "thinking…" ends, visibility stays. */
    ObjectNode applyEdit(long messageId, JsonNode body, String now) {
        ObjectNode message = find(messageId).orElseThrow();
        if (body.has("content")) message.set("content", body.get("content").deepCopy());
        if (body.has("components")) {
            ArrayNode components = body.get("components").deepCopy();
            WorldJson.numberComponents(components, new int[]{0});
            message.set("components", components);
        }
        if (body.has("embeds")) {
            message.set("embeds", json.messageJson(message.get("channel_id").asLong(), messageId, FakeWorld.BOT, body)
                    .get("embeds"));
        }
        message.put("flags", message.path("flags").asInt(0) & ~128);
        message.put("edited_timestamp", now);
        remember(message);
        return message.deepCopy();
    }
}
