package spikebot.bot.core;

import spikebot.bot.wiring.Features;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Drives a {@link ChatCore} the way an adapter would, for tests: sends events, opens the threads it asks for, and
 * picks replies out of its actions.
 */
public final class ChatDriver implements AutoCloseable {
    public static final Instant T0 = Instant.parse("2025-06-02T09:00:00Z");
    public static final Actor ALICE = new Actor("11", "alice", false);
    public static final Actor BOB = new Actor("22", "bob", false);
    public static final Actor ADMIN = new Actor("99", "admin", true);

    public final MutableClock clock;
    public ChatCore core;
    /** Makes the core, at start and at each {@link #restart}. */
    private final Supplier<ChatCore> cores;
    private long ids = 5000;
    /** Threads opened so far: thread id → its parent channel. */
    public final Map<String, String> threads = new HashMap<>();

    public ChatDriver(Map<String, GuildConfig> guilds, ChannelAccess access) {
        this(guilds, access, new MutableClock(T0));
    }

    public ChatDriver(Map<String, GuildConfig> guilds, ChannelAccess access, MutableClock clock) {
        this(clock, () -> Features.core(guilds, access, clock, null));
    }

    /** A core of the caller's making (other features, a thread history, an executor tests run by hand). */
    public ChatDriver(MutableClock clock, Supplier<ChatCore> cores) {
        this.clock = clock;
        this.cores = cores;
        this.core = cores.get();
    }

    /** One guild "g1" whose knowledge base is {@code kb}, everyone sees everything. */
    public static ChatDriver single(Path kb) {
        return new ChatDriver(Map.of("g1", GuildConfig.of(kb)), ChannelAccess.ALL);
    }

    /** A new core on the same folders and clock, as after a restart. */
    public void restart() {
        core.close();
        core = cores.get();
    }

    public static Origin in(String channel, Actor member) {
        return new Origin("g1", channel, null, member);
    }

    public Origin inThread(String thread, Actor member) {
        return new Origin("g1", thread, threads.get(thread), member);
    }

    /** Options as alternating names and values. */
    public static Map<String, String> options(String... nameValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) map.put(nameValues[i], nameValues[i + 1]);
        return map;
    }

    public List<Action> slash(Origin o, String command, String sub, String... options) {
        return core.handle(new Event.SlashCommand(o, command, sub, options(options)));
    }

    public List<Action> click(Origin o, String customId, String messageId) {
        return core.handle(new Event.ButtonClick(o, customId, messageId));
    }

    public List<Action> submit(Origin o, String customId, String... fields) {
        return core.handle(new Event.FormSubmit(o, customId, options(fields)));
    }

    public List<Action> say(Origin o, String text) {
        return core.handle(new Event.MessagePosted(o, nextId(), text, false));
    }

    /**
     * Runs {@code /spike start} (or any event that opens a thread) and plays the adapter's part: the thread gets an
     * id and the core is told. Returns the thread id; the core's answer to ThreadOpened is in {@code after}.
     */
    public String openThread(Origin o, List<Action> actions, List<Action> after) {
        Action.OpenThread open = only(actions, Action.OpenThread.class);
        String thread = nextId();
        threads.put(thread, open.channelId());
        after.addAll(core.handle(new Event.ThreadOpened(o, open.ref(), thread, thread)));
        return thread;
    }

    public String startSpike(Origin o, String... options) {
        List<Action> actions = slash(o, "spike", "start", options);
        return openThread(o, actions, new ArrayList<>());
    }

    public String nextId() {
        return String.valueOf(++ids);
    }

    public static <A extends Action> A only(List<Action> actions, Class<A> type) {
        List<A> found = all(actions, type);
        if (found.size() != 1) fail("expected one " + type.getSimpleName() + " in " + actions);
        return found.get(0);
    }

    public static <A extends Action> List<A> all(List<Action> actions, Class<A> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The first reply's text: its content, embed titles, descriptions, field names and values, footers. */
    public static String text(List<Action> actions) {
        Action.Reply reply = all(actions, Action.Reply.class).stream().findFirst().orElse(null);
        assertNotNull(reply, "no reply in " + actions);
        return text(reply.message());
    }

    public static String text(Draft m) {
        StringBuilder out = new StringBuilder(m.content());
        for (Card e : m.embeds()) {
            out.append('\n').append(e.title()).append('\n').append(e.description());
            for (Card.Field f : e.fields()) out.append('\n').append(f.name()).append('\n').append(f.value());
            out.append('\n').append(e.footer());
        }
        return out.toString();
    }

    public static void assertPrivateReply(List<Action> actions, String containing) {
        Action.Reply reply = only(actions, Action.Reply.class);
        assertEquals(true, reply.ephemeral(), "expected an ephemeral reply: " + text(reply.message()));
        if (!text(reply.message()).contains(containing)) {
            fail("expected '" + containing + "' in: " + text(reply.message()));
        }
    }

    /** Writes a note into a knowledge base, as a team would have before the bot ran. */
    public static void note(Path kb, NoteKind kind, String title, String outcome, String body, String channel) {
        Map<String, Object> extra = channel == null ? Map.of() : Map.of("guild", "g1", "channel", channel);
        try {
            new KnowledgeBase(kb).write(new Note(kind, title, LocalDate.of(2025, 3, 12), List.of("carol"),
                    List.of("dataframes"), outcome, null, null, null, extra, body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        core.close();
    }
}
