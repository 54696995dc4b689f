package spikebot.bot.spike;

import spikebot.bot.core.Action;
import spikebot.bot.core.Card;
import spikebot.bot.core.Draft;
import spikebot.bot.core.Event;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.Origin;
import spikebot.bot.core.Limits;
import spikebot.knowledge.spike.Spike;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** {@code /spike status} and {@code /spike list}: answered privately, they change nothing. */
final class SpikeQueries {
    private final Spikes spikes;
    private final SpikeAccess rules;

    SpikeQueries(Spikes spikes, SpikeAccess rules) {
        this.spikes = spikes;
        this.rules = rules;
    }

    /** The spike's card with its findings written out (the card in the thread only counts them). */
    List<Action> status(GuildKnowledge guild, Event.SlashCommand c) {
        Spike spike = rules.target(guild, c);
        Card card = SpikeView.statusCard(spike, spikes.priorWork(guild, spike), spikes.now());
        return List.of(new Action.Reply(new Draft("", List.of(card), List.of()), true));
    }

    /** The open spikes whose threads the asker can view, soonest deadline first. */
    List<Action> list(GuildKnowledge guild, Origin o) {
        Instant now = spikes.now();
        List<Spike> visible = spikes.book(guild).all().stream()
                .filter(s -> s.thread() != null && spikes.access.canView(guild.id(), o.actor().id(), s.thread()))
                .sorted(Comparator.comparing(Spike::deadline)).toList();
        if (visible.isEmpty()) {
            return List.of(Action.Reply.privately("No open spikes. Start one with `/spike start topic:…`."));
        }
        long overdue = visible.stream().filter(s -> s.overdue(now)).count();
        List<Card.Field> fields = visible.stream().map(s -> SpikeView.listField(s, now)).toList();
        String footer = fields.size() > Limits.EMBED_FIELDS
                ? "and " + (fields.size() - Limits.EMBED_FIELDS) + " more" : null;
        Card embed = new Card("Open spikes (" + visible.size() + ")", null,
                overdue == 0 ? null : "⚠ " + overdue + " overdue: close them with an outcome or extend them.",
                fields, footer, null);
        return List.of(new Action.Reply(new Draft("", List.of(embed), List.of()), true));
    }
}
