package spikebot.bot.who;

import spikebot.bot.core.Action;
import spikebot.bot.core.Ages;
import spikebot.bot.core.Audience;
import spikebot.bot.core.Card;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.Defer;
import spikebot.bot.core.Draft;
import spikebot.bot.core.Event;
import spikebot.bot.core.Feature;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.HitCards;
import spikebot.bot.core.Needs;
import spikebot.bot.core.OptionSpec;
import spikebot.bot.core.PriorWork;
import spikebot.bot.core.Refusal;
import spikebot.bot.core.Text;
import spikebot.index.Hit;
import spikebot.index.SearchRequest;
import spikebot.knowledge.NoteKind;
import spikebot.knowledge.spike.Person;
import spikebot.knowledge.spike.Spike;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /who topic}: the people who wrote, owned or joined work on a topic, so you know whom to ask. Built on the
 * same search and the same visibility rules as {@code /ask}: a note the audience may not see does not make its
 * author an expert to them, and an open spike counts only when its thread may be shown.
 */
public final class WhoFeature implements Feature {
    static final int MAX_PEOPLE = 8;
    /** Notes looked at: enough for a topic's regulars to stand out, few enough to answer at once. */
    static final int NOTES_CONSIDERED = 25;
    static final int MAX_TOPIC = 200;

    public static final CommandSpec SPEC = CommandSpec.slash("who", "Who has worked on this? People to ask",
            OptionSpec.text("topic", "A library, a problem, a paper…", true, MAX_TOPIC),
            OptionSpec.flag("private", "Only you see the answer"));

    private final ChannelAccess access;
    private final Clock clock;

    public WhoFeature(ChannelAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(SPEC);
    }

    /** A search, like {@code /ask}: in parallel with other questions, never behind a spike that is closing. */
    @Override
    public Needs needs(Event event) {
        return Needs.SEARCHER;
    }

    @Override
    public Optional<Defer> deferral(Event event) {
        return event instanceof Event.SlashCommand c ? Optional.of(new Defer(isPrivate(c))) : Optional.empty();
    }

    @Override
    public List<Action> handle(GuildKnowledge guild, Event event) {
        if (!(event instanceof Event.SlashCommand c)) throw new Refusal("That is not something /who answers.");
        String topic = Text.oneLine(c.option("topic"));
        if (topic.isEmpty()) throw new Refusal("Say what about, e.g. `/who topic: polars`.");
        boolean ephemeral = isPrivate(c);
        Audience audience = Audience.of(c.origin(), ephemeral);
        PriorWork notes = findNotes(guild, Text.cut(topic, MAX_TOPIC), audience);
        List<Experts.Work> work = new ArrayList<>();
        for (Hit hit : notes.shown()) work.addAll(fromNote(hit, guild));
        int withheld = notes.withheld();
        for (Spike spike : OpenSpikes.of(guild)) {
            float relevance = OpenSpikes.relevance(topic, spike);
            if (spike.thread() == null || relevance < OpenSpikes.MATCH) continue;
            switch (audience.judge(spike.thread(), access)) {
                case SHOW -> work.addAll(fromOpenSpike(spike, relevance));
                case ASKER_ONLY -> withheld++;
                case HIDE -> { }
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Experts.Expert> experts = Experts.rank(work, today);
        return List.of(new Action.Reply(answer(topic, experts, withheld, today), ephemeral));
    }

    /** The one search of this feature: the notes on the topic this audience may see. */
    private PriorWork findNotes(GuildKnowledge guild, String topic, Audience audience) {
        SearchRequest request = SearchRequest.of(topic).withLimit(NOTES_CONSIDERED);
        return PriorWork.find(guild, request, audience, access, Hit.GOOD_ENOUGH);
    }

    /** Spike and paper-check notes list the owner first, then who joined (see {@code SpikeNotes}). */
    private static List<Experts.Work> fromNote(Hit hit, GuildKnowledge guild) {
        boolean spikeLike = hit.kind() == NoteKind.SPIKE || hit.kind() == NoteKind.PAPER_CHECK;
        String line = HitCards.line(hit, guild);
        List<Experts.Work> work = new ArrayList<>();
        for (int i = 0; i < hit.authors().size(); i++) {
            Experts.Role role = !spikeLike ? Experts.Role.WROTE : i == 0 ? Experts.Role.OWNED : Experts.Role.JOINED;
            work.add(new Experts.Work(hit.authors().get(i), role, line, hit.relevance(), hit.date()));
        }
        return work;
    }

    private static List<Experts.Work> fromOpenSpike(Spike spike, float relevance) {
        String line = "🔬 " + Text.channel(spike.thread()) + " **" + Text.escape(Text.cut(Text.oneLine(spike.topic()),
                120)) + "**";
        LocalDate started = LocalDate.ofInstant(spike.started(), ZoneOffset.UTC);
        List<Experts.Work> work = new ArrayList<>();
        for (Person p : spike.people()) {
            Experts.Role role = p.id().equals(spike.owner().id()) ? Experts.Role.OWNS_OPEN : Experts.Role.IN_OPEN;
            work.add(new Experts.Work(p.name(), role, line, relevance, started));
        }
        return work;
    }

    static Draft answer(String topic, List<Experts.Expert> experts, int withheld, LocalDate today) {
        String shownTopic = Text.escape(Text.cut(topic, 100));
        String hidden = withheld == 0 ? null : withheld + (withheld == 1 ? " more piece" : " more pieces")
                + " of work from channels not everyone here can see: ask with private:true to see who did them.";
        if (experts.isEmpty()) {
            return Draft.text("Nobody matches \"" + shownTopic + "\": no note or open spike I can show here covers "
                    + "it. Start a spike and you will be the one to ask." + (hidden == null ? "" : "\n" + hidden));
        }
        List<Card.Field> fields = new ArrayList<>();
        int rank = 0;
        for (Experts.Expert e : experts.subList(0, Math.min(MAX_PEOPLE, experts.size()))) {
            StringBuilder value = new StringBuilder();
            value.append(e.pieces()).append(e.pieces() == 1 ? " piece of work" : " pieces of work");
            if (e.latest() != null) {
                value.append(", latest ").append(Ages.since(e.latest(), today));
            }
            for (Experts.Work w : e.top()) value.append("\n• ").append(w.role().label).append(": ").append(w.line());
            fields.add(new Card.Field(++rank + ". " + Text.escape(Text.oneLine(e.name())), value.toString(), false));
        }
        String more = experts.size() > MAX_PEOPLE ? " (" + (experts.size() - MAX_PEOPLE) + " more not shown)" : "";
        Card card = new Card("Who knows about \"" + shownTopic + "\"", null,
                "Ranked by how closely and how recently they worked on it" + more + ".", fields, hidden, null);
        return new Draft("", List.of(card), List.of());
    }

    private static boolean isPrivate(Event.SlashCommand c) {
        return "true".equalsIgnoreCase(c.option("private"));
    }
}
