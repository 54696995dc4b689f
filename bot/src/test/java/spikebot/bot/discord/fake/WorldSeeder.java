package spikebot.bot.discord.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import spikebot.bot.discord.fake.FakeWorld.Channel;
import spikebot.bot.discord.fake.FakeWorld.ChannelType;
import spikebot.bot.discord.fake.FakeWorld.User;

import static spikebot.bot.discord.fake.FakeWorld.JSON;

/**
 * Big fake worlds made fast: threads, forum posts and their messages written straight into the world, dated in the
 * past, with no gateway event each (so seed before the bot connects, where GUILD_CREATE lists the active threads,
 * or let the bot read them over REST, as a backfill does). What Discord would have done meanwhile is done too: a
 * thread silent for longer than its auto-archive duration (a day) is archived, its {@code archive_timestamp} the
 * moment that happened; everyone who wrote in a thread is its member; ids are snowflakes of the messages' times.
 *
 * <p>{@link #threads} makes many alike for load: thread {@code i} of {@code count} opens {@code count - i} hours
 * before now (so all but the last day's are archived, each at its own time) and has {@code messagesEach}
 * messages a minute apart, written in turn by the people who can view the channel: the opening question by the
 * owner; every tenth from the fourth on a reply to the opener (type 19); every tenth from the sixth with a file
 * attached; every fifth from the fifth with a code block. In a forum each post is a thread whose first message
 * has its id, tagged in turn with the forum's tags. In a text channel, even-numbered threads are started from a
 * message in the channel (the thread takes its id; its first message is a THREAD_STARTER_MESSAGE (21) pointing
 * at it, followed by {@code messagesEach - 1} messages), odd-numbered ones without (all messages in the thread).
 */
public final class WorldSeeder {
    /** A message to seed: author, text, the index of an earlier message of the same thread it answers (or -1). */
    public record SeedMessage(User author, String content, int replyTo, List<Conversations.Attachment> files) {
        public SeedMessage(User author, String content) {
            this(author, content, -1, List.of());
        }
    }

    /**
     * A thread to seed: {@code fromMessage} starts a public thread in a text channel from its first message (which
     * then lives in the channel), forum posts and other threads hold all their messages; tags by name (forums).
     */
    public record SeedThread(long parentId, String name, User owner, boolean privateThread, boolean fromMessage,
                             List<String> tags, Instant start, Duration gap, List<SeedMessage> messages) {
    }

    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private final FakeWorld world;
    private final AtomicLong sequence = new AtomicLong();

    WorldSeeder(FakeWorld world) {
        this.world = world;
    }

    /** A snowflake of a past moment, unique by its increment bits. */
    private long idAt(Instant at) {
        if (!at.isBefore(world.clock().instant())) throw new IllegalArgumentException("seed the past, not " + at);
        return ((at.toEpochMilli() - DISCORD_EPOCH) << 22) | (sequence.incrementAndGet() & 0x3F_FFFF);
    }

