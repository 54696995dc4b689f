package spikebot.bot.spike;

import spikebot.bot.core.Action;
import spikebot.bot.core.Actor;
import spikebot.bot.core.Audience;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.HitCards;
import spikebot.bot.core.PriorWork;
import spikebot.bot.core.Refusal;
import spikebot.index.Hit;
import spikebot.index.SearchRequest;
import spikebot.knowledge.spike.Person;
import spikebot.knowledge.spike.Spike;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What every part of the spike feature works with: each guild's {@link SpikeBook}, the clock, who may view which
 * channel, and the "before you start" lines of each spike's first message.
 */
final class Spikes {
    static final int PRIOR_WORK = 3;

    final ChannelAccess access;
    final Clock clock;
    private final Map<String, SpikeBook> books = new ConcurrentHashMap<>();

    Spikes(ChannelAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    SpikeBook book(GuildKnowledge guild) {
        return books.computeIfAbsent(guild.id(), id -> SpikeBook.load(guild));
    }

    /**
     * What the first message shows under "before you start": the related notes everyone in the spike's channel
     * may see. The topic alone is searched, as goal words would dilute how much of it a note covers.
     */
    PriorWork findPriorWork(GuildKnowledge guild, Spike spike) {
        SearchRequest request = SearchRequest.of(spike.topic()).withLimit(PRIOR_WORK);
        return PriorWork.find(guild, request, new Audience(guild.id(), spike.owner().id(), spike.channel(), false),
                access, Hit.GOOD_ENOUGH);
    }

    static String priorWorkLines(GuildKnowledge guild, PriorWork work) {
        return work.isEmpty() ? "Nothing in the notes yet: you may be the first. Write down what you find."
                : work.shown().stream().map(h -> HitCards.line(h, guild)).collect(Collectors.joining("\n"));
    }

    /** The lines shown when the spike started; found again after a restart (only the first message has them). */
    String priorWork(GuildKnowledge guild, Spike spike) {
        String lines = book(guild).priorWork(spike.id());
        if (lines == null) {
            lines = priorWorkLines(guild, findPriorWork(guild, spike));
            book(guild).priorWork(spike.id(), lines);
        }
        return lines;
    }

    /** Edits the thread's first message to show the spike as it is now; nothing while it has none. */
    List<Action> refreshCard(GuildKnowledge guild, Spike spike, Instant now) {
        if (spike.thread() == null || spike.message() == null) return List.of();
        return List.of(new Action.Edit(spike.thread(), spike.message(),
                SpikeView.card(spike, priorWork(guild, spike), now)));
    }

    static Person person(Actor actor) {
        return new Person(actor.id(), actor.name());
    }

    /** For a control or form whose id this version does not make, or whose arguments no longer fit the spike. */
    static Refusal unknownControl() {
        return new Refusal("This control is not one I know; it may be from an older version of this message.");
    }
}
