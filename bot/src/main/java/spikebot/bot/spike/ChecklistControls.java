package spikebot.bot.spike;

import spikebot.bot.core.Action;
import spikebot.bot.core.Event;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.Refusal;
import spikebot.knowledge.spike.Spike;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The controls on a spike's first message: a button per checklist item, the select menu that covers them all, and
 * Join. Anyone who can see the thread may use them; each answers by updating the message it is on.
 */
final class ChecklistControls {
    private final Spikes spikes;
    private final SpikeAccess rules;

    ChecklistControls(Spikes spikes, SpikeAccess rules) {
        this.spikes = spikes;
        this.rules = rules;
    }

    List<Action> tick(GuildKnowledge guild, SpikeIds.Tick id, Event.ButtonClick click) throws IOException {
        Spike spike = rules.openSpike(guild, id.spikeId(), click.origin());
        if (id.item() >= spike.checklist().size()) throw Spikes.unknownControl();
        boolean done = !spike.checklist().get(id.item()).done();
        return save(guild, spike.check(id.item(), done, click.origin().actor().name(), spikes.now()));
    }

    List<Action> join(GuildKnowledge guild, SpikeIds.Join id, Event.ButtonClick click) throws IOException {
        Spike spike = rules.openSpike(guild, id.spikeId(), click.origin());
        if (spike.involves(click.origin().actor().id())) {
            throw new Refusal("You are already on this " + SpikeView.noun(spike) + ".");
        }
        return save(guild, spike.join(Spikes.person(click.origin().actor())));
    }

    /** The menu's answer is the whole set of items done: the others are unticked. Values it never offered are ignored. */
    List<Action> select(GuildKnowledge guild, SpikeIds.Check id, Event.SelectChoice choice) throws IOException {
        Spike spike = rules.openSpike(guild, id.spikeId(), choice.origin());
        Set<Integer> ticked = new HashSet<>();
        for (String value : choice.values()) {
            int i = index(value);
            if (i >= 0 && i < spike.checklist().size()) ticked.add(i);
        }
        return save(guild, spike.checkOnly(ticked, choice.origin().actor().name(), spikes.now()));
    }

    private List<Action> save(GuildKnowledge guild, Spike changed) throws IOException {
        spikes.book(guild).save(changed);
        Instant now = spikes.now();
        return List.of(new Action.Update(SpikeView.card(changed, spikes.priorWork(guild, changed), now)));
    }

    private static int index(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
