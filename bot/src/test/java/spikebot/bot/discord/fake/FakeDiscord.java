package spikebot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.SessionController;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.annotation.Nonnull;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static spikebot.bot.discord.fake.FakeWorld.JSON;
import static spikebot.bot.discord.fake.FakeWorld.id;

/**
 * A fake Discord on 127.0.0.1 for end-to-end tests with the real JDA client: the REST API under
 * {@code /api/v10/} and the gateway (a websocket at {@code /gateway}, JSON encoding, no compression), both on one
 * local port. Tests point JDA at it with {@link #restConfig()} and {@link #sessionController()}.
 *
 * <p>What it does:
 * <ul>
 *   <li>Gateway: HELLO, IDENTIFY → READY + GUILD_CREATE (roles, channels with permission overwrites, a forum,
 *       members, active threads), heartbeats and their ACKs, RESUME with replay of what was missed, THREAD_CREATE /
 *       THREAD_UPDATE after the bot's REST calls. Faults: {@link #dropConnection} (TCP reset, session kept),
 *       {@link #requestReconnect} (op 7), {@link #invalidateSession} (op 9), {@link #refuseMessageContentIntent}
 *       (close 4014).</li>
 *   <li>Users act: {@link #slash}, {@link #autocomplete}, {@link #click}, {@link #select}, {@link #submitModal},
 *       {@link #messageCommand} (INTERACTION_CREATE, with the member's permissions in that channel) and
 *       {@link #post} (MESSAGE_CREATE with mentions), {@link #openThread} (THREAD_CREATE; private threads keep
 *       their members). Slash commands and their options must have been registered by
 *       the bot and are typed from that registration; buttons and menus must be on a message the bot posted; a
 *       modal's fields come from the modal the bot showed. {@link #forgeClick} and {@link #forgeModal} send what a
 *       modified client could: any custom id.</li>
 *   <li>REST, recorded in {@link #calls()} with arrival time and awaited with {@link #await}: users/@me,
 *       gateway/bot, PUT/GET application commands (global and per guild), interaction callbacks (types 4 to 9,
 *       {@code with_response}), follow-ups and edits of the original (webhooks), send / get / edit message, create
 *       thread and forum post, thread from message, modify channel (archive), join thread, get a thread member,
 *       typing. The messages and
 *       threads the bot makes are kept ({@link #messagesIn}, {@link #current}, {@link FakeWorld#threadsOf}).
 *       Faults: {@link #failNext} answers the next matching request with 429 ({@code retry_after}, Discord's
 *       headers) or any 5xx. A wrong token gets 401. A message over Discord's size limits (content, embeds,
 *       components: {@link MessageLimits}) gets 400 "Invalid Form Body", as from Discord.</li>
 * </ul>
 */
