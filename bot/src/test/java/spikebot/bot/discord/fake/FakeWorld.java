package spikebot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.dv8tion.jda.api.Permission;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the fake Discord knows: two guilds with their roles, channels and members, plus the threads and messages
 * created while a test runs. Its JSON has the shapes Discord sends (and that JDA parses), so that the real client
 * builds real entities from it.
 *
 * <p>Guild "ml-team" has #general (everyone), #research (private: @everyone may not view it, the Researcher role
 * and the Manager role may), #ideas (text, for passive answers), a forum #spikes, and members olivia (owner), alice
 * (Researcher), bob, maria (Manager: Manage Server and Manage Threads) and the bot. Guild "other-team" has #general
 * and carol. Ids are fixed so that tests can name them; roles can change while a test runs ({@link #setRoles}).
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

    /** Discord's channel types that the fake uses. */
    public enum ChannelType {
        TEXT(0), PUBLIC_THREAD(11), PRIVATE_THREAD(12), FORUM(15);

        final int id;

        ChannelType(int id) {
            this.id = id;
        }
    }

    /** A channel or thread. Threads are created at run time; {@code archived} changes with PATCH. */
    public static final class Channel {
        public final long id;
        public final long guildId;
        public final ChannelType type;
        public final String name;
        public final long parentId;
        public final long ownerId;
        public final List<Overwrite> overwrites;
        volatile boolean archived;
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
            this.overwrites = overwrites;
        }

        public boolean archived() {
            return archived;
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

    public static final long ML_TEAM = 200_000_000_000_000_001L;
    public static final long OTHER_TEAM = 200_000_000_000_000_002L;
    public static final long MANAGER_ROLE = 300_000_000_000_000_001L;
    public static final long BOT_ROLE = 300_000_000_000_000_002L;
    public static final long OTHER_BOT_ROLE = 300_000_000_000_000_003L;
    public static final long RESEARCHER_ROLE = 300_000_000_000_000_004L;
    public static final long GENERAL = 400_000_000_000_000_001L;
    public static final long RESEARCH = 400_000_000_000_000_002L;
    public static final long IDEAS = 400_000_000_000_000_003L;
    public static final long SPIKES_FORUM = 400_000_000_000_000_004L;
    public static final long OTHER_GENERAL = 400_000_000_000_000_101L;

    private static final EnumSet<Permission> EVERYONE = EnumSet.of(Permission.VIEW_CHANNEL,
            Permission.MESSAGE_SEND, Permission.MESSAGE_HISTORY, Permission.MESSAGE_EMBED_LINKS,
            Permission.USE_APPLICATION_COMMANDS, Permission.CREATE_PUBLIC_THREADS,
            Permission.MESSAGE_SEND_IN_THREADS);
    private static final EnumSet<Permission> BOT_PERMISSIONS = EnumSet.of(Permission.VIEW_CHANNEL,
            Permission.MESSAGE_SEND, Permission.MESSAGE_HISTORY, Permission.MESSAGE_EMBED_LINKS,
            Permission.CREATE_PUBLIC_THREADS, Permission.MESSAGE_SEND_IN_THREADS, Permission.MANAGE_THREADS);

    private final Map<Long, Guild> guilds = new ConcurrentHashMap<>();
    private final Map<Long, Channel> channels = new ConcurrentHashMap<>();
    private final Map<Long, User> users = new ConcurrentHashMap<>();
    private final Map<Long, ObjectNode> messages = new ConcurrentHashMap<>();
    /** Deleted messages as they were last, so that a test can still read an answer the bot has since removed. */
    private final Map<Long, ObjectNode> deleted = new ConcurrentHashMap<>();
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private final AtomicLong nextId = new AtomicLong();

    private final Clock clock;

    FakeWorld(Clock clock) {
        this.clock = clock;
        for (User u : List.of(BOT, OLIVIA, ALICE, BOB, MARIA, CAROL)) users.put(u.id(), u);

        List<Channel> mlChannels = new ArrayList<>(List.of(
                new Channel(GENERAL, ML_TEAM, ChannelType.TEXT, "general", 0, 0, List.of()),
                new Channel(RESEARCH, ML_TEAM, ChannelType.TEXT, "research", 0, 0, List.of(
                        new Overwrite(ML_TEAM, false, EnumSet.noneOf(Permission.class),
                                EnumSet.of(Permission.VIEW_CHANNEL)),
                        new Overwrite(RESEARCHER_ROLE, false, EnumSet.of(Permission.VIEW_CHANNEL),
                                EnumSet.noneOf(Permission.class)),
                        new Overwrite(MANAGER_ROLE, false, EnumSet.of(Permission.VIEW_CHANNEL),
                                EnumSet.noneOf(Permission.class)),
                        new Overwrite(BOT_ROLE, false, EnumSet.of(Permission.VIEW_CHANNEL),
                                EnumSet.noneOf(Permission.class)))),
                new Channel(IDEAS, ML_TEAM, ChannelType.TEXT, "ideas", 0, 0, List.of()),
                new Channel(SPIKES_FORUM, ML_TEAM, ChannelType.FORUM, "spikes", 0, 0, List.of())));
        addGuild(new Guild(ML_TEAM, "ml-team", OLIVIA.id(), List.of(
                new Role(ML_TEAM, "@everyone", EVERYONE, 0),
                new Role(MANAGER_ROLE, "Manager", EnumSet.of(Permission.MANAGE_SERVER, Permission.MANAGE_THREADS), 2),
                new Role(BOT_ROLE, "Spikebot", BOT_PERMISSIONS, 1),
                new Role(RESEARCHER_ROLE, "Researcher", EnumSet.noneOf(Permission.class), 1)),
                mlChannels, new ConcurrentHashMap<>(Map.of(
                        OLIVIA.id(), List.of(), ALICE.id(), List.of(RESEARCHER_ROLE), BOB.id(), List.of(),
                        MARIA.id(), List.of(MANAGER_ROLE), BOT.id(), List.of(BOT_ROLE)))));

        addGuild(new Guild(OTHER_TEAM, "other-team", CAROL.id(), List.of(
                new Role(OTHER_TEAM, "@everyone", EVERYONE, 0),
                new Role(OTHER_BOT_ROLE, "Spikebot", BOT_PERMISSIONS, 1)),
                new ArrayList<>(List.of(new Channel(OTHER_GENERAL, OTHER_TEAM, ChannelType.TEXT, "general", 0, 0,
                        List.of()))),
                new ConcurrentHashMap<>(Map.of(CAROL.id(), List.of(), BOT.id(), List.of(OTHER_BOT_ROLE)))));
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

    // ---- state changed by REST calls

    Channel createThread(long parentId, String name, long ownerId, boolean privateThread) {
        Channel parent = channel(parentId);
        Channel thread = new Channel(newId(), parent.guildId, privateThread ? ChannelType.PRIVATE_THREAD
                : ChannelType.PUBLIC_THREAD, name, parentId, ownerId, List.of());
        channels.put(thread.id, thread);
        return thread;
    }

    void remember(ObjectNode message) {
        messages.put(message.get("id").asLong(), message);
    }

    void forget(long messageId) {
        ObjectNode gone = messages.remove(messageId);
        if (gone != null) deleted.put(messageId, gone);
    }

    List<ObjectNode> messagesIn(long channelId) {
        String channel = id(channelId);
        return messages.values().stream().filter(m -> channel.equals(m.path("channel_id").asText()))
                .sorted(java.util.Comparator.comparing(m -> m.get("id").asLong())).map(ObjectNode::deepCopy).toList();
    }

    /** The threads (and forum posts) created under a channel, oldest first. */
    public List<Channel> threadsOf(long parentId) {
        return channels.values().stream().filter(c -> c.isThread() && c.parentId == parentId)
                .sorted(java.util.Comparator.comparingLong(c -> c.id)).toList();
    }

    public Optional<ObjectNode> message(long id) {
        return Optional.ofNullable(messages.get(id)).map(ObjectNode::deepCopy);
    }

    /** A message in its last state, even if it was deleted since (a placeholder the bot removed, say). */
    Optional<ObjectNode> lastSeen(long id) {
        return message(id).or(() -> Optional.ofNullable(deleted.get(id)).map(ObjectNode::deepCopy));
    }

    /** Applies an edit (content, components, embeds) to a message; "thinking…" ends, visibility stays. */
    ObjectNode applyEdit(long messageId, JsonNode body) {
        ObjectNode message = message(messageId).orElseThrow();
        for (String field : List.of("content", "components")) {
            if (body.has(field)) message.set(field, body.get(field).deepCopy());
        }
        if (body.has("embeds")) {
            message.set("embeds", messageJson(message.get("channel_id").asLong(), messageId, BOT, body).get("embeds"));
        }
        message.put("flags", message.path("flags").asInt(0) & ~128);
        message.put("edited_timestamp", now());
        remember(message);
        return message.deepCopy();
    }

    // ---- permissions, computed as Discord does: base from roles, then everyone/role/member overwrites

    public EnumSet<Permission> permissions(long userId, long channelId) {
        Channel channel = channel(channelId);
        if (channel.isThread()) return permissions(userId, channel.parentId);
        Guild guild = guild(channel.guildId);
        if (guild.ownerId() == userId) return all();
        List<Long> roleIds = guild.memberRoles().getOrDefault(userId, List.of());
        EnumSet<Permission> perms = EnumSet.noneOf(Permission.class);
        for (Role role : guild.roles()) {
            if (role.id() == guild.id() || roleIds.contains(role.id())) perms.addAll(role.permissions());
        }
        if (perms.contains(Permission.ADMINISTRATOR)) return all();
        for (Overwrite o : channel.overwrites) {
            if (!o.member() && o.id() == guild.id()) apply(perms, o);
        }
        EnumSet<Permission> allow = EnumSet.noneOf(Permission.class);
        EnumSet<Permission> deny = EnumSet.noneOf(Permission.class);
        for (Overwrite o : channel.overwrites) {
            if (!o.member() && roleIds.contains(o.id())) {
                allow.addAll(o.allow());
                deny.addAll(o.deny());
            }
        }
        perms.removeAll(deny);
        perms.addAll(allow);
        for (Overwrite o : channel.overwrites) {
            if (o.member() && o.id() == userId) apply(perms, o);
        }
        return perms;
    }

    private static EnumSet<Permission> all() {
        EnumSet<Permission> all = EnumSet.allOf(Permission.class);
        all.remove(Permission.UNKNOWN);
        return all;
    }

    private static void apply(EnumSet<Permission> perms, Overwrite o) {
        perms.removeAll(o.deny());
        perms.addAll(o.allow());
    }

    // ---- JSON in Discord's shapes

    static String id(long id) {
        return Long.toUnsignedString(id);
    }

    String now() {
        return clock.instant().toString();
    }

    ObjectNode userJson(User user) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id(user.id()));
        json.put("username", user.name());
        json.put("global_name", user.name());
        json.put("discriminator", "0");
        json.putNull("avatar");
        json.put("bot", user.bot());
        json.put("public_flags", 0);
        return json;
    }

    ObjectNode selfUserJson() {
        ObjectNode json = userJson(BOT);
        json.put("verified", true);
        json.put("mfa_enabled", false);
        json.put("flags", 0);
        return json;
    }

    ObjectNode memberJson(long guildId, User user, boolean withUser) {
        ObjectNode json = JSON.createObjectNode();
        if (withUser) json.set("user", userJson(user));
        ArrayNode roles = json.putArray("roles");
        guild(guildId).memberRoles().getOrDefault(user.id(), List.of()).forEach(r -> roles.add(id(r)));
        json.putNull("nick");
        json.putNull("avatar");
        json.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        json.putNull("premium_since");
        json.put("deaf", false);
        json.put("mute", false);
        json.put("pending", false);
        json.put("flags", 0);
        json.putNull("communication_disabled_until");
        return json;
    }

    ObjectNode roleJson(Role role) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id(role.id()));
        json.put("name", role.name());
        json.put("color", 0);
        ObjectNode colors = json.putObject("colors");
        colors.put("primary_color", 0);
        colors.putNull("secondary_color");
        colors.putNull("tertiary_color");
        json.put("hoist", false);
        json.put("position", role.position());
        json.put("permissions", Long.toString(Permission.getRaw(role.permissions())));
        json.put("managed", role.id() == BOT_ROLE || role.id() == OTHER_BOT_ROLE);
        json.put("mentionable", false);
        json.put("flags", 0);
        return json;
    }

    ObjectNode channelJson(Channel channel) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id(channel.id));
        json.put("type", channel.type.id);
        json.put("guild_id", id(channel.guildId));
        json.put("name", channel.name);
        json.put("position", 0);
        json.put("flags", 0);
        json.put("nsfw", false);
        json.put("rate_limit_per_user", 0);
        if (channel.isThread()) {
            json.put("parent_id", id(channel.parentId));
            json.put("owner_id", id(channel.ownerId));
            json.put("member_count", 1);
            json.put("message_count", 0);
            json.put("total_message_sent", 0);
            ObjectNode meta = json.putObject("thread_metadata");
            meta.put("archived", channel.archived);
            meta.put("auto_archive_duration", 1440);
            meta.put("archive_timestamp", now());
            meta.put("locked", false);
            meta.put("invitable", true);
            meta.put("create_timestamp", now());
        } else {
            json.putNull("parent_id");
            json.putNull("topic");
            ArrayNode overwrites = json.putArray("permission_overwrites");
            for (Overwrite o : channel.overwrites) {
                ObjectNode ow = overwrites.addObject();
                ow.put("id", id(o.id()));
                ow.put("type", o.member() ? 1 : 0);
                ow.put("allow", Long.toString(Permission.getRaw(o.allow())));
                ow.put("deny", Long.toString(Permission.getRaw(o.deny())));
            }
            if (channel.type == ChannelType.FORUM) {
                json.putArray("available_tags");
                json.putNull("default_reaction_emoji");
                json.put("default_sort_order", 0);
                json.put("default_forum_layout", 0);
            }
        }
        return json;
    }

    ObjectNode guildCreateJson(Guild guild) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id(guild.id()));
        json.put("name", guild.name());
        json.putNull("icon");
        json.put("owner_id", id(guild.ownerId()));
        json.put("preferred_locale", "en-US");
        json.put("unavailable", false);
        json.put("large", false);
        json.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        json.put("member_count", guild.memberRoles().size());
        json.put("afk_timeout", 300);
        json.put("verification_level", 0);
        json.put("default_message_notifications", 0);
        json.put("explicit_content_filter", 0);
        json.put("mfa_level", 0);
        json.put("nsfw_level", 0);
        json.put("premium_tier", 0);
        json.putNull("system_channel_id");
        json.putNull("afk_channel_id");
        json.putArray("features");
        ArrayNode roles = json.putArray("roles");
        guild.roles().forEach(r -> roles.add(roleJson(r)));
        ArrayNode chans = json.putArray("channels");
        guild.channels().forEach(c -> chans.add(channelJson(c)));
        ArrayNode threads = json.putArray("threads");
        channels.values().stream().filter(c -> c.guildId == guild.id() && c.isThread() && !c.archived)
                .sorted(java.util.Comparator.comparingLong(c -> c.id)).forEach(c -> threads.add(channelJson(c)));
        ArrayNode members = json.putArray("members");
        guild.memberRoles().keySet().stream().sorted()
                .forEach(u -> members.add(memberJson(guild.id(), user(u), true)));
        json.putArray("voice_states");
        json.putArray("presences");
        json.putArray("emojis");
        json.putArray("stickers");
        json.putArray("guild_scheduled_events");
        json.putArray("stage_instances");
        json.putArray("soundboard_sounds");
        return json;
    }

    /** A message as Discord returns it, built from what the bot sent (content, embeds, components, flags). */
    ObjectNode messageJson(long channelId, long messageId, User author, JsonNode sent) {
        Channel channel = channel(channelId);
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id(messageId));
        json.put("channel_id", id(channelId));
        json.put("guild_id", id(channel.guildId));
        json.set("author", userJson(author));
        if (!author.bot()) json.set("member", memberJson(channel.guildId, author, false));
        json.put("content", sent.path("content").asText(""));
        json.put("timestamp", now());
        json.putNull("edited_timestamp");
        json.put("tts", false);
        json.put("mention_everyone", false);
        json.putArray("mentions");
        json.putArray("mention_roles");
        json.putArray("attachments");
        ArrayNode embeds = json.putArray("embeds");
        for (JsonNode embed : sent.path("embeds")) {
            ObjectNode copy = embed.deepCopy();
            if (!copy.has("type")) copy.put("type", "rich");
            embeds.add(copy);
        }
        json.set("components", sent.has("components") ? sent.get("components").deepCopy()
                : JSON.createArrayNode());
        json.put("pinned", false);
        json.put("type", 0);
        json.put("flags", sent.path("flags").asInt(0));
        return json;
    }
}
