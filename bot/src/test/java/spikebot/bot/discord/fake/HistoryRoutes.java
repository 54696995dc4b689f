package spikebot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.MockResponse;
import net.dv8tion.jda.api.Permission;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import spikebot.bot.discord.fake.FakeWorld.Channel;
import spikebot.bot.discord.fake.FakeWorld.ChannelType;
import spikebot.bot.discord.fake.MessageStore.Direction;

import static spikebot.bot.discord.fake.FakeWorld.BOT;
import static spikebot.bot.discord.fake.FakeWorld.JSON;
import static spikebot.bot.discord.fake.RestRoutes.error;
import static spikebot.bot.discord.fake.RestRoutes.noContent;
import static spikebot.bot.discord.fake.RestRoutes.ok;
import static spikebot.bot.discord.fake.RestRoutes.snowflake;

/**
 * The fake's routes for reading what was said, as Discord's documentation describes them: a channel's or thread's
 * message history ({@code before}, {@code after}, {@code around}, {@code limit} 1–100, default 50; newest first),
 * archived threads (public and private ordered by {@code archive_timestamp} with an ISO 8601 {@code before}, joined
 * private ones by id with a snowflake {@code before}; {@code limit} 2–100, {@code has_more}), a guild's active
 * threads, a thread's members; and deleting messages, one or in bulk (2–100, none older than 14 days). Missing
 * access answers as Discord does: an unknown channel 404 (10003), a channel the bot cannot view 403 Missing Access
 * (50001), a missing permission 403 Missing Permissions (50013), except that history without Read Message History
 * is an empty list, as documented.
 *
 * <p>Discord does not document a default {@code limit} for archived threads; the fake uses 50, as for history.
 * It does not say what happens when several of {@code before}, {@code after} and {@code around} are given (only
 * that they are mutually exclusive): the fake refuses such a request with 400.
 */
final class HistoryRoutes {
    private static final Duration BULK_DELETE_AGE = Duration.ofDays(14);
    private enum Archived { PUBLIC, PRIVATE, JOINED }

    private final FakeWorld world;
    private final BotView view;

    HistoryRoutes(FakeWorld world, BotView view) {
        this.world = world;
        this.view = view;
    }

    /** The answer to a route of this class; null for any other route. */
    MockResponse route(String route, String[] p, Map<String, String> query, JsonNode body) {
        return switch (route) {
            case "GET channels/{id}/messages" -> history(snowflake(p[1]), query);
            case "GET channels/{id}/messages/{id}" -> message(snowflake(p[1]), snowflake(p[3]));
            case "GET channels/{id}/threads/archived/public" -> archived(snowflake(p[1]), Archived.PUBLIC, query);
            case "GET channels/{id}/threads/archived/private" -> archived(snowflake(p[1]), Archived.PRIVATE, query);
            case "GET channels/{id}/users/@me/threads/archived/private" ->
                    archived(snowflake(p[1]), Archived.JOINED, query);
            case "GET guilds/{id}/threads/active" -> active(snowflake(p[1]));
            case "GET channels/{id}/thread-members" -> threadMembers(snowflake(p[1]), query);
            case "DELETE channels/{id}/messages/{id}" -> delete(snowflake(p[1]), snowflake(p[3]));
            case "POST channels/{id}/messages/bulk-delete" -> bulkDelete(snowflake(p[1]), body);
            default -> null;
        };
    }

    /** 404 for an unknown channel, 403 for one the bot cannot view; null when the bot may look. */
    private MockResponse refused(long channelId) {
        if (world.findChannel(channelId).isEmpty()) return error(404, 10003, "Unknown Channel");
        if (!world.canView(BOT.id(), channelId)) return error(403, 50001, "Missing Access");
        return null;
    }

    private boolean botMay(long channelId, Permission permission) {
        return world.permissions(BOT.id(), channelId).contains(permission);
    }

    private MockResponse history(long channelId, Map<String, String> query) {
        MockResponse refused = refused(channelId);
        if (refused != null) return refused;
        List<String> pivots = Stream.of("before", "after", "around").filter(query::containsKey).toList();
        if (pivots.size() > 1) {
            return invalidForm(pivots.get(1), "BASE_TYPE_INVALID", "before, after and around are exclusive");
        }
        Integer limit = limit(query, 1, 100, 50);
        if (limit == null) return invalidForm("limit", "NUMBER_TYPE_MAX", "Int value should be between 1 and 100.");
        ArrayNode page = JSON.createArrayNode();
        if (!botMay(channelId, Permission.MESSAGE_HISTORY)) return ok(page);
        Direction direction = pivots.isEmpty() ? Direction.LATEST
                : Direction.valueOf(pivots.get(0).toUpperCase(java.util.Locale.ROOT));
        long pivot = 0;
        if (!pivots.isEmpty()) {
            try {
                pivot = snowflake(query.get(pivots.get(0)));
            } catch (NumberFormatException e) {
                return invalidForm(pivots.get(0), "NUMBER_TYPE_COERCE", "Value is not snowflake.");
            }
        }
        for (ObjectNode message : world.messages().page(channelId, direction, pivot, limit)) {
            page.add(view.overRest(current(message)));
        }
        return ok(page);
    }

