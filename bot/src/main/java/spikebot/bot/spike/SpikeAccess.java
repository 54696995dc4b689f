package spikebot.bot.spike;

import spikebot.bot.core.Actor;
import spikebot.bot.core.Event;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.Origin;
import spikebot.bot.core.Refusal;
import spikebot.bot.core.Text;
import spikebot.knowledge.spike.Spike;

import java.util.Locale;
import java.util.Optional;

/**
 * Who may see and change which spike. A spike is seen by whoever can view its thread; people who cannot are told
 * it does not exist, so its topic does not leak. It is changed in ways that decide (extend, edit, close) only by its
 * owner, its participants and people with Manage Server; anyone who sees it may add findings and tick items.
 */
final class SpikeAccess {
    private final Spikes spikes;

    SpikeAccess(Spikes spikes) {
        this.spikes = spikes;
    }

    /** The spike a command is about: named by {@code spike:}, else the thread it is used in. */
    Spike target(GuildKnowledge guild, Event.SlashCommand c) {
        String id = c.option("spike");
        if (id != null) return openSpike(guild, Text.oneLine(id).toLowerCase(Locale.ROOT), c.origin());
        return inThread(guild, c.origin().channelId()).orElseThrow(() -> new Refusal("This is not the thread "
                + "of an open spike. Use the command in the spike's thread, or name it with `spike:` (see `/spike "
                + "list`)."));
    }

    /** The open spike whose thread this is; whoever is in the thread may see it. */
    Optional<Spike> inThread(GuildKnowledge guild, String channelId) {
        return spikes.book(guild).byThread(channelId);
    }

    /** An open spike by id, hidden from people who cannot view its thread (as if it did not exist). */
    Spike openSpike(GuildKnowledge guild, String id, Origin o) {
        Optional<Spike> spike = spikes.book(guild).byId(id).filter(s -> s.thread() == null
                || s.thread().equals(o.channelId()) || spikes.access.canView(guild.id(), o.actor().id(), s.thread()));
        return spike.orElseThrow(() -> new Refusal("No open spike with id `" + Text.cut(id.replaceAll("[^a-z0-9-]",
                "?"), 40) + "`: it may be closed already. See `/spike list`."));
    }

    /** Refuses anyone but the owner, a participant or a manager. */
    static void requireManager(Spike spike, Actor member, String verb) {
        if (spike.involves(member.id()) || member.canManageServer()) return;
        throw new Refusal("Only the owner (" + Text.escape(spike.owner().name()) + "), a participant or someone "
                + "with Manage Server can " + verb + " this " + SpikeView.noun(spike)
                + ". Press Join on its first message to take part.");
    }
}
