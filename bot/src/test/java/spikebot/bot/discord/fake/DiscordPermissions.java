package spikebot.bot.discord.fake;

import net.dv8tion.jda.api.Permission;

import java.util.EnumSet;
import java.util.List;

/**
 * A member's permissions in a channel, computed as Discord's documentation gives the algorithm, independently of
 * JDA's own computation (which the bot uses): the owner has all; base permissions are those of {@code @everyone}
 * and of the member's roles; Administrator grants all; then the channel's {@code @everyone} overwrite, the role
 * overwrites of the member's roles together (denials first, then allowances), and the member's own overwrite last.
 * Only the channel's own overwrites count (a channel synced with its category holds copies of the category's).
 */
final class DiscordPermissions {
    private DiscordPermissions() {
    }

    static EnumSet<Permission> of(FakeWorld.Guild guild, FakeWorld.Channel channel, long userId) {
        if (guild.ownerId() == userId) return all();
        List<Long> roleIds = guild.memberRoles().getOrDefault(userId, List.of());
        EnumSet<Permission> perms = EnumSet.noneOf(Permission.class);
        for (FakeWorld.Role role : guild.roles()) {
            if (role.id() == guild.id() || roleIds.contains(role.id())) perms.addAll(role.permissions());
        }
        if (perms.contains(Permission.ADMINISTRATOR)) return all();
        for (FakeWorld.Overwrite o : channel.overwrites) {
            if (!o.member() && o.id() == guild.id()) apply(perms, o);
        }
        EnumSet<Permission> allow = EnumSet.noneOf(Permission.class);
        EnumSet<Permission> deny = EnumSet.noneOf(Permission.class);
        for (FakeWorld.Overwrite o : channel.overwrites) {
            if (!o.member() && roleIds.contains(o.id())) {
                allow.addAll(o.allow());
                deny.addAll(o.deny());
            }
        }
        perms.removeAll(deny);
        perms.addAll(allow);
        for (FakeWorld.Overwrite o : channel.overwrites) {
            if (o.member() && o.id() == userId) apply(perms, o);
        }
        return perms;
    }

    private static EnumSet<Permission> all() {
        EnumSet<Permission> all = EnumSet.allOf(Permission.class);
        all.remove(Permission.UNKNOWN);
        return all;
    }

    private static void apply(EnumSet<Permission> perms, FakeWorld.Overwrite o) {
        perms.removeAll(o.deny());
        perms.addAll(o.allow());
    }
}