    /** One message, looked up in its own channel (a thread's starter message is in its parent, not in it). */
    private MockResponse message(long channelId, long messageId) {
        MockResponse refused = refused(channelId);
        if (refused != null) return refused;
        if (!botMay(channelId, Permission.MESSAGE_HISTORY)) return error(403, 50013, "Missing Permissions");
        return world.messages().find(messageId).filter(m -> m.get("channel_id").asLong() == channelId)
                .map(m -> ok(view.overRest(current(m)))).orElseGet(() -> error(404, 10008, "Unknown Message"));
    }

    /**
     * A stored message as it reads now: a reply's {@code referenced_message} is the answered message's current
     * state (null once deleted), and a message a thread was started from carries the thread.
     */
    private ObjectNode current(ObjectNode message) {
        JsonNode reference = message.path("message_reference");
        if (reference.has("message_id") && message.path("type").asInt() != 21) {
            message.set("referenced_message", world.messages().find(reference.get("message_id").asLong())
                    .map(m -> (JsonNode) m.without("referenced_message")).orElse(JSON.nullNode()));
        }
        long id = message.get("id").asLong();
        world.findChannel(id).filter(t -> t.isThread() && t.parentId == message.get("channel_id").asLong())
                .ifPresent(t -> message.set("thread", world.json().channelJson(t)));
        return message;
    }

    private MockResponse archived(long parentId, Archived kind, Map<String, String> query) {
        MockResponse refused = refused(parentId);
        if (refused != null) return refused;
        Channel parent = world.channel(parentId);
        if (parent.type != ChannelType.TEXT && parent.type != ChannelType.FORUM) {
            return error(400, 50024, "Cannot execute action on this channel type");
        }
        if (!botMay(parentId, Permission.MESSAGE_HISTORY)
                || kind == Archived.PRIVATE && !botMay(parentId, Permission.MANAGE_THREADS)) {
            return error(403, 50013, "Missing Permissions");
        }
        Integer limit = limit(query, 2, 100, 50);
        if (limit == null) return invalidForm("limit", "NUMBER_TYPE_MAX", "Int value should be between 2 and 100.");
        Stream<Channel> threads = world.threadsOf(parentId).stream().filter(t -> t.archived
                && (t.type == ChannelType.PRIVATE_THREAD) == (kind != Archived.PUBLIC));
        String before = query.get("before");
        if (kind == Archived.JOINED) {
            long beforeId;
            try {
                beforeId = before == null ? Long.MAX_VALUE : snowflake(before);
            } catch (NumberFormatException e) {
                return invalidForm("before", "NUMBER_TYPE_COERCE", "Value \"" + before + "\" is not snowflake.");
            }
            threads = threads.filter(t -> t.members.contains(BOT.id()) && Long.compareUnsigned(t.id, beforeId) < 0)
                    .sorted(Comparator.comparingLong((Channel t) -> t.id).reversed());
        } else {
            Instant until = before == null ? Instant.MAX : timestamp(before);
            if (until == null) return invalidForm("before", "DATE_TIME_TYPE_PARSE", "Could not parse " + before);
            threads = threads.filter(t -> t.archiveTimestamp.isBefore(until))
                    .sorted(Comparator.comparing((Channel t) -> t.archiveTimestamp)
                            .thenComparingLong(t -> t.id).reversed());
        }
        List<Channel> matching = threads.limit(limit + 1L).toList();
        ObjectNode json = threadList(matching.subList(0, Math.min(limit, matching.size())));
        json.put("has_more", matching.size() > limit);
        return ok(json);
    }