public final class FakeDiscord implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FakeDiscord.class);
    public static final String TOKEN = "fake-bot-token";
    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static final String API = "/api/v10/";

    private final MockWebServer server = new MockWebServer();
    private final TrackedSockets sockets = new TrackedSockets();
    private final FakeWorld world = new FakeWorld();
    private final FakeGateway gateway = new FakeGateway(this);
    private final List<RecordedCall> calls = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    /** Registered commands by name: global ones under key 0, guild ones under the guild id. */
    private final Map<Long, Map<String, ObjectNode>> commands = new ConcurrentHashMap<>();
    private final Map<String, FakeInteraction> interactions = new ConcurrentHashMap<>();
    private final AtomicInteger requestsSeen = new AtomicInteger();
    private volatile JsonNode identify;

    private record Fault(Predicate<RecordedCall> matches, int status, double retryAfterSeconds) {
    }

    private FakeDiscord() {
    }

    /** Starts the fake on a free local port. */
    public static FakeDiscord start() throws IOException {
        FakeDiscord discord = new FakeDiscord();
        discord.server.setDispatcher(discord.new Routes());
        discord.server.setServerSocketFactory(discord.sockets);
        discord.server.start(InetAddress.getLoopbackAddress(), 0);
        return discord;
    }

    public FakeWorld world() {
        return world;
    }

    /** JDA's REST settings that point at the fake. */
    public RestConfig restConfig() {
        return new RestConfig().setBaseUrl(server.url(API).toString());
    }

    public String gatewayUrl() {
        return "ws://" + server.getHostName() + ":" + server.getPort() + "/gateway";
    }

    /** JDA's session controller that points at the fake gateway and connects at once (no 5-second delay). */
    public SessionController sessionController() {
        return new SessionControllerAdapter() {
            @Nonnull
            @Override
            public String getGateway() {
                return gatewayUrl();
            }

            @Override
            protected void runWorker() {
                synchronized (lock) {
                    if (workerHandle == null) {
                        workerHandle = new QueueWorker(0L);
                        workerHandle.start();
                    }
                }
            }
        };
    }

    /** The IDENTIFY payload the client sent last (token, intents, properties). */
    public JsonNode identify() {
        return identify;
    }

    void identified(JsonNode d) {
        identify = d;
    }

    // ---- the gateway

    /** Waits until the client has a ready session (after READY or a RESUMED). */
    public void awaitGatewayReady() throws InterruptedException {
        gateway.awaitReady(TIMEOUT.toMillis());
    }

    /** Sends any dispatch event, e.g. {@code MESSAGE_CREATE}. */
    public void dispatch(String type, ObjectNode data) {
        gateway.dispatch(type, data);
    }

    /**
     * Cuts every open TCP connection (gateway and REST) without a close frame, as a network failure would; the
     * session stays resumable.
     */
    public void dropConnection() {
        gateway.dropped();
        sockets.cutAll();
    }

    public void requestReconnect() {
        gateway.requestReconnect();
    }

    public void invalidateSession(boolean resumable) {
        gateway.invalidateSession(resumable);
    }

    /** IDENTIFY with the MESSAGE_CONTENT intent is closed with 4014, as when the intent is not enabled. */
    public void refuseMessageContentIntent() {
        gateway.refuseMessageContent();
    }

    public int identifies() {
        return gateway.identifies();
    }

    public int resumes() {
        return gateway.resumes();
    }

    public int heartbeats() {
        return gateway.heartbeats();
    }

    // ---- recorded REST calls

    public List<RecordedCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public List<RecordedCall> calls(Predicate<RecordedCall> filter) {
        return calls().stream().filter(filter).toList();
    }

    /** Waits for the first recorded call that matches, however long ago it came, up to {@link #TIMEOUT}. */
    public RecordedCall await(Predicate<RecordedCall> filter) {
        return awaitCount(filter, 1).get(0);
    }

    /** Waits until at least {@code count} recorded calls match; returns them all. */
    public List<RecordedCall> awaitCount(Predicate<RecordedCall> filter, int count) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int checked = 0;
        List<RecordedCall> matching = new ArrayList<>();
        while (true) {
            // Filtered outside the lock, and only what is new: the server's threads record calls meanwhile.
            List<RecordedCall> fresh;
            synchronized (calls) {
                fresh = List.copyOf(calls.subList(checked, calls.size()));
            }
            checked += fresh.size();
            fresh.stream().filter(filter).forEach(matching::add);
            if (matching.size() >= count) return matching;
            synchronized (calls) {
                if (calls.size() > checked) continue;
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " matching REST call(s), the bot made:\n  "
                            + String.join("\n  ", calls.stream().map(RecordedCall::toString).toList()));
                }
                try {
                    calls.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    /**
     * The next request that matches gets this status instead of its answer: 429 with {@code retry_after}
     * (seconds) and the global flag off, or any 5xx. Faults are used once each, in the order they were added.
     */
    public void failNext(Predicate<RecordedCall> matches, int status, double retryAfterSeconds) {
        synchronized (faults) {
            faults.add(new Fault(matches, status, retryAfterSeconds));
        }
    }

    private void record(RecordedCall call) {
        synchronized (calls) {
            calls.add(call);
            calls.notifyAll();
        }
    }

    // ---- acting as users

    /**
     * A user runs a slash command, e.g. {@code slash(ALICE, GENERAL, "spike start", Map.of("topic", "Polars"))}.
     * Option types come from the command the bot registered; an unknown command or option fails the test.
     */
    public FakeInteraction slash(FakeWorld.User user, long channelId, String command, Map<String, ?> options) {
        Invocation invocation = invocation(channelId, command);
        ObjectNode resolved = JSON.createObjectNode();
        for (var entry : options.entrySet()) {
            JsonNode option = find(invocation.declared(), entry.getKey(), "option of '" + command + "'");
            invocation.options().add(optionValue(option, entry.getValue(), resolved));
        }
        if (!resolved.isEmpty()) invocation.data().set("resolved", resolved);
        return interact(user, channelId, 2, invocation.data(), null);
    }

    /**
     * The interaction data of a registered command, e.g. "spike start": subcommands nested as Discord nests them.
     *
     * @param options  where the innermost command's options go
     * @param declared the options the bot registered for it
     */
    private record Invocation(ObjectNode data, ArrayNode options, JsonNode declared) {
    }

    private Invocation invocation(long channelId, String command) {
        String[] words = command.trim().split("\\s+");
        ObjectNode registered = registeredCommand(world.channel(channelId).guildId, words[0]);
        ObjectNode data = JSON.createObjectNode();
        data.put("id", registered.get("id").asText());
        data.put("name", words[0]);
        data.put("type", 1);
        JsonNode declared = registered.path("options");
        ArrayNode target = data.putArray("options");
        for (int i = 1; i < words.length; i++) {
            JsonNode sub = find(declared, words[i], "subcommand '" + command + "'");
            ObjectNode subOption = target.addObject();
            subOption.put("name", words[i]);
            subOption.put("type", sub.get("type").asInt());
            target = subOption.putArray("options");
            declared = sub.path("options");
        }
        return new Invocation(data, target, declared);
    }

    /** A user types in an autocompleted option; the reply is the callback with type 8 and its choices. */
    public FakeInteraction autocomplete(FakeWorld.User user, long channelId, String command, String focused,
                                        String typed, Map<String, ?> options) {
        Invocation invocation = invocation(channelId, command);
        JsonNode declared = invocation.declared();
        ArrayNode target = invocation.options();
        for (var entry : options.entrySet()) {
            target.add(optionValue(find(declared, entry.getKey(), "option"), entry.getValue(), JSON.createObjectNode()));
        }
        JsonNode option = find(declared, focused, "option of '" + command + "'");
        if (!option.path("autocomplete").asBoolean(false)) {
            throw new AssertionError("option '" + focused + "' of '" + command + "' is not registered for autocomplete");
        }
        ObjectNode value = target.addObject();
        value.put("name", focused);
        value.put("type", option.get("type").asInt());
        value.put("value", typed);
        value.put("focused", true);
        return interact(user, channelId, 4, invocation.data(), null);
    }

    /** A user clicks a button on a message the bot posted, found by its label or custom id. */
    public FakeInteraction click(FakeWorld.User user, JsonNode message, String labelOrId) {
        JsonNode button = findComponent(message, c -> c.path("type").asInt() == 2
                && (labelOrId.equals(c.path("label").asText()) || labelOrId.equals(c.path("custom_id").asText())),
                "button '" + labelOrId + "'");
        if (button.path("disabled").asBoolean(false)) throw new AssertionError("button '" + labelOrId + "' is disabled");
        ObjectNode data = JSON.createObjectNode();
        data.put("custom_id", button.path("custom_id").asText());
        data.put("component_type", 2);
        return interact(user, message.get("channel_id").asLong(), 3, data, current(message));
    }

    /** A user picks values in a string select menu on a message the bot posted (by custom id or placeholder). */
    public FakeInteraction select(FakeWorld.User user, JsonNode message, String idOrPlaceholder, List<String> values) {
        JsonNode menu = findComponent(message, c -> c.path("type").asInt() == 3
                && (idOrPlaceholder.equals(c.path("custom_id").asText())
                || idOrPlaceholder.equals(c.path("placeholder").asText())), "select menu '" + idOrPlaceholder + "'");
        for (String v : values) {
            boolean offered = false;
            for (JsonNode o : menu.path("options")) offered |= v.equals(o.path("value").asText());
            if (!offered) throw new AssertionError("select menu '" + idOrPlaceholder + "' has no option " + v);
        }
        ObjectNode data = JSON.createObjectNode();
        data.put("custom_id", menu.path("custom_id").asText());
        data.put("component_type", 3);
        ArrayNode array = data.putArray("values");
        values.forEach(array::add);
        return interact(user, message.get("channel_id").asLong(), 3, data, current(message));
    }

    /** A click with any custom id on a message the bot posted, as a modified client could send it. */
    public FakeInteraction forgeClick(FakeWorld.User user, JsonNode message, String customId) {
        ObjectNode data = JSON.createObjectNode();
        data.put("custom_id", customId);
        data.put("component_type", 2);
        return interact(user, message.get("channel_id").asLong(), 3, data, current(message));
    }

    /** A modal submission with any custom id and fields, never shown by the bot, as a modified client could send. */
    public FakeInteraction forgeModal(FakeWorld.User user, long channelId, String customId,
                                      Map<String, String> fields) {
        ObjectNode data = JSON.createObjectNode();
        data.put("custom_id", customId);
        ArrayNode rows = data.putArray("components");
        fields.forEach((id, value) -> {
            ObjectNode row = rows.addObject();
            row.put("type", 18);
            row.put("id", rows.size() * 2 - 1);
            ObjectNode component = row.putObject("component");
            component.put("type", 4);
            component.put("id", rows.size() * 2);
            component.put("custom_id", id);
            component.put("value", value);
        });
        return interact(user, channelId, 5, data, null);
    }

    /**
     * A user fills in and submits the modal that the bot showed in answer to {@code shown}. Fields are given by
     * their custom id; fields left out keep what the bot pre-filled (or stay empty), and a required one left empty
     * fails the test.
     */
    public FakeInteraction submitModal(FakeWorld.User user, FakeInteraction shown, Map<String, String> fields) {
        RecordedCall callback = shown.awaitCallback();
        if (callback.callbackType() != 9) throw new AssertionError("the bot did not show a modal but " + callback);
        JsonNode modal = callback.body().path("data");
        ObjectNode data = JSON.createObjectNode();
        data.put("custom_id", modal.path("custom_id").asText());
        ArrayNode rows = data.putArray("components");
        List<String> known = new ArrayList<>();
        for (JsonNode label : modal.path("components")) {
            JsonNode input = label.path("component");
            if (label.path("type").asInt() != 18 || input.path("type").asInt() != 4) continue;
            String inputId = input.path("custom_id").asText();
            known.add(inputId);
            // What a user leaves untouched is submitted as the bot pre-filled it.
            String value = fields.getOrDefault(inputId, input.path("value").asText(""));
            if (value.isEmpty() && input.path("required").asBoolean(true)) {
                throw new AssertionError("modal field '" + inputId + "' is required");
            }
            ObjectNode row = rows.addObject();
            row.put("type", 18);
            row.put("id", label.path("id").asInt(0));
            ObjectNode component = row.putObject("component");
            component.put("type", 4);
            component.put("id", input.path("id").asInt(0));
            component.put("custom_id", inputId);
            component.put("value", value);
        }
        for (String given : fields.keySet()) {
            if (!known.contains(given)) throw new AssertionError("the modal has no field '" + given + "': " + known);
        }
        return interact(user, shown.channelId(), 5, data, null);
    }

    /** A user runs a message context-menu command (e.g. "Save as solution") on a message. */
    public FakeInteraction messageCommand(FakeWorld.User user, String name, JsonNode message) {
        long channelId = message.get("channel_id").asLong();
        ObjectNode registered = registeredCommand(world.channel(channelId).guildId, name);
        if (registered.path("type").asInt() != 3) throw new AssertionError("'" + name + "' is not a message command");
        ObjectNode data = JSON.createObjectNode();
        data.put("id", registered.get("id").asText());
        data.put("name", name);
        data.put("type", 3);
        data.put("target_id", message.get("id").asText());
        data.putObject("resolved").putObject("messages").set(message.get("id").asText(), message.deepCopy());
        return interact(user, channelId, 2, data, null);
    }

    /** A user posts a plain message; {@code <@id>} mentions in the text are listed as mentions. */
    public ObjectNode post(FakeWorld.User user, long channelId, String content) {
        ObjectNode sent = JSON.createObjectNode().put("content", content);
        ObjectNode message = world.messageJson(channelId, world.newId(), user, sent);
        ArrayNode mentions = message.putArray("mentions");
        Matcher m = Pattern.compile("<@!?(\\d+)>").matcher(content);
        while (m.find()) {
            FakeWorld.User mentioned = world.user(Long.parseUnsignedLong(m.group(1)));
            ObjectNode u = world.userJson(mentioned);
            u.set("member", world.memberJson(world.channel(channelId).guildId, mentioned, false));
            mentions.add(u);
        }
        world.remember(message);
        dispatch("MESSAGE_CREATE", message.deepCopy());
        return message;
    }

    /**
     * A user opens a thread (not the bot), e.g. a private thread with a few members; the bot learns of it from
     * THREAD_CREATE, as from Discord. Returns the thread.
     */
    public FakeWorld.Channel openThread(FakeWorld.User owner, long parentId, String name, boolean privateThread,
                                        FakeWorld.User... members) {
        FakeWorld.Channel thread = world.createThread(parentId, name, owner.id(), privateThread);
        thread.members.add(owner.id());
        for (FakeWorld.User member : members) thread.members.add(member.id());
        dispatch("THREAD_CREATE", world.channelJson(thread).put("newly_created", true));
        return thread;
    }

    /** The messages the bot has posted in a channel or thread, oldest first. */
    public List<ObjectNode> messagesIn(long channelId) {
        return world.messagesIn(channelId);
    }

    /** The fake's current version of a message (after the bot's edits). */
    public ObjectNode current(JsonNode message) {
        return world.message(message.get("id").asLong())
                .orElseThrow(() -> new AssertionError("the fake never saw message " + message.get("id")));
    }

    private FakeInteraction interact(FakeWorld.User user, long channelId, int type, ObjectNode data,
                                     ObjectNode message) {
        FakeWorld.Channel channel = world.channel(channelId);
        long interactionId = world.newId();
        String token = "itoken-" + interactionId;
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id(interactionId));
        json.put("application_id", id(FakeWorld.APPLICATION_ID));
        json.put("type", type);
        json.set("data", data);
        json.put("guild_id", id(channel.guildId));
        ObjectNode guild = json.putObject("guild");
        guild.put("id", id(channel.guildId));
        guild.put("locale", "en-US");
        guild.putArray("features");
        json.put("channel_id", id(channelId));
        json.set("channel", world.channelJson(channel));
        ObjectNode member = world.memberJson(channel.guildId, user, true);
        member.put("permissions", Long.toString(Permission.getRaw(world.permissions(user.id(), channelId))));
        json.set("member", member);
        if (message != null) json.set("message", message);
        json.put("token", token);
        json.put("version", 1);
        json.put("app_permissions", Long.toString(Permission.getRaw(world.permissions(FakeWorld.BOT.id(), channelId))));
        json.put("locale", "en-US");
        json.put("guild_locale", "en-US");
        json.putArray("entitlements");
        json.putObject("authorizing_integration_owners").put("0", id(channel.guildId));
        json.put("context", 0);
        json.put("attachment_size_limit", 10_485_760);
        FakeInteraction interaction = new FakeInteraction(this, interactionId, token, channelId,
                message == null ? 0 : message.get("id").asLong());
        interactions.put(token, interaction);
        dispatch("INTERACTION_CREATE", json);
        return interaction;
    }

    private ObjectNode registeredCommand(long guildId, String name) {
        for (long scope : new long[]{guildId, 0}) {
            ObjectNode command = commands.getOrDefault(scope, Map.of()).get(name);
            if (command != null) return command;
        }
        throw new AssertionError("the bot did not register a command named '" + name + "'; it registered "
                + commands);
    }

    private static JsonNode find(JsonNode declared, String name, String what) {
        for (JsonNode option : declared) {
            if (name.equals(option.path("name").asText())) return option;
        }
        throw new AssertionError("no " + what + " named '" + name + "' was registered: " + declared);
    }

    private ObjectNode optionValue(JsonNode declared, Object value, ObjectNode resolved) {
        ObjectNode option = JSON.createObjectNode();
        option.put("name", declared.get("name").asText());
        int type = declared.get("type").asInt();
        option.put("type", type);
        switch (type) {
            case 3 -> option.put("value", String.valueOf(value));
            case 4 -> option.put("value", ((Number) value).longValue());
            case 5 -> option.put("value", (Boolean) value);
            case 10 -> option.put("value", ((Number) value).doubleValue());
            case 6 -> {
                FakeWorld.User user = (FakeWorld.User) value;
                option.put("value", id(user.id()));
                resolved.with("users").set(id(user.id()), world.userJson(user));
            }
            default -> throw new AssertionError("the fake does not support option type " + type);
        }
        if (type == 3 && declared.has("choices") && !declared.get("choices").isEmpty()) {
            boolean offered = false;
            for (JsonNode c : declared.get("choices")) offered |= c.path("value").asText().equals(value);
            if (!offered) throw new AssertionError("'" + value + "' is not a choice of option " + declared);
        }
        return option;
    }

    private static JsonNode findComponent(JsonNode message, Predicate<JsonNode> matches, String what) {
        List<JsonNode> all = new ArrayList<>();
        collect(message.path("components"), all);
        for (JsonNode c : all) if (matches.test(c)) return c;
        throw new AssertionError("no " + what + " on message " + message.path("id") + ": " + message.path("components"));
    }

    private static void collect(JsonNode components, List<JsonNode> into) {
        for (JsonNode c : components) {
            into.add(c);
            collect(c.path("components"), into);
            if (c.has("component")) collect(JSON.createArrayNode().add(c.get("component")), into);
            if (c.has("accessory")) collect(JSON.createArrayNode().add(c.get("accessory")), into);
        }
    }

    FakeInteraction interaction(String token) {
        return interactions.get(token);
    }

    @Override
    public void close() throws IOException {
        dropConnection();
        server.close();
    }

    // ---- the REST API

    /** Routes REST requests and upgrades the gateway path to a websocket. */
    private final class Routes extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            requestsSeen.incrementAndGet();
            String target = request.getTarget();
            String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
            String query = target.contains("?") ? target.substring(target.indexOf('?') + 1) : null;
            if (path.equals("/gateway") || path.equals("/gateway/")) {
                return new MockResponse.Builder().webSocketUpgrade(gateway.newConnection(query == null ? "" : query))
                        .build();
            }
            if (!path.startsWith(API)) return error(404, 0, "404: Not Found");
            path = path.substring(API.length());
            if (!("Bot " + TOKEN).equals(request.getHeaders().get("Authorization"))) {
                record(new RecordedCall(request.getMethod(), path, query, MissingNode.getInstance(), 401, System.nanoTime()));
                return error(401, 0, "401: Unauthorized");
            }
            JsonNode body = body(request);
            RecordedCall probe = new RecordedCall(request.getMethod(), path, query, body, 0, System.nanoTime());
            Fault fault = takeFault(probe);
            if (fault != null) {
                record(new RecordedCall(request.getMethod(), path, query, body, fault.status(), System.nanoTime()));
                return faultResponse(fault);
            }
            MockResponse response;
            List<String> tooBig = probe.message().map(MessageLimits::violations).orElse(List.of());
            try {
                response = !tooBig.isEmpty() ? error(400, 50035, "Invalid Form Body: " + String.join("; ", tooBig))
                        : route(request.getMethod(), path, body);
            } catch (RuntimeException | AssertionError e) {
                LOG.error("fake discord: failed to answer {} {}", request.getMethod(), path, e);
                response = error(400, 50035, "Invalid Form Body: " + e.getMessage());
            }
            record(new RecordedCall(request.getMethod(), path, query, body, response.getCode(), System.nanoTime()));
            return response;
        }
    }

    private Fault takeFault(RecordedCall call) {
        synchronized (faults) {
            for (var it = faults.iterator(); it.hasNext(); ) {
                Fault f = it.next();
                if (f.matches().test(call)) {
                    it.remove();
                    return f;
                }
            }
        }
        return null;
    }

    private static MockResponse faultResponse(Fault fault) {
        if (fault.status() == 429) {
            ObjectNode json = JSON.createObjectNode();
            json.put("message", "You are being rate limited.");
            json.put("retry_after", fault.retryAfterSeconds());
            json.put("global", false);
            // Discord's own 429 (not Cloudflare's, which has no Via header and blocks every route).
            return new MockResponse.Builder().code(429)
                    .addHeader("Content-Type", "application/json")
                    .addHeader("Via", "1.1 google")
                    .addHeader("Retry-After", String.valueOf((long) Math.ceil(fault.retryAfterSeconds())))
                    .addHeader("X-RateLimit-Limit", "5")
                    .addHeader("X-RateLimit-Remaining", "0")
                    .addHeader("X-RateLimit-Reset-After", String.valueOf(fault.retryAfterSeconds()))
                    .addHeader("X-RateLimit-Bucket", "fake-" + Integer.toHexString(fault.matches().hashCode()))
                    .addHeader("X-RateLimit-Scope", "user")
                    .body(json.toString()).build();
        }
        return error(fault.status(), 0, fault.status() + ": Server Error");
    }

    private static JsonNode body(RecordedRequest request) {
        if (request.getBody() == null || request.getBody().size() == 0) return MissingNode.getInstance();
        String type = request.getHeaders().get("Content-Type");
        try {
            if (type != null && type.startsWith("multipart/")) {
                MediaType media = MediaType.get(type);
                String boundary = media.parameter("boundary");
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

    private MockResponse route(String method, String path, JsonNode body) {
        String[] p = path.split("/");
        String route = method + " " + path.replaceAll("\\d{6,}", "{id}");
        return switch (route) {
            case "GET users/@me" -> ok(world.selfUserJson());
            case "GET gateway", "GET gateway/bot" -> {
                ObjectNode json = JSON.createObjectNode().put("url", gatewayUrl()).put("shards", 1);
                json.putObject("session_start_limit").put("total", 1000).put("remaining", 1000)
                        .put("reset_after", 0).put("max_concurrency", 1);
                yield ok(json);
            }
            case "PUT applications/{id}/commands" -> ok(registerCommands(0, body));
            case "PUT applications/{id}/guilds/{id}/commands" -> ok(registerCommands(Long.parseUnsignedLong(p[3]), body));
            case "GET applications/{id}/commands" -> ok(listCommands(0));
            case "GET applications/{id}/guilds/{id}/commands" -> ok(listCommands(Long.parseUnsignedLong(p[3])));
            default -> routeMore(route, p, body);
        };
    }

    private MockResponse routeMore(String route, String[] p, JsonNode body) {
        if (route.matches("POST interactions/\\{id}/[^/]+/callback")) return callback(p[2], body);
        if (route.matches("POST webhooks/\\{id}/[^/]+")) return followup(p[2], body);
        if (route.matches("(PATCH|GET|DELETE) webhooks/\\{id}/[^/]+/messages/.+")) {
            return webhookMessage(route.substring(0, route.indexOf(' ')), p[2], p[4], body);
        }
        return switch (route) {
            case "POST channels/{id}/messages" -> {
                long channelId = Long.parseUnsignedLong(p[1]);
                ObjectNode message = world.messageJson(channelId, world.newId(), FakeWorld.BOT, body);
                world.remember(message);
                yield ok(message);
            }
            case "PATCH channels/{id}/messages/{id}" -> edit(Long.parseUnsignedLong(p[3]), body);
            case "GET channels/{id}/messages/{id}" -> world.message(Long.parseUnsignedLong(p[3]))
                    .map(FakeDiscord::ok).orElseGet(() -> error(404, 10008, "Unknown Message"));
            case "POST channels/{id}/threads" -> createThread(Long.parseUnsignedLong(p[1]), body);
            case "POST channels/{id}/messages/{id}/threads" -> {
                FakeWorld.Channel thread = world.createThread(Long.parseUnsignedLong(p[1]),
                        body.path("name").asText(), FakeWorld.BOT.id(), false);
                dispatch("THREAD_CREATE", world.channelJson(thread).put("newly_created", true));
                yield ok(world.channelJson(thread));
            }
            case "PATCH channels/{id}" -> {
                FakeWorld.Channel channel = world.channel(Long.parseUnsignedLong(p[1]));
                if (body.has("archived")) channel.archived = body.get("archived").asBoolean();
                ObjectNode json = world.channelJson(channel);
                dispatch(channel.isThread() ? "THREAD_UPDATE" : "CHANNEL_UPDATE", json.deepCopy());
                yield ok(json);
            }
            case "GET channels/{id}" -> world.findChannel(Long.parseUnsignedLong(p[1]))
                    .map(c -> ok(world.channelJson(c))).orElseGet(() -> error(404, 10003, "Unknown Channel"));
            case "PUT channels/{id}/thread-members/@me" -> {
                world.channel(Long.parseUnsignedLong(p[1])).members.add(FakeWorld.BOT.id());
                yield noContent();
            }
            case "PUT channels/{id}/thread-members/{id}" -> {
                world.channel(Long.parseUnsignedLong(p[1])).members.add(Long.parseUnsignedLong(p[3]));
                yield noContent();
            }
            case "GET channels/{id}/thread-members/{id}" -> threadMember(Long.parseUnsignedLong(p[1]),
                    Long.parseUnsignedLong(p[3]));
            case "POST channels/{id}/typing" -> noContent();
            default -> error(404, 0, "404: Not Found (the fake has no route " + route + ")");
        };
    }

    private MockResponse threadMember(long threadId, long userId) {
        FakeWorld.Channel thread = world.channel(threadId);
        if (!thread.members.contains(userId)) return error(404, 10007, "Unknown Member");
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id(threadId));
        json.put("user_id", id(userId));
        json.put("join_timestamp", FakeWorld.now());
        json.put("flags", 0);
        json.set("member", world.memberJson(thread.guildId, world.user(userId), true));
        return ok(json);
    }

    private ArrayNode registerCommands(long scope, JsonNode body) {
        Map<String, ObjectNode> byName = new ConcurrentHashMap<>();
        ArrayNode answer = JSON.createArrayNode();
        for (JsonNode command : body) {
            ObjectNode registered = command.deepCopy();
            registered.put("id", id(world.newId()));
            registered.put("application_id", id(FakeWorld.APPLICATION_ID));
            if (!registered.has("type")) registered.put("type", 1);
            if (scope != 0) registered.put("guild_id", id(scope));
            registered.put("version", id(world.newId()));
            byName.put(registered.get("name").asText(), registered);
            answer.add(registered);
        }
        commands.put(scope, byName);
        return answer;
    }

    private ArrayNode listCommands(long scope) {
        ArrayNode answer = JSON.createArrayNode();
        commands.getOrDefault(scope, Map.of()).values().forEach(answer::add);
        return answer;
    }

    /** The commands the bot registered, by name, globally ({@code 0}) or for a guild. */
    public Map<String, ObjectNode> registeredCommands(long scope) {
        return Map.copyOf(commands.getOrDefault(scope, Map.of()));
    }

    private MockResponse callback(String token, JsonNode body) {
        FakeInteraction interaction = interactions.get(token);
        if (interaction == null) return error(404, 10062, "Unknown interaction");
        if (!interaction.acknowledge()) return error(400, 40060, "Interaction has already been acknowledged.");
        int type = body.path("type").asInt();
        JsonNode data = body.path("data");
        ObjectNode resource = JSON.createObjectNode().put("type", type);
        switch (type) {
            case 4 -> {
                ObjectNode message = world.messageJson(interaction.channelId(), world.newId(), FakeWorld.BOT, data);
                message.put("type", 20);
                message.put("webhook_id", id(FakeWorld.APPLICATION_ID));
                message.put("application_id", id(FakeWorld.APPLICATION_ID));
                world.remember(message);
                interaction.original(message.get("id").asLong());
                interaction.replied(message.get("id").asLong());
                resource.set("message", message);
            }
            case 5 -> {
                ObjectNode loading = JSON.createObjectNode();
                loading.put("flags", 128 | data.path("flags").asInt(0));
                ObjectNode message = world.messageJson(interaction.channelId(), world.newId(), FakeWorld.BOT, loading);
                message.put("type", 20);
                message.put("webhook_id", id(FakeWorld.APPLICATION_ID));
                world.remember(message);
                interaction.original(message.get("id").asLong());
            }
            case 6 -> interaction.original(interaction.componentMessageId());
            case 7 -> {
                interaction.original(interaction.componentMessageId());
                resource.set("message", applyEdit(interaction.componentMessageId(), data));
                interaction.replied(interaction.componentMessageId());
            }
            case 8, 9 -> { }
            default -> {
                return error(400, 50035, "Invalid interaction callback type " + type);
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("interaction").put("id", id(interaction.id())).put("type", 2);
        answer.set("resource", resource);
        return ok(answer);
    }

    private MockResponse followup(String token, JsonNode body) {
        FakeInteraction interaction = interactions.get(token);
        if (interaction == null) return error(404, 10015, "Unknown Webhook");
        ObjectNode message = world.messageJson(interaction.channelId(), world.newId(), FakeWorld.BOT, body);
        message.put("webhook_id", id(FakeWorld.APPLICATION_ID));
        message.put("application_id", id(FakeWorld.APPLICATION_ID));
        world.remember(message);
        interaction.replied(message.get("id").asLong());
        return ok(message);
    }

    private MockResponse webhookMessage(String method, String token, String messageId, JsonNode body) {
        FakeInteraction interaction = interactions.get(token);
        if (interaction == null) return error(404, 10015, "Unknown Webhook");
        long id = messageId.equals("@original") ? interaction.originalId() : Long.parseUnsignedLong(messageId);
        if (id == 0 || world.message(id).isEmpty()) return error(404, 10008, "Unknown Message");
        return switch (method) {
            case "PATCH" -> {
                ObjectNode edited = applyEdit(id, body);
                interaction.replied(id);
                yield ok(edited);
            }
            case "DELETE" -> {
                world.forget(id);
                yield noContent();
            }
            default -> ok(world.message(id).orElseThrow());
        };
    }

    private MockResponse edit(long messageId, JsonNode body) {
        if (world.message(messageId).isEmpty()) return error(404, 10008, "Unknown Message");
        return ok(applyEdit(messageId, body));
    }

    private ObjectNode applyEdit(long messageId, JsonNode body) {
        ObjectNode message = world.message(messageId).orElseThrow();
        for (String field : List.of("content", "components")) {
            if (body.has(field)) message.set(field, body.get(field).deepCopy());
        }
        if (body.has("embeds")) {
            message.set("embeds", world.messageJson(message.get("channel_id").asLong(), messageId, FakeWorld.BOT, body)
                    .get("embeds"));
        }
        message.put("flags", message.path("flags").asInt(0) & ~128);
        message.put("edited_timestamp", FakeWorld.now());
        world.remember(message);
        return message.deepCopy();
    }

    private MockResponse createThread(long parentId, JsonNode body) {
        FakeWorld.Channel parent = world.channel(parentId);
        boolean privateThread = body.path("type").asInt(11) == 12;
        FakeWorld.Channel thread = world.createThread(parentId, body.path("name").asText(), FakeWorld.BOT.id(),
                privateThread);
        ObjectNode json = world.channelJson(thread);
        if (parent.type == FakeWorld.ChannelType.FORUM) {
            JsonNode first = body.path("message");
            if (first.isMissingNode()) return error(400, 50035, "Invalid Form Body: a forum post needs a message");
            ObjectNode message = world.messageJson(thread.id, thread.id, FakeWorld.BOT, first);
            world.remember(message);
            json.set("message", message);
        }
        dispatch("THREAD_CREATE", world.channelJson(thread).put("newly_created", true));
        return ok(json);
    }

    private static MockResponse ok(JsonNode json) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(json.toString()).build();
    }

    private static MockResponse noContent() {
        return new MockResponse.Builder().code(204).build();
    }

    private static MockResponse error(int status, int code, String message) {
        ObjectNode json = JSON.createObjectNode().put("message", message).put("code", code);
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(json.toString()).build();
    }

    /** Counts every request the fake received, answered or not. */
    public int requestsSeen() {
        return requestsSeen.get();
    }
}
