package spikebot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.MockWebServer;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionController;
import spikebot.bot.core.MutableClock;
import spikebot.bot.discord.DiscordBot;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A fake Discord on 127.0.0.1 for end-to-end tests with the real JDA client: the REST API under {@code /api/v10/}
 * ({@link RestRoutes}, {@link HistoryRoutes}, {@link InteractionRoutes}) and the gateway ({@link FakeGateway}: a
 * websocket at {@code /gateway}, JSON, no compression) on one local port, with the guilds, channels, threads and
 * messages of a {@link FakeWorld} (big ones {@link #seed() seeded}), people acting in it ({@link FakeUsers},
 * {@link #conversations()}; what reaches the bot: {@link BotView}), REST faults a test injects ({@link Faults}) and
 * every REST call recorded ({@link CallLog}). Tests point the bot at it with {@link #connection()}.
 *
 * <p>Time in the fake Discord is {@link #clock()}, which stands still until a test moves it: interactions are
 * created at its time (their snowflake ids carry it), and Discord's deadlines (3 seconds for an interaction's
 * callback, 15 minutes for its webhook) are counted on it, so that no test depends on how fast the machine is.
 */
public final class FakeDiscord implements AutoCloseable {
    public static final String TOKEN = "fake-bot-token";
    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final MockWebServer server = new MockWebServer();
    private final TrackedSockets sockets = new TrackedSockets();
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    private final FakeWorld world = new FakeWorld(clock);
    private final FakeGateway gateway = new FakeGateway(this);
    private final BotView botView = new BotView(this, world);
    private final Conversations conversations = new Conversations(world, botView);
    private final WorldSeeder seeder = new WorldSeeder(world);
    private final CommandRegistry commands = new CommandRegistry(world);
    private final FakeUsers users = new FakeUsers(this, world, commands);
    private final CallLog calls = new CallLog(TIMEOUT);
    private final Faults faults = new Faults();
    private final RestRoutes routes = new RestRoutes(this, world, commands,
            new InteractionRoutes(world, users, clock), calls, faults);
    private volatile JsonNode identify;
    /** The test class this fake serves, for the traffic recording. */
    private volatile String testName = TrafficRecorder.callingTest();

    private FakeDiscord() {
    }

    /** Starts the fake on a free local port. */
    public static FakeDiscord start() throws IOException {
        FakeDiscord discord = new FakeDiscord();
        discord.server.setDispatcher(discord.routes);
        discord.server.setServerSocketFactory(discord.sockets);
        discord.server.start(InetAddress.getLoopbackAddress(), 0);
        return discord;
    }

    /** Names the test in the traffic recording ({@code fake.discord.record}). */
    public void recordAs(String test) {
        testName = test;
    }

    String testName() {
        return testName;
    }

    public FakeWorld world() {
        return world;
    }

    /** The fake Discord's time; it moves only when a test moves it. */
    public MutableClock clock() {
        return clock;
    }

    /** Time passes: the clock moves; threads idle past their auto-archive duration are archived (THREAD_UPDATE). */
    public void passTime(Duration duration) {
        clock.advance(duration);
        world.threads().archiveIdle(clock.instant())
                .forEach(t -> botView.thread("THREAD_UPDATE", t.id, world.json().channelJson(t)));
    }

    /** Where the bot finds this fake: JDA pointed at it, and its clock. */
    public DiscordBot.Connection connection() {
        return new DiscordBot.Connection(builder -> builder.setRestConfig(restConfig())
                .setSessionController(sessionController()).setCompression(Compression.NONE), clock);
    }

    /** JDA's REST settings that point at the fake. */
    public RestConfig restConfig() {
        return new RestConfig().setBaseUrl(server.url(RestRoutes.API).toString());
    }

    public String gatewayUrl() {
        return "ws://" + server.getHostName() + ":" + server.getPort() + "/gateway";
    }

    /** JDA's session controller that points at the fake gateway and connects at once (no 5-second delay). */
    public SessionController sessionController() {
        return new LocalSessionController(gatewayUrl());
    }

    /** The IDENTIFY payload the client sent last (token, intents, properties). */
    public JsonNode identify() {
        return identify;
    }

    void identified(JsonNode d) {
        identify = d;
    }

    FakeGateway gateway() {
        return gateway;
    }

    BotView botView() {
        return botView;
    }

    /** Threads, forum posts and messages that people write, edit and delete, each announced to the bot. */
    public Conversations conversations() {
        return conversations;
    }

    /** Big worlds made fast, with no event sent (seed before the bot connects, or read them over REST). */
    public WorldSeeder seed() {
        return seeder;
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

    /** Op 7: Discord asks the client to reconnect and resume. */
    public void requestReconnect() {
        gateway.requestReconnect();
    }

    /** Op 9: the session is invalid; {@code resumable} tells the client whether it may resume. */
    public void invalidateSession(boolean resumable) {
        gateway.invalidateSession(resumable);
    }

    /**
     * The Message Content intent is off in the Developer Portal: IDENTIFY asking for it is closed with 4014, and
     * messages read over REST come blanked ({@link BotView}).
     */
    public void refuseMessageContentIntent() {
        gateway.refuseMessageContent();
        botView.portalContentIntentOff();
    }

    /** Waits until the client has identified {@code n} times in all. */
    public void awaitIdentifies(int n) throws InterruptedException {
        gateway.awaitIdentifies(n, TIMEOUT.toMillis());
    }

    /** Waits until the client has resumed {@code n} times in all. */
    public void awaitResumes(int n) throws InterruptedException {
        gateway.awaitResumes(n, TIMEOUT.toMillis());
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

    /**
     * An admin replaces a channel's (or a category's) permission overwrites; the bot hears of it through
     * CHANNEL_UPDATE, and when it can now view the channel, THREAD_LIST_SYNC, as from Discord.
     */
    public void setOverwrites(long channelId, FakeWorld.Overwrite... overwrites) {
        botView.setOverwrites(channelId, List.of(overwrites));
    }

    /**
     * An admin gives a forum these tags (ids made up here) and sets "Require tags"; the bot hears of it through
     * CHANNEL_UPDATE. Returns the tags.
     */
    public List<FakeWorld.Tag> setForumTags(long forumId, boolean required, String... names) {
        return conversations.setForumTags(forumId, required, names);
    }

    // ---- recorded REST calls and injected faults

    public List<RecordedCall> calls() {
        return calls.all();
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
        return calls.awaitCount(filter, count);
    }

    /** The checks of the traffic against Discord's documented limits and its API description. */
    public spikebot.bot.discord.spec.SpecReport spec() {
        return routes.spec();
    }

    /** How many requests the fake refused with 429 because the bot exceeded a rate limit (not injected faults). */
    public int rateLimited() {
        return routes.rateLimited();
    }

    /** Counts every request the fake received, answered or not. */
    public int requestsSeen() {
        return routes.requestsSeen();
    }

    /**
     * The next request that matches gets this status instead of its answer: 429 with {@code retry_after}
     * (seconds) and the global flag off, or any 5xx. Faults are used once each, in the order they were added.
     */
    public void failNext(Predicate<RecordedCall> matches, int status, double retryAfterSeconds) {
        faults.add(matches, status, retryAfterSeconds);
    }

    /** The commands the bot registered, by name, globally ({@code 0}) or for a guild. */
    public Map<String, ObjectNode> registeredCommands(long scope) {
        return Map.copyOf(commands.registered(scope));
    }

    // ---- people acting (see FakeUsers)

    /**
     * From now on, interactions reach the bot this long after Discord created them, as behind a backlog of events
     * (at start-up, or a resume replaying what was missed): their snowflakes carry the earlier time.
     */
    public void deliverLate(Duration by) {
        users.deliverLate(by);
    }

    /**
     * A user runs a slash command, e.g. {@code slash(ALICE, GENERAL, "spike start", Map.of("topic", "Polars"))}.
     * Option types come from the command the bot registered; an unknown command or option fails the test.
     */
    public FakeInteraction slash(FakeWorld.User user, long channelId, String command, Map<String, ?> options) {
        return users.slash(user, channelId, command, options);
    }

    /** A user types in an autocompleted option; the reply is the callback with type 8 and its choices. */
    public FakeInteraction autocomplete(FakeWorld.User user, long channelId, String command, String focused,
                                        String typed, Map<String, ?> options) {
        return users.autocomplete(user, channelId, command, focused, typed, options);
    }

    /** A user clicks a button on a message the bot posted, found by its label or custom id. */
    public FakeInteraction click(FakeWorld.User user, JsonNode message, String labelOrId) {
        return users.click(user, message, labelOrId);
    }

    /** A user picks values in a string select menu on a message the bot posted (by custom id or placeholder). */
    public FakeInteraction select(FakeWorld.User user, JsonNode message, String idOrPlaceholder, List<String> values) {
        return users.select(user, message, idOrPlaceholder, values);
    }

    /** A click with any custom id on a message the bot posted, as a modified client could send it. */
    public FakeInteraction forgeClick(FakeWorld.User user, JsonNode message, String customId) {
        return users.forgeClick(user, message, customId);
    }

    /** A form submission with any custom id and fields, never shown by the bot, as a modified client could send. */
    public FakeInteraction forgeModal(FakeWorld.User user, long channelId, String customId,
                                      Map<String, String> fields) {
        return users.forgeModal(user, channelId, customId, fields);
    }

    /** A user fills in and submits the form the bot showed in answer to {@code shown} (fields by custom id). */
    public FakeInteraction submitModal(FakeWorld.User user, FakeInteraction shown, Map<String, String> fields) {
        return users.submitModal(user, shown, fields);
    }

    /** A user runs a message context-menu command (e.g. "Save as solution") on a message. */
    public FakeInteraction messageCommand(FakeWorld.User user, String name, JsonNode message) {
        return users.messageCommand(user, name, message);
    }

    /** A user posts a plain message; {@code <@id>} mentions in the text are listed as mentions. */
    public ObjectNode post(FakeWorld.User user, long channelId, String content) {
        return conversations.post(user, channelId, content);
    }

    /** A user opens a thread (private ones keep their members); the bot learns of it from THREAD_CREATE. */
    public FakeWorld.Channel openThread(FakeWorld.User owner, long parentId, String name, boolean privateThread,
                                        FakeWorld.User... members) {
        return privateThread ? conversations.startPrivateThread(owner, parentId, name, members)
                : conversations.startThread(owner, parentId, name);
    }

    /** The messages the bot has posted in a channel or thread, oldest first. */
    public List<ObjectNode> messagesIn(long channelId) {
        return world.messages().inChannel(channelId);
    }

    /** The fake's current version of a message (after the bot's edits). */
    public ObjectNode current(JsonNode message) {
        return world.messages().find(message.get("id").asLong())
                .orElseThrow(() -> new AssertionError("the fake never saw message " + message.get("id")));
    }

    @Override
    public void close() throws IOException {
        dropConnection();
        server.close();
    }
}