    /** Seeds one thread or forum post as described; returns it. */
    public Channel thread(SeedThread spec) {
        Channel parent = world.channel(spec.parentId());
        boolean forum = parent.type == ChannelType.FORUM;
        if (spec.fromMessage() && (forum || spec.privateThread())) {
            throw new IllegalArgumentException("only public threads in text channels start from a message");
        }
        Instant at = spec.start();
        long threadId = idAt(at);
        Channel thread = world.threads().add(threadId, spec.parentId(), spec.name(), spec.owner().id(),
                spec.privateThread(), at);
        if (forum) {
            thread.appliedTags = spec.tags().stream().map(n -> parent.tags.stream().filter(t -> t.name().equals(n))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no tag " + n)).id()).toList();
        }
        List<ObjectNode> written = new ArrayList<>();
        for (int i = 0; i < spec.messages().size(); i++) {
            SeedMessage seed = spec.messages().get(i);
            boolean opener = i == 0 && (forum || spec.fromMessage());
            long channelId = opener && spec.fromMessage() ? spec.parentId() : threadId;
            ObjectNode message = message(channelId, opener ? threadId : idAt(at), seed, written);
            world.messages().remember(message);
            written.add(message);
            thread.members.add(seed.author().id());
            if (opener && spec.fromMessage()) {
                ObjectNode starter = message(threadId, idAt(at.plusMillis(1)), new SeedMessage(seed.author(), ""),
                        written);
                starter.put("type", 21);
                WorldJson.refer(starter, message);
                world.messages().remember(starter);
            }
            thread.lastActivity = at;
            at = at.plus(spec.gap());
        }
        thread.totalMessageSent.set(world.messages().count(threadId) - (forum ? 1 : 0));
        Instant archiveAt = thread.lastActivity.plus(Duration.ofMinutes(thread.autoArchiveMinutes));
        if (!archiveAt.isAfter(world.clock().instant())) {
            world.threads().setArchived(thread, true, archiveAt);
        }
        return thread;
    }

    /**
     * Seeds {@code count} threads alike (see the class description) under a forum or text channel, private ones
     * ({@code privateThreads}, text channels only) included; returns them, oldest first.
     */
    public List<Channel> threads(long parentId, int count, int messagesEach, boolean privateThreads) {
        Channel parent = world.channel(parentId);
        List<User> people = world.members(parent.guildId).stream().filter(u -> u != FakeWorld.BOT.id()
                && world.canView(u, parentId)).sorted().map(world::user).toList();
        Instant now = world.clock().instant();
        List<Channel> threads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<SeedMessage> messages = new ArrayList<>(messagesEach);
            for (int k = 0; k < messagesEach; k++) {
                User author = people.get((i + k) % people.size());
                String text = k == 0 ? "Thread " + i + " in " + parent.name + ": how do we handle case " + i + "?"
                        : "Reply " + k + " to thread " + i + (k % 5 == 0 ? "\n```python\nprint(" + k + ")\n```" : "");
                List<Conversations.Attachment> files = k % 10 == 6
                        ? List.of(new Conversations.Attachment("result-" + i + "-" + k + ".png", 2048, "image/png"))
                        : List.of();
                messages.add(new SeedMessage(author, text, k % 10 == 4 ? 0 : -1, files));
            }
            List<String> tags = parent.tags.isEmpty() ? List.of()
                    : List.of(parent.tags.get(i % parent.tags.size()).name());
            boolean fromMessage = parent.type == ChannelType.TEXT && !privateThreads && i % 2 == 0;
            threads.add(thread(new SeedThread(parentId, "thread " + i + " of " + parent.name, messages.get(0).author(),
                    privateThreads, fromMessage, tags, now.minus(Duration.ofHours(count - i)), Duration.ofMinutes(1),
                    messages)));
        }
        return threads;
    }

    /** Seeds plain messages in a channel, {@code gap} apart from {@code start}; returns them, oldest first. */
    public List<ObjectNode> messages(long channelId, Instant start, Duration gap, List<SeedMessage> messages) {
        List<ObjectNode> written = new ArrayList<>();
        Instant at = start;
        for (SeedMessage seed : messages) {
            ObjectNode message = message(channelId, idAt(at), seed, written);
            world.messages().remember(message);
            written.add(message);
            at = at.plus(gap);
        }
        return written.stream().map(ObjectNode::deepCopy).toList();
    }

    private ObjectNode message(long channelId, long id, SeedMessage seed, List<ObjectNode> earlier) {
        ObjectNode message = world.json().messageJson(channelId, id, seed.author(),
                JSON.createObjectNode().put("content", seed.content()));
        if (seed.replyTo() >= 0) {
            message.put("type", 19);
            WorldJson.refer(message, earlier.get(seed.replyTo()));
        }
        ArrayNode attachments = message.putArray("attachments");
        for (Conversations.Attachment file : seed.files()) {
            attachments.add(world.json().attachmentJson(idAt(FakeWorld.createdAt(id)), channelId, file));
        }
        return message;
    }
}
