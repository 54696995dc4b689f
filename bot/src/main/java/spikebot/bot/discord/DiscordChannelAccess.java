package spikebot.bot.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.attribute.IPermissionContainer;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.bot.core.ChannelAccess;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Who can view which channel, from Discord's permissions at the moment of asking: the member's current roles and
 * the channel's current overwrites, for roles and for single members (kept up to date by the gateway; JDA keeps
 * member overwrites only with {@code CacheFlag.MEMBER_OVERRIDES}, which the bot switches on). JDA computes them as
 * Discord documents: base permissions from {@code @everyone} and the roles, Administrator grants all, then the
 * channel's {@code @everyone} overwrite, the role overwrites together, the member's own overwrite last. The member comes from the interaction or
 * message being answered (fresh from Discord), else from Discord's REST API; the bot does not cache all members.
 *
 * <p>A private thread is visible to its members and to those who may manage threads; a public thread to whoever
 * sees its parent. Archived threads, which the gateway no longer reports, are looked up in the
 * {@link ThreadDirectory} (spike threads, and every captured thread). Whether someone is a member of an archived
 * private thread can be asked only of a thread JDA has an object for, one met in a listing since the bot started
 * ({@link DiscordHistory#listed}); else only those who may manage threads see it: never more than Discord shows.
 * An unknown channel or member is not visible.
 */
final class DiscordChannelAccess implements ChannelAccess {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordChannelAccess.class);
    /** How long a member seen in an event counts as fresh. */
    private static final Duration FRESH = Duration.ofSeconds(30);

    private record Seen(Member member, Instant at) {
    }

    private final JDA jda;
    private final ThreadDirectory threads;
    /** An archived thread as last listed, to ask Discord who is in it. */
    private final Function<String, Optional<ThreadChannel>> listed;
    private final Map<String, Seen> recent = new ConcurrentHashMap<>();

    DiscordChannelAccess(JDA jda, ThreadDirectory threads, Function<String, Optional<ThreadChannel>> listed) {
        this.jda = jda;
        this.threads = threads;
        this.listed = listed;
    }

    /** Remembers a member as Discord just described them in an event. */
    void saw(Member member) {
        if (member == null) return;
        Instant now = Instant.now();
        recent.put(key(member.getGuild().getId(), member.getId()), new Seen(member, now));
        if (recent.size() > 10_000) recent.values().removeIf(s -> s.at().isBefore(now.minus(FRESH)));
    }

    @Override
    public boolean canView(String guildId, String userId, String channelId) {
        try {
            Guild guild = jda.getGuildById(guildId);
            if (guild == null) return false;
            GuildChannel channel = guild.getGuildChannelById(channelId);
            if (channel == null) return canViewArchived(guild, userId, channelId);
            Member member = member(guild, userId);
            if (member == null) return false;
            if (channel instanceof ThreadChannel thread) {
                GuildChannel parent = thread.getParentChannel();
                if (!member.hasPermission(parent, Permission.VIEW_CHANNEL)) return false;
                if (thread.isPublic() || member.hasPermission(parent, Permission.MANAGE_THREADS)) return true;
                return isMember(thread, userId);
            }
            return member.hasPermission(channel, Permission.VIEW_CHANNEL);
        } catch (RuntimeException e) {
            LOG.warn("could not check whether {} can view {}: {}", userId, channelId, e.getMessage());
            return false;
        }
    }

    /**
     * A thread that is not in the gateway's cache, which means archived: public ones follow their parent; private
     * ones are shown to those who may manage threads there, and to their members when the thread was listed since
     * the bot started (see the class comment).
     */
    private boolean canViewArchived(Guild guild, String userId, String threadId) {
        var entry = threads.find(guild.getId(), threadId);
        if (entry.isEmpty()) return false;
        GuildChannel parent = guild.getGuildChannelById(entry.get().parentId());
        if (parent == null) return false;
        Member member = member(guild, userId);
        if (member == null || !member.hasPermission(parent, Permission.VIEW_CHANNEL)) return false;
        if (entry.get().isPublic() || member.hasPermission(parent, Permission.MANAGE_THREADS)) return true;
        return listed.apply(threadId).map(thread -> isMember(thread, userId)).orElse(false);
    }

    /** Asks Discord (a thread's members are not all in JDA's cache); a failure counts as not a member. */
    private static boolean isMember(ThreadChannel thread, String userId) {
        return thread.retrieveThreadMemberById(userId).submit().handle((m, e) -> m != null).join();
    }

    /**
     * Every member may view it: {@code @everyone} may (after the channel's {@code @everyone} overwrite), and no role
     * or member overwrite there takes View Channel away from anyone. Deliberately stricter than Discord's own
     * computation (a role's denial may be lifted by another role of the same member): a channel that is public by
     * that narrow margin only loses its notes from public answers, it never leaks them. Category overwrites need
     * no look: Discord applies a channel's own overwrites only (a synced channel holds copies of its category's).
     */
    @Override
    public boolean readsMessageText() {
        return jda.getGatewayIntents().contains(GatewayIntent.MESSAGE_CONTENT);
    }

    @Override
    public boolean isPublic(String guildId, String channelId) {
        Guild guild = jda.getGuildById(guildId);
        if (guild == null) return false;
        GuildChannel channel = guild.getGuildChannelById(channelId);
        if (channel == null) {
            var entry = threads.find(guildId, channelId);
            GuildChannel parent = entry.map(e -> guild.getGuildChannelById(e.parentId())).orElse(null);
            return parent != null && entry.get().isPublic() && everyoneViews(parent);
        }
        if (channel instanceof ThreadChannel thread) {
            return thread.isPublic() && everyoneViews(thread.getParentChannel());
        }
        return everyoneViews(channel);
    }

    /** Channels that hold threads are the forum, media, text and announcement channels (JDA's thread containers). */
    @Override
    public Kind kind(String guildId, String channelId) {
        Guild guild = jda.getGuildById(guildId);
        GuildChannel channel = guild == null ? null : guild.getGuildChannelById(channelId);
        if (channel == null || !guild.getSelfMember().hasAccess(channel)) return Kind.UNKNOWN;
        return channel instanceof IThreadContainer ? Kind.HOLDS_THREADS : Kind.OTHER;
    }

    private static boolean everyoneViews(GuildChannel channel) {
        if (!channel.getGuild().getPublicRole().hasPermission(channel, Permission.VIEW_CHANNEL)) return false;
        if (!(channel.getPermissionContainer() instanceof IPermissionContainer container)) return true;
        return container.getPermissionOverrides().stream()
                .noneMatch(o -> !o.getId().equals(channel.getGuild().getId())
                        && o.getDenied().contains(Permission.VIEW_CHANNEL));
    }

    private Member member(Guild guild, String userId) {
        Seen seen = recent.get(key(guild.getId(), userId));
        if (seen != null && seen.at().isAfter(Instant.now().minus(FRESH))) return seen.member();
        return guild.retrieveMemberById(userId).submit().handle((m, e) -> m).join();
    }

    private static String key(String guildId, String userId) {
        return guildId + ":" + userId;
    }
}