    /** ISO 8601 with or without an offset (JDA sends one without when it starts from Discord's epoch). */
    private static Instant timestamp(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    private MockResponse active(long guildId) {
        if (world.guilds().stream().noneMatch(g -> g.id() == guildId)) return error(404, 10004, "Unknown Guild");
        List<Channel> threads = world.threads().active(guildId).stream().filter(t -> world.canView(BOT.id(), t.id))
                .sorted(Comparator.comparingLong((Channel t) -> t.id).reversed()).toList();
        // Discord's documentation lists no has_more here; its API description requires one.
        return ok(threadList(threads).put("has_more", false));
    }

    /** Threads with the bot's thread member for each it joined: the body of every thread listing. */
    private ObjectNode threadList(List<Channel> threads) {
        ObjectNode json = JSON.createObjectNode();
        ArrayNode list = json.putArray("threads");
        ArrayNode members = json.putArray("members");
        for (Channel thread : threads) {
            list.add(world.json().channelJson(thread));
            if (thread.members.contains(BOT.id())) members.add(world.json().threadMemberJson(thread, BOT.id()));
        }
        return json;
    }

    private MockResponse threadMembers(long threadId, Map<String, String> query) {
        MockResponse refused = refused(threadId);
        if (refused != null) return refused;
        Channel thread = world.channel(threadId);
        boolean withMember = Boolean.parseBoolean(query.getOrDefault("with_member", "false"));
        Integer limit = limit(query, 1, 100, 100);
        if (limit == null) return invalidForm("limit", "NUMBER_TYPE_MAX", "Int value should be between 1 and 100.");
        long after = Long.parseUnsignedLong(query.getOrDefault("after", "0"));
        ArrayNode list = JSON.createArrayNode();
        // Paginated only with with_member (Discord's v10 behaviour); the ids sort as snowflakes do.
        thread.members.stream().sorted(Long::compareUnsigned)
                .filter(u -> !withMember || Long.compareUnsigned(u, after) > 0)
                .limit(withMember ? limit : Long.MAX_VALUE).forEach(u -> {
                    ObjectNode member = world.json().threadMemberJson(thread, u);
                    if (withMember) member.set("member", world.json().memberJson(thread.guildId, world.user(u), true));
                    list.add(member);
                });
        return ok(list);
    }

    private MockResponse delete(long channelId, long messageId) {
        MockResponse refused = refused(channelId);
        if (refused != null) return refused;
        ObjectNode message = world.messages().find(messageId)
                .filter(m -> m.get("channel_id").asLong() == channelId).orElse(null);
        if (message == null) return error(404, 10008, "Unknown Message");
        boolean own = message.path("author").path("id").asLong() == BOT.id();
        if (!own && !botMay(channelId, Permission.MESSAGE_MANAGE)) return error(403, 50013, "Missing Permissions");
        world.messages().forget(messageId);
        view.deleted("MESSAGE_DELETE", channelId, world.json().deletedJson(channelId, messageId));
        return noContent();
    }

    private MockResponse bulkDelete(long channelId, JsonNode body) {
        MockResponse refused = refused(channelId);
        if (refused != null) return refused;
        if (!botMay(channelId, Permission.MESSAGE_MANAGE)) return error(403, 50013, "Missing Permissions");
        List<Long> ids = new java.util.ArrayList<>();
        body.path("messages").forEach(m -> ids.add(snowflake(m.asText())));
        Set<Long> unique = new HashSet<>(ids);
        if (unique.size() != ids.size()) return invalidForm("messages", "BASE_TYPE_INVALID", "Duplicate ids");
        Instant oldest = world.clock().instant().minus(BULK_DELETE_AGE);
        if (ids.stream().anyMatch(id -> FakeWorld.createdAt(id).isBefore(oldest))) {
            return error(400, 50034, "You can only bulk delete messages that are under 14 days old.");
        }
        List<Long> existing = world.messages().existing(channelId, ids);
        existing.forEach(world.messages()::forget);
        if (!existing.isEmpty()) {
            view.deleted("MESSAGE_DELETE_BULK", channelId, world.json().bulkDeletedJson(channelId, existing));
        }
        return noContent();
    }

    /** The {@code limit} asked for, its default when none; null when it is no integer in [min, max]. */
    private static Integer limit(Map<String, String> query, int min, int max, int fallback) {
        String given = query.get("limit");
        if (given == null) return fallback;
        try {
            int limit = Integer.parseInt(given);
            return limit < min || limit > max ? null : limit;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Discord's 400 for a bad field: "Invalid Form Body" (50035) with the field's error under {@code errors}. */
    static MockResponse invalidForm(String field, String code, String message) {
        ObjectNode json = JSON.createObjectNode().put("message", "Invalid Form Body").put("code", 50035);
        json.putObject("errors").putObject(field).putArray("_errors").addObject().put("code", code)
                .put("message", message);
        return new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
                .body(json.toString()).build();
    }
}
