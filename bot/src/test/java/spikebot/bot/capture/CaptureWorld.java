package spikebot.bot.capture;

import spikebot.bot.core.Action;
import spikebot.bot.core.Actor;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.ChatCore;
import spikebot.bot.core.ChatDriver;
import spikebot.bot.core.Event;
import spikebot.bot.core.GuildConfig;
import spikebot.bot.core.MutableClock;
import spikebot.bot.core.Origin;
import spikebot.bot.wiring.Features;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.MalformedNoteException;
import spikebot.knowledge.Note;
import spikebot.knowledge.discussion.DiscussionMessage;
import spikebot.knowledge.discussion.DiscussionThread;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static spikebot.bot.core.ChatDriver.ADMIN;
import static spikebot.bot.core.ChatDriver.in;

/**
 * One guild with a forum ({@link #FORUM}), a text channel with threads ({@link #TEXT}), a private channel only the
 * admin can view ({@link #PRIVATE}), a voice channel ({@link #VOICE}) and the channel where commands are typed
 * ({@link #HERE}); its thread history in memory and its background work run by hand.
 */
final class CaptureWorld implements AutoCloseable {
    static final String HERE = "100";
    static final String FORUM = "500";
    static final String TEXT = "600";
    static final String PRIVATE = "700";
    static final String VOICE = "800";

    final Path kb;
    final MemoryHistory history = new MemoryHistory();
    final Access access = new Access();
    ManualExecutor background;
    final ChatDriver bot;

    /** Who may view what: everyone sees all but the private channel and private threads, which list their viewers. */
    static final class Access implements ChannelAccess {
        final Map<String, Set<String>> restricted = new HashMap<>(Map.of(PRIVATE, new HashSet<>(Set.of(ADMIN.id()))));
        volatile boolean readsText = true;

        @Override
        public boolean canView(String guildId, String userId, String channelId) {
            Set<String> viewers = restricted.get(channelId);
            return viewers == null || viewers.contains(userId);
        }

        @Override
        public boolean isPublic(String guildId, String channelId) {
            return !restricted.containsKey(channelId);
        }

        @Override
        public boolean readsMessageText() {
            return readsText;
        }

        @Override
        public Kind kind(String guildId, String channelId) {
            return switch (channelId) {
                case HERE, FORUM, TEXT, PRIVATE -> Kind.HOLDS_THREADS;
                case VOICE -> Kind.OTHER;
                default -> Kind.UNKNOWN;
            };
        }
    }

    CaptureWorld(Path kb) {
        this.kb = kb;
        MutableClock clock = new MutableClock(ChatDriver.T0);
        this.bot = new ChatDriver(clock, () -> {
            background = new ManualExecutor(); // a restart loses what the old process had not run
            return new ChatCore(Map.of("g1", GuildConfig.of(kb)),
                    Features.all(access, history, clock, background), clock, null);
        });
    }

    List<Action> admin(String sub, String... options) {
        return bot.slash(in(HERE, ADMIN), "spikebot", sub, options);
    }

    void capture(String channel) {
        admin("capture", "state", "on", "channel", "<#" + channel + ">");
    }

    static Origin inThread(DiscussionThread thread, Actor actor) {
        return new Origin("g1", thread.threadId(), thread.parentId(), actor);
    }

    DiscussionThread open(String parent, String name, boolean newly, Actor by) {
        DiscussionThread thread = history.thread(parent, "ch-" + parent, name, bot.clock.instant(), false);
        bot.core.handle(new Event.ThreadCreated(inThread(thread, by), thread, newly));
        return thread;
    }

    /** A message said live: in the history and as an event. */
    DiscussionMessage say(DiscussionThread thread, Actor by, String text) {
        return said(thread, by, text).message();
    }

    Said said(DiscussionThread thread, Actor by, String text) {
        DiscussionMessage message = history.say(thread, by.id(), by.name(), bot.clock.instant(), text);
        return new Said(message, bot.core.handle(new Event.MessageWritten(inThread(thread, by), message)));
    }

    record Said(DiscussionMessage message, List<Action> actions) {
    }

    List<Action> tick() {
        return bot.core.tick();
    }

    /** Every discussion note, relative path → its text. */
    Map<String, String> notes() {
        Path folder = kb.resolve("discussions");
        Map<String, String> notes = new HashMap<>();
        if (!Files.isDirectory(folder)) return notes;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                notes.put(kb.relativize(file).toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return notes;
    }

    /** The note of a thread; null when it has none. */
    String note(DiscussionThread thread) {
        return notes().entrySet().stream().filter(e -> e.getKey().endsWith("-" + thread.threadId() + ".md"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The note of a thread as the knowledge base reads it back. */
    Note parsed(DiscussionThread thread) {
        String path = notes().keySet().stream().filter(p -> p.endsWith("-" + thread.threadId() + ".md")).findFirst()
                .orElseThrow(() -> new AssertionError("no note for thread " + thread.threadId()));
        try {
            return new KnowledgeBase(kb).read(path).note();
        } catch (MalformedNoteException e) {
            throw new AssertionError(e);
        }
    }

    Path kept(DiscussionThread thread) {
        return kb.resolve(".spikebot/capture/threads/" + thread.threadId() + ".json");
    }

    @Override
    public void close() {
        bot.close();
    }
}
