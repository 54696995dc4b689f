package spikebot.bot.discord.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.dv8tion.jda.api.Permission;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the fake Discord knows: two guilds with their roles, channels and members ({@link FakeGuilds}), plus the
 * threads ({@link ThreadStore}) and messages ({@link MessageStore}) made while a test runs. Its JSON
 * ({@link WorldJson}) has the shapes Discord sends (and that JDA parses), so that the real client builds real
 * entities from it.
 *
 * <p>Ids are fixed so that tests can name them (the constants here, described in {@link FakeGuilds}); roles and
 * overwrites can change while a test runs ({@link #setRoles}, {@link FakeDiscord#setOverwrites}).
 */
public final class FakeWorld {
    static final ObjectMapper JSON = new ObjectMapper();

    public static final long APPLICATION_ID = 900_000_000_000_000_001L;

    public record User(long id, String name, boolean bot) {
        public String mention() {
            return "<@" + Long.toUnsignedString(id) + ">";
        }
    }

    public record Role(long id, String name, EnumSet<Permission> permissions, int position) {
    }

    /** An allow/deny pair for a role (or the guild's everyone role) or a member, as Discord stores it. */
    public record Overwrite(long id, boolean member, EnumSet<Permission> allow, EnumSet<Permission> deny) {
    }

    /** A forum's tag. */
    public record Tag(long id, String name) {
    }

    /** Discord's channel types that the fake uses. */
    public enum ChannelType {
        TEXT(0), CATEGORY(4), PUBLIC_THREAD(11), PRIVATE_THREAD(12), FORUM(15);

        final int id;

        ChannelType(int id) {
            this.id = id;
        }
    }

    /**
     * A channel, category or thread. Threads are created at run time; {@code archived} changes with PATCH, the
     * overwrites when an admin edits them ({@link FakeDiscord#setOverwrites}). A channel's {@code parentId} is its
     * category (0 for none), a thread's its channel.
     */
    public static final class Channel {
        public final long id;
        public final long guildId;
        public final ChannelType type;
        /** Threads: renamed by THREAD_UPDATE. */
        public volatile String name;
        public final long parentId;
        public final long ownerId;
        volatile List<Overwrite> overwrites;
        volatile boolean archived;
        volatile boolean locked;
        /** Threads: minutes without a message before Discord archives it; when the last message came. */
        volatile int autoArchiveMinutes = 1440;
        volatile Instant lastActivity;
        /** Threads: set when created, archived or unarchived, as Discord's {@code archive_timestamp}. */
        volatile Instant archiveTimestamp;
        volatile Instant createdAt;
        /** Threads: messages ever sent (Discord's {@code total_message_sent}, not lowered by deletes). */
        final AtomicInteger totalMessageSent = new AtomicInteger();
        /** Forums: the tags posts may carry, and whether each post must carry one ("Require tags"). */
        volatile List<Tag> tags = List.of();
        volatile boolean requireTag;
        /** Forum posts: the tags applied. */
        volatile List<Long> appliedTags = List.of();
        /** Who joined the thread (threads only). */
        final java.util.Set<Long> members = ConcurrentHashMap.newKeySet();

        Channel(long id, long guildId, ChannelType type, String name, long parentId, long ownerId,
                List<Overwrite> overwrites) {
            this.id = id;
            this.guildId = guildId;
            this.type = type;
            this.name = name;
            this.parentId = parentId;
            this.ownerId = ownerId;
            this.overwrites = List.copyOf(overwrites);
        }

        public boolean archived() {
            return archived;
        }

        /** A forum post's tags (ids). */
        public List<Long> appliedTags() {
            return appliedTags;
        }

        /** A thread's inactivity period in minutes, after which Discord archives it. */
        public int autoArchiveMinutes() {
            return autoArchiveMinutes;
        }

        public boolean isThread() {
            return type == ChannelType.PUBLIC_THREAD || type == ChannelType.PRIVATE_THREAD;
        }
    }

    public record Guild(long id, String name, long ownerId, List<Role> roles, List<Channel> channels,
                        Map<Long, List<Long>> memberRoles) {
    }

    public static final User BOT = new User(900_000_000_000_000_001L, "Spikebot", true);
    public static final User OLIVIA = new User(100_000_000_000_000_001L, "olivia", false);
    public static final User ALICE = new User(100_000_000_000_000_002L, "alice", false);
    public static final User BOB = new User(100_000_000_000_000_003L, "bob", false);
    public static final User MARIA = new User(100_000_000_000_000_004L, "maria", false);
    public static final User CAROL = new User(100_000_000_000_000_005L, "carol", false);
    /** Denied #lounge and allowed #vault and #lab-unsynced, each by a member overwrite of his own. */
    public static final User DAVE = new User(100_000_000_000_000_006L, "dave", false);
    /** Allowed #board and the #lab category by member overwrites; no roles. */
    public static final User ERIN = new User(100_000_000_000_000_007L, "erin", false);
    /** Has the Admin role (Administrator): sees every channel whatever its overwrites. */
    public static final User FRANK = new User(100_000_000_000_000_008L, "frank", false);
    /** Another app's bot (a CI notifier, say): its messages come with no member, like an app's or webhook's. */
    public static final User CI_BOT = new User(900_000_000_000_000_002L, "ci-bot", true);

    public static final long ML_TEAM = 200_000_000_000_000_001L;
    public static final long OTHER_TEAM = 200_000_000_000_000_002L;
    public static final long MANAGER_ROLE = 300_000_000_000_000_001L;
    public static final long BOT_ROLE = 300_000_000_000_000_002L;
    public static final long OTHER_BOT_ROLE = 300_000_000_000_000_003L;
    public static final long RESEARCHER_ROLE = 300_000_000_000_000_004L;
    public static final long ADMIN_ROLE = 300_000_000_000_000_005L;
    public static final long GENERAL = 400_000_000_000_000_001L;
    public static final long RESEARCH = 400_000_000_000_000_002L;
    public static final long IDEAS = 400_000_000_000_000_003L;
    public static final long SPIKES_FORUM = 400_000_000_000_000_004L;
    /** Everyone, but dave is denied by a member overwrite. */
    public static final long LOUNGE = 400_000_000_000_000_005L;
    /** Nobody (@everyone denied), but erin is allowed by a member overwrite; the bot's role is allowed. */
    public static final long BOARD = 400_000_000_000_000_006L;
    /** A category: @everyone denied, Researcher, the bot and erin (member overwrite) allowed. */
    public static final long LAB = 400_000_000_000_000_007L;
    /** In #lab, synced: the category's overwrites. */
    public static final long LAB_SYNCED = 400_000_000_000_000_008L;
    /** In #lab, not synced: @everyone denied, the bot and dave (member overwrite) allowed; not erin. */
    public static final long LAB_UNSYNCED = 400_000_000_000_000_009L;
    /** The bot cannot view it (@everyone denied, dave allowed): Discord sends it obfuscated. */
    public static final long VAULT = 400_000_000_000_000_010L;
    public static final long OTHER_GENERAL = 400_000_000_000_000_101L;

    private final Map<Long, Guild> guilds = new ConcurrentHashMap<>();
    private final Map<Long, Channel> channels = new ConcurrentHashMap<>();
    private final Map<Long, User> users = new ConcurrentHashMap<>();
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private final AtomicLong nextId = new AtomicLong();

    private final Clock clock;
    private final WorldJson json = new WorldJson(this);
    private final MessageStore messages = new MessageStore(json);
    private final ThreadStore threads = new ThreadStore(this, channels, messages);

    FakeWorld(Clock clock) {
        this.clock = clock;
        for (User u : FakeGuilds.USERS) users.put(u.id(), u);
        FakeGuilds.build().forEach(this::addGuild);
    }

    private void addGuild(Guild guild) {
        guilds.put(guild.id(), guild);
        guild.channels().forEach(c -> channels.put(c.id, c));
    }

    public List<Guild> guilds() {
        return List.copyOf(guilds.values());
    }

    public Guild guild(long id) {
        Guild guild = guilds.get(id);
        if (guild == null) throw new IllegalArgumentException("no guild " + id);
        return guild;
    }

    public Channel channel(long id) {
        Channel channel = channels.get(id);
        if (channel == null) throw new IllegalArgumentException("no channel " + Long.toUnsignedString(id));
        return channel;
    }

    Optional<Channel> findChannel(long id) {
        return Optional.ofNullable(channels.get(id));
    }

    /** Gives a member exactly these roles, as a server admin would; the next event from them carries the change. */
    public void setRoles(long guildId, User user, long... roleIds) {
        guild(guildId).memberRoles().put(user.id(), java.util.Arrays.stream(roleIds).boxed().toList());
    }

    public User user(long id) {
        User user = users.get(id);
        if (user == null) throw new IllegalArgumentException("no user " + id);
        return user;
    }

    /**
     * A snowflake of now: JDA reads an interaction's age from its id (and refuses to answer one older than 15
     * minutes), and sorts messages by id.
     */
    long newId() {
        long now = (clock.millis() - DISCORD_EPOCH) << 22;
        return nextId.updateAndGet(last -> Math.max(last + 1, now));
    }

    /** A snowflake of an earlier time (an event that reaches the bot late); unique by its increment bits. */
    long newIdAt(Instant at) {
        return ((at.toEpochMilli() - DISCORD_EPOCH) << 22) | (nextId.incrementAndGet() & 0x3F_FFFF);
    }

    Clock clock() {
        return clock;
    }

    /** The creation time a snowflake id carries. */
    static Instant createdAt(long snowflake) {
        return Instant.ofEpochMilli((snowflake >>> 22) + DISCORD_EPOCH);
    }

    static String id(long id) {
        return Long.toUnsignedString(id);
    }

    String now() {
        return clock.instant().toString();
    }

    WorldJson json() {
        return json;
    }

    // ---- state changed by REST calls

    Channel createThread(long parentId, String name, long ownerId, boolean privateThread) {
        return threads.add(newId(), parentId, name, ownerId, privateThread, clock.instant());
    }

    /** Threads and forum posts: their making, archiving, deleting and listing. */
    ThreadStore threads() {
        return threads;
    }

    MessageStore messages() {
        return messages;
    }

    /** The threads (and forum posts) created under a channel, oldest first. */
    public List<Channel> threadsOf(long parentId) {
        return threads.of(parentId);
    }

    // ---- permissions

    /** A member's permissions in a channel or thread ({@link DiscordPermissions}). */
    public EnumSet<Permission> permissions(long userId, long channelId) {
        Channel channel = channel(channelId);
        if (channel.isThread()) return permissions(userId, channel.parentId);
        return DiscordPermissions.of(guild(channel.guildId), channel, userId);
    }

    /**
     * Whether this member may read the channel, as Discord decides: View Channel there; in a thread, View Channel
     * in its parent, and for a private thread also being in it or allowed Manage Threads.
     */
    public boolean canView(long userId, long channelId) {
        Channel channel = channel(channelId);
        if (!permissions(userId, channelId).contains(Permission.VIEW_CHANNEL)) return false;
        return channel.type != ChannelType.PRIVATE_THREAD || channel.members.contains(userId)
                || permissions(userId, channel.parentId).contains(Permission.MANAGE_THREADS);
    }

    /** The guild's members (user ids), the bot included. */
    public List<Long> members(long guildId) {
        return List.copyOf(guild(guildId).memberRoles().keySet());
    }

    /** Replaces a channel's overwrites, as an admin's edit in Discord's client does. */
    void setOverwrites(long channelId, List<Overwrite> overwrites) {
        channel(channelId).overwrites = List.copyOf(overwrites);
    }

}
