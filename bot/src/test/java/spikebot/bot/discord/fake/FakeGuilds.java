package spikebot.bot.discord.fake;

import net.dv8tion.jda.api.Permission;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static spikebot.bot.discord.fake.FakeWorld.*;

/**
 * The two guilds a fake Discord starts with.
 *
 * <p>"ml-team", owned by olivia: #general, #ideas (everyone), #research (@everyone denied View Channel; the
 * Researcher and Manager roles allowed), a forum #spikes, #lounge (everyone, but dave denied by a member
 * overwrite), #board (nobody but erin, allowed by a member overwrite), a category #lab (@everyone denied;
 * Researcher and erin allowed) holding #lab-synced (the category's overwrites) and #lab-unsynced (its own: dave
 * allowed, erin not), and #vault, which the bot itself may not view (dave allowed). Members: olivia, alice
 * (Researcher), bob, maria (Manager: Manage Server, Manage Threads), dave, erin, frank (Admin: Administrator) and
 * the bot (its role may view every channel but #vault). "other-team", owned by carol: #general.
 */
final class FakeGuilds {
    static final List<User> USERS = List.of(BOT, OLIVIA, ALICE, BOB, MARIA, CAROL, DAVE, ERIN, FRANK, CI_BOT);

    private static final EnumSet<Permission> NONE = EnumSet.noneOf(Permission.class);
    private static final EnumSet<Permission> VIEW = EnumSet.of(Permission.VIEW_CHANNEL);
    private static final EnumSet<Permission> EVERYONE = EnumSet.of(Permission.VIEW_CHANNEL,
            Permission.MESSAGE_SEND, Permission.MESSAGE_HISTORY, Permission.MESSAGE_EMBED_LINKS,
            Permission.USE_APPLICATION_COMMANDS, Permission.CREATE_PUBLIC_THREADS,
            Permission.MESSAGE_SEND_IN_THREADS);
    private static final EnumSet<Permission> BOT_PERMISSIONS = EnumSet.of(Permission.VIEW_CHANNEL,
            Permission.MESSAGE_SEND, Permission.MESSAGE_HISTORY, Permission.MESSAGE_EMBED_LINKS,
            Permission.CREATE_PUBLIC_THREADS, Permission.MESSAGE_SEND_IN_THREADS, Permission.MANAGE_THREADS);

    private FakeGuilds() {
    }

    static List<Guild> build() {
        return List.of(mlTeam(), otherTeam());
    }

    private static Overwrite role(long id, EnumSet<Permission> allow, EnumSet<Permission> deny) {
        return new Overwrite(id, false, allow, deny);
    }

    private static Overwrite member(User user, EnumSet<Permission> allow, EnumSet<Permission> deny) {
        return new Overwrite(user.id(), true, allow, deny);
    }

    private static Channel text(long id, String name, long category, List<Overwrite> overwrites) {
        return new Channel(id, ML_TEAM, ChannelType.TEXT, name, category, 0, overwrites);
    }

    private static Guild mlTeam() {
        Overwrite nobody = role(ML_TEAM, NONE, VIEW);
        Overwrite bot = role(BOT_ROLE, VIEW, NONE);
        List<Overwrite> lab = List.of(nobody, role(RESEARCHER_ROLE, VIEW, NONE), bot, member(ERIN, VIEW, NONE));
        List<Channel> channels = new ArrayList<>(List.of(
                text(GENERAL, "general", 0, List.of()),
                text(RESEARCH, "research", 0, List.of(nobody, role(RESEARCHER_ROLE, VIEW, NONE),
                        role(MANAGER_ROLE, VIEW, NONE), bot)),
                text(IDEAS, "ideas", 0, List.of()),
                new Channel(SPIKES_FORUM, ML_TEAM, ChannelType.FORUM, "spikes", 0, 0, List.of()),
                text(LOUNGE, "lounge", 0, List.of(member(DAVE, NONE, VIEW))),
                text(BOARD, "board", 0, List.of(nobody, bot, member(ERIN, VIEW, NONE))),
                new Channel(LAB, ML_TEAM, ChannelType.CATEGORY, "lab", 0, 0, lab),
                text(LAB_SYNCED, "lab-synced", LAB, lab),
                text(LAB_UNSYNCED, "lab-unsynced", LAB, List.of(nobody, bot, member(DAVE, VIEW, NONE))),
                text(VAULT, "vault", 0, List.of(nobody, member(DAVE, VIEW, NONE)))));
        return new Guild(ML_TEAM, "ml-team", OLIVIA.id(), List.of(
                new Role(ML_TEAM, "@everyone", EVERYONE, 0),
                new Role(MANAGER_ROLE, "Manager", EnumSet.of(Permission.MANAGE_SERVER, Permission.MANAGE_THREADS), 2),
                new Role(BOT_ROLE, "Spikebot", BOT_PERMISSIONS, 1),
                new Role(RESEARCHER_ROLE, "Researcher", NONE, 1),
                new Role(ADMIN_ROLE, "Admin", EnumSet.of(Permission.ADMINISTRATOR), 3)),
                channels, new ConcurrentHashMap<>(Map.of(
                OLIVIA.id(), List.of(), ALICE.id(), List.of(RESEARCHER_ROLE), BOB.id(), List.of(),
                MARIA.id(), List.of(MANAGER_ROLE), DAVE.id(), List.of(), ERIN.id(), List.of(),
                FRANK.id(), List.of(ADMIN_ROLE), BOT.id(), List.of(BOT_ROLE))));
    }

    private static Guild otherTeam() {
        return new Guild(OTHER_TEAM, "other-team", CAROL.id(), List.of(
                new Role(OTHER_TEAM, "@everyone", EVERYONE, 0),
                new Role(OTHER_BOT_ROLE, "Spikebot", BOT_PERMISSIONS, 1)),
                new ArrayList<>(List.of(new Channel(OTHER_GENERAL, OTHER_TEAM, ChannelType.TEXT, "general", 0, 0,
                        List.of()))),
                new ConcurrentHashMap<>(Map.of(CAROL.id(), List.of(), BOT.id(), List.of(OTHER_BOT_ROLE))));
    }
}
