package spikebot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.bot.discord.spec.SpecReport;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static spikebot.bot.discord.fake.FakeWorld.JSON;

/**
 * The fake's REST API under {@code /api/v10/} (and the upgrade of {@code /gateway} to a websocket): users/@me,
 * gateway/bot, application commands, guild members, posting and editing messages, threads and forum posts, modify
 * channel (archive), joining threads, typing; reading (history, archived and active threads, thread members) and
 * deleting messages are {@link HistoryRoutes}; interactions and their webhooks {@link InteractionRoutes}. A wrong token
 * gets 401; an injected {@link Faults fault} comes first, then Discord's {@link RateLimits rate limits}; a request
 * over Discord's documented limits, or one that Discord's API description does not allow ({@link SpecReport}), gets
 * 400 "Invalid Form Body", as from Discord, and is reported as a violation; the fake's own answers are checked
 * against the description too. Every request is recorded in the {@link CallLog} (and, when asked, in the
 * {@link TrafficRecorder traffic recording}).
 */
final class RestRoutes extends Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RestRoutes.class);
    static final String API = "/api/v10/";

    private final FakeDiscord discord;
    private final FakeWorld world;
    private final CommandRegistry commands;
    private final InteractionRoutes interactions;
    private final CallLog calls;
    private final Faults faults;
    private final SpecReport spec = new SpecReport();
    private final RateLimits limits = new RateLimits();
    private final AtomicInteger requestsSeen = new AtomicInteger();
    private final HistoryRoutes history;

    RestRoutes(FakeDiscord discord, FakeWorld world, CommandRegistry commands, InteractionRoutes interactions,
               CallLog calls, Faults faults) {
        this.discord = discord;
        this.world = world;
        this.commands = commands;
        this.interactions = interactions;
        this.calls = calls;
        this.faults = faults;
        this.history = new HistoryRoutes(world, discord.botView());
    }

    /** How many requests the fake refused with 429 because a rate limit was exceeded (not injected faults). */
    int rateLimited() {
        return limits.refused();
    }

    SpecReport spec() {
        return spec;
    }

    int requestsSeen() {
        return requestsSeen.get();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requestsSeen.incrementAndGet();
        String target = request.getTarget();
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        String query = target.contains("?") ? target.substring(target.indexOf('?') + 1) : null;
        if (path.equals("/gateway") || path.equals("/gateway/")) {
            return new MockResponse.Builder().webSocketUpgrade(discord.gateway().newConnection(query == null ? ""
                    : query)).build();
        }
        if (!path.startsWith(API)) return error(404, 0, "404: Not Found");
        path = path.substring(API.length());
        String method = request.getMethod();
        if (!("Bot " + FakeDiscord.TOKEN).equals(request.getHeaders().get("Authorization"))) {
            calls.record(new RecordedCall(method, path, query, MissingNode.getInstance(), 401, System.nanoTime()));
            return error(401, 0, "401: Unauthorized");
        }
        JsonNode body = body(request);
        RecordedCall probe = new RecordedCall(method, path, query, body, 0, System.nanoTime());
        MockResponse response = faults.take(probe);
        if (response == null) response = limits.take(method, path);
        if (response == null) {
            Map<String, String> params = params(query);
            List<String> invalid = spec.request(method, path, params, body);
            try {
                response = !invalid.isEmpty() ? invalidFormBody(invalid) : route(method, path, params, body);
            } catch (RuntimeException | AssertionError e) {
                LOG.error("fake discord: failed to answer {} {}", method, path, e);
                response = error(400, 50035, "Invalid Form Body: " + e.getMessage());
            }
            response = limits.withHeaders(method, path, response);
            JsonNode answer = json(response);
            spec.response(method, path, response.getCode(), answer);
            TrafficRecorder.rest(discord.testName(), method, path, query, body, response.getCode(), answer);
        } else {
            TrafficRecorder.rest(discord.testName(), method, path, query, body, response.getCode(), json(response));
        }
        calls.record(new RecordedCall(method, path, query, body, response.getCode(), System.nanoTime()));
        return response;
    }

    /** The JSON of an answer, or a missing node when it has none. */
    private static JsonNode json(MockResponse response) {
        try {
            if (response.getBody() == null || response.getBody().getContentLength() == 0) {
                return MissingNode.getInstance();
            }
            Buffer buffer = new Buffer();
            response.getBody().writeTo(buffer);
            return JSON.readTree(buffer.readUtf8());
        } catch (IOException e) {
            throw new AssertionError("the fake's own answer is not JSON", e);
        }
    }

    /** The JSON sent: the body itself, or a multipart's {@code payload_json}; a missing node when none. */
    private static JsonNode body(RecordedRequest request) {
        if (request.getBody() == null || request.getBody().size() == 0) return MissingNode.getInstance();
        String type = request.getHeaders().get("Content-Type");
        try {
            if (type != null && type.startsWith("multipart/")) {
                String boundary = MediaType.get(type).parameter("boundary");
                try (MultipartReader reader = new MultipartReader(new Buffer().write(request.getBody()), boundary)) {
                    MultipartReader.Part part;
                    while ((part = reader.nextPart()) != null) {
                        String disposition = part.headers().get("Content-Disposition");
                        if (disposition != null && disposition.contains("name=\"payload_json\"")) {
                            return JSON.readTree(part.body().readUtf8());
                        }
                    }
                }
                return MissingNode.getInstance();
            }
            return JSON.readTree(request.getBody().string(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("unreadable request body", e);
        }
    }

    /**
     * Discord's 400 "Invalid Form Body" (50035); a bad query parameter is named under {@code errors}, as Discord
     * names it, the body's problems are listed in the message.
     */
    private static MockResponse invalidFormBody(List<String> invalid) {
        for (String wrong : invalid) {
            if (wrong.startsWith("query.")) {
                int colon = wrong.indexOf(':');
                return HistoryRoutes.invalidForm(wrong.substring(6, colon), "BASE_TYPE_INVALID",
                        wrong.substring(colon + 1).trim());
            }
        }
        return error(400, 50035, "Invalid Form Body: " + String.join("; ", invalid));
    }

    /** A query string's parameters, decoded; the last value of a repeated one. */
    private static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) return params;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            params.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private MockResponse route(String method, String path, Map<String, String> query, JsonNode body) {
        String[] p = path.split("/");
        String route = method + " " + path.replaceAll("\\d{6,}", "{id}");
        if (route.matches("POST interactions/\\{id}/[^/]+/callback")) return interactions.callback(p[2], body);
        if (route.matches("POST webhooks/\\{id}/[^/]+")) return interactions.followup(p[2], body);
        if (route.matches("(PATCH|GET|DELETE) webhooks/\\{id}/[^/]+/messages/.+")) {
            return interactions.webhookMessage(method, p[2], p[4], body);
        }
        return switch (route) {
            case "GET users/@me" -> ok(world.json().selfUserJson());
            case "GET gateway", "GET gateway/bot" -> {
                ObjectNode json = JSON.createObjectNode().put("url", discord.gatewayUrl()).put("shards", 1);
                json.putObject("session_start_limit").put("total", 1000).put("remaining", 1000)
                        .put("reset_after", 0).put("max_concurrency", 1);
                yield ok(json);
            }
            case "PUT applications/{id}/commands" -> ok(commands.overwrite(0, body));
            case "PUT applications/{id}/guilds/{id}/commands" -> ok(commands.overwrite(snowflake(p[3]), body));
            case "GET applications/{id}/commands" -> ok(commands.list(0));
            case "GET applications/{id}/guilds/{id}/commands" -> ok(commands.list(snowflake(p[3])));
            case "GET guilds/{id}/members/{id}" -> member(snowflake(p[1]), snowflake(p[3]));
            default -> {
                MockResponse read = history.route(route, p, query, body);
                yield read != null ? read : channelRoute(route, p, body);
            }
        };
    }

    private MockResponse channelRoute(String route, String[] p, JsonNode body) {
        return switch (route) {
            case "POST channels/{id}/messages" -> {
                long channelId = snowflake(p[1]);
                FakeWorld.Channel channel = world.channel(channelId);
                if (channel.isThread()) {
                    channel.lastActivity = world.clock().instant();
                    if (channel.archived) { // a message unarchives a thread that is not locked
                        world.threads().setArchived(channel, false, world.clock().instant());
                        discord.dispatch("THREAD_UPDATE", world.json().channelJson(channel));
                    }
                }
                ObjectNode message = world.json().messageJson(channelId, world.newId(), FakeWorld.BOT, body);
                if (channel.isThread()) channel.totalMessageSent.incrementAndGet();
                world.messages().remember(message);
                discord.botView().message("MESSAGE_CREATE", message);
                yield ok(message);
            }
            case "PATCH channels/{id}/messages/{id}" -> world.messages().find(snowflake(p[3]))
                    .map(m -> {
                        ObjectNode edited = world.messages().applyEdit(snowflake(p[3]), body, world.now());
                        discord.botView().message("MESSAGE_UPDATE", edited);
                        return ok(edited);
                    })
                    .orElseGet(() -> error(404, 10008, "Unknown Message"));
            case "POST channels/{id}/threads" -> createThread(snowflake(p[1]), body);
            case "POST channels/{id}/messages/{id}/threads" -> {
                FakeWorld.Channel thread = world.createThread(snowflake(p[1]), body.path("name").asText(),
                        FakeWorld.BOT.id(), false);
                discord.dispatch("THREAD_CREATE", world.json().channelJson(thread).put("newly_created", true));
                yield created(world.json().channelJson(thread));
            }
            case "PATCH channels/{id}" -> {
                FakeWorld.Channel channel = world.channel(snowflake(p[1]));
                if (body.has("archived")) {
                    world.threads().setArchived(channel, body.get("archived").asBoolean(), world.clock().instant());
                    channel.lastActivity = world.clock().instant();
                }
                ObjectNode json = world.json().channelJson(channel);
                discord.dispatch(channel.isThread() ? "THREAD_UPDATE" : "CHANNEL_UPDATE", json.deepCopy());
                yield ok(json);
            }
            case "GET channels/{id}" -> world.findChannel(snowflake(p[1]))
                    .map(c -> ok(world.json().channelJson(c))).orElseGet(() -> error(404, 10003, "Unknown Channel"));
            case "PUT channels/{id}/thread-members/@me" -> {
                discord.conversations().addMember(world.channel(snowflake(p[1])), FakeWorld.BOT);
                yield noContent();
            }
            case "PUT channels/{id}/thread-members/{id}" -> {
                world.channel(snowflake(p[1])).members.add(snowflake(p[3]));
                yield noContent();
            }
            case "GET channels/{id}/thread-members/{id}" -> threadMember(snowflake(p[1]), snowflake(p[3]));
            case "POST channels/{id}/typing" -> noContent();
            default -> error(404, 0, "404: Not Found (the fake has no route " + route + ")");
        };
    }

    /** A guild member, or Discord's 404 Unknown Member (10007) for someone not in the guild. */
    private MockResponse member(long guildId, long userId) {
        if (world.guilds().stream().noneMatch(g -> g.id() == guildId)) return error(404, 10004, "Unknown Guild");
        if (!world.members(guildId).contains(userId)) return error(404, 10007, "Unknown Member");
        return ok(world.json().memberJson(guildId, world.user(userId), true));
    }

    private MockResponse threadMember(long threadId, long userId) {
        FakeWorld.Channel thread = world.channel(threadId);
        if (!thread.members.contains(userId)) return error(404, 10007, "Unknown Member");
        ObjectNode json = world.json().threadMemberJson(thread, userId);
        json.set("member", world.json().memberJson(thread.guildId, world.user(userId), true));
        return ok(json);
    }

    private MockResponse createThread(long parentId, JsonNode body) {
        FakeWorld.Channel parent = world.channel(parentId);
        List<Long> applied = new java.util.ArrayList<>();
        body.path("applied_tags").forEach(t -> applied.add(snowflake(t.asText())));
        if (parent.type == FakeWorld.ChannelType.FORUM) {
            for (long tag : applied) {
                if (parent.tags.stream().noneMatch(t -> t.id() == tag)) {
                    return error(400, 50035, "Invalid Form Body: applied_tags: unknown tag " + tag);
                }
            }
            if (parent.requireTag && applied.isEmpty()) {
                return error(400, 40067, "A tag is required to create a forum post in this channel");
            }
        }
        boolean privateThread = body.path("type").asInt(11) == 12;
        FakeWorld.Channel thread = world.createThread(parentId, body.path("name").asText(), FakeWorld.BOT.id(),
                privateThread);
        thread.autoArchiveMinutes = body.path("auto_archive_duration").asInt(thread.autoArchiveMinutes);
        thread.appliedTags = List.copyOf(applied);
        ObjectNode json = world.json().channelJson(thread);
        if (parent.type == FakeWorld.ChannelType.FORUM) {
            JsonNode first = body.path("message");
            if (first.isMissingNode()) return error(400, 50035, "Invalid Form Body: a forum post needs a message");
            ObjectNode message = world.json().messageJson(thread.id, thread.id, FakeWorld.BOT, first);
            world.messages().remember(message);
            json.set("message", message);
        }
        discord.dispatch("THREAD_CREATE", world.json().channelJson(thread).put("newly_created", true));
        if (json.get("message") instanceof ObjectNode first) discord.botView().message("MESSAGE_CREATE", first);
        return created(json);
    }

    static long snowflake(String id) {
        return Long.parseUnsignedLong(id);
    }

    static MockResponse ok(JsonNode json) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(json.toString()).build();
    }

    static MockResponse created(JsonNode json) {
        return new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
                .body(json.toString()).build();
    }

    static MockResponse noContent() {
        return new MockResponse.Builder().code(204).build();
    }

    static MockResponse error(int status, int code, String message) {
        ObjectNode json = JSON.createObjectNode().put("message", message).put("code", code);
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(json.toString()).build();
    }
}
