package spikebot.bot.digest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.bot.core.Action;
import spikebot.bot.core.Audience;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.Defer;
import spikebot.bot.core.DigestSchedule;
import spikebot.bot.core.Draft;
import spikebot.bot.core.Event;
import spikebot.bot.core.Feature;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.Needs;
import spikebot.bot.core.OptionSpec;
import spikebot.bot.core.Refusal;
import spikebot.bot.core.Text;
import spikebot.index.Hit;
import spikebot.index.NoteListing;
import spikebot.index.SearchRequest;
import spikebot.knowledge.MalformedNoteException;
import spikebot.knowledge.NoteKind;
import spikebot.knowledge.spike.Spike;
import spikebot.knowledge.spike.SpikeStore;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The show-and-tell: once a week in the configured channel (off unless the guild's config names a day, hour and
 * channel), and on demand with {@code /digest [since]}, what the team's spikes and paper checks found.
 *
 * <p>The weekly post covers everything closed since the last one; it is posted once per week across restarts, and a
 * week missed while the bot was down is posted once, late, saying so (several missed weeks make one post). Work born
 * in a channel that not everyone can view appears only in digests posted in that very channel.
 */
public final class DigestFeature implements Feature {
    private static final Logger LOG = LoggerFactory.getLogger(DigestFeature.class);
    /** A digest posted later than this after its slot says it is late. */
    static final Duration LATE = Duration.ofMinutes(15);
    static final Duration QUARTER = Duration.ofDays(91);
    /** {@code /digest} without {@code since} and without a schedule: the last week. */
    static final Duration DEFAULT_SPAN = Duration.ofDays(7);
    /** Closed work the digest reads, at most: a quarter of a busy team's spikes many times over. */
    static final int MAX_CLOSED = 2000;

    public static final CommandSpec SPEC = CommandSpec.slash("digest", "What the team's spikes and paper checks found",
            OptionSpec.text("since", "From this day, YYYY-MM-DD (default: since the last weekly digest)", false, 10));

    private final ChannelAccess access;
    private final Clock clock;
    /**
     * By file, kept: each reads its file once (see {@link PeriodState}); guilds that share a knowledge base share
     * one, as they share the file.
     */
    private final Map<Path, PeriodState> states = new ConcurrentHashMap<>();

    public DigestFeature(ChannelAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(SPEC);
    }

    /** Reads notes and the index only. */
    @Override
    public Needs needs(Event event) {
        return Needs.SEARCHER;
    }

    /** It reads every note closed in the period: acknowledge first. */
    @Override
    public Optional<Defer> deferral(Event event) {
        return event instanceof Event.SlashCommand ? Optional.of(new Defer(false)) : Optional.empty();
    }

    @Override
    public List<Action> handle(GuildKnowledge guild, Event event) {
        if (!(event instanceof Event.SlashCommand c)) throw new Refusal("That is not something /digest answers.");
        Instant now = clock.instant();
        Instant since = since(guild, c.option("since"), now);
        Audience audience = Audience.of(c.origin(), false);
        List<Draft> drafts = digest(guild, "Digest", since, now, null,
                channel -> audience.judge(channel, access) == Audience.Verdict.SHOW);
        return drafts.stream().<Action>map(d -> new Action.Reply(d, false)).toList();
    }

    private Instant since(GuildKnowledge guild, String text, Instant now) {
        if (text == null) {
            Instant last = state(guild).lastCovered();
            return last != null ? last : now.minus(DEFAULT_SPAN);
        }
        try {
            LocalDate day = LocalDate.parse(text.strip());
            Instant since = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            if (since.isAfter(now)) throw new Refusal("`since` is in the future: give a day up to today.");
            return since;
        } catch (DateTimeParseException e) {
            throw new Refusal("`since` must be a day like 2025-06-01, not '" + Text.escape(Text.cut(
                    Text.oneLine(text), 20)) + "'.");
        }
    }

    /** The weekly post, when its slot has come since the last one covered; marked done before it is handed out. */
    @Override
    public List<Action> tick(GuildKnowledge guild) throws IOException {
        DigestSchedule schedule = guild.config().digest();
        if (schedule == null) return List.of();
        Instant now = clock.instant();
        Instant slot = schedule.lastWeeklySlot(now);
        PeriodState state = state(guild);
        Instant last = state.lastCovered();
        if (last == null) {
            // The first run with a digest: it starts counting now, rather than posting everything ever closed.
            state.covered(now);
            return List.of();
        }
        if (!slot.isAfter(last)) return List.of();
        Instant late = Duration.between(slot, now).compareTo(LATE) > 0 ? slot : null;
        String channel = schedule.channel();
        List<Draft> drafts = digest(guild, "Weekly digest", last, now, late,
                c -> c.equals(channel) || access.isPublic(guild.id(), c));
        state.covered(now);
        return drafts.stream().<Action>map(d -> new Action.Post(channel, d)).toList();
    }

    /**
     * @param mayShow whether work born in this channel or thread may be shown where the digest goes (work from no
     *                channel always may)
     */
    private List<Draft> digest(GuildKnowledge guild, String title, Instant since, Instant until, Instant late,
                               Predicate<String> mayShow) {
        Instant quarterStart = until.minus(QUARTER);
        Instant from = since.isBefore(quarterStart) ? since : quarterStart;
        List<ClosedWork> closed = closedSince(guild, from, mayShow);
        List<ClosedWork> period = closed.stream()
                .filter(w -> w.closed().isAfter(since) && !w.closed().isAfter(until)).toList();
        List<ClosedWork> quarter = closed.stream()
                .filter(w -> w.closed().isAfter(quarterStart) && !w.closed().isAfter(until)).toList();
        List<Spike> open = openSpikes(guild).stream()
                .filter(s -> s.thread() != null && mayShow.test(s.thread())).toList();
        return DigestReport.render(guild, title, since, until, late, period, open, TeamFigures.of(quarter));
    }

    /** The one listing of this feature: spike and paper-check notes dated from {@code from}'s day on. */
    private static List<ClosedWork> closedSince(GuildKnowledge guild, Instant from, Predicate<String> mayShow) {
        LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC);
        List<Hit> notes = new ArrayList<>();
        for (NoteKind kind : List.of(NoteKind.SPIKE, NoteKind.PAPER_CHECK)) {
            SearchRequest filters = SearchRequest.of("").withKind(kind).withDates(day, null);
            notes.addAll(guild.list(filters, NoteListing.Order.OLDEST, mayShow, 0, MAX_CLOSED).notes());
        }
        List<ClosedWork> closed = new ArrayList<>();
        for (Hit hit : notes) {
            try {
                closed.add(ClosedWork.of(hit, guild.kb().read(hit.path()).note()));
            } catch (MalformedNoteException e) {
                LOG.debug("guild {}: {} changed since it was indexed: {}", guild.id(), hit.path(), e.getMessage());
            }
        }
        closed.sort(Comparator.comparing(ClosedWork::closed));
        return closed;
    }

    /** The open spikes, as the spike feature keeps them (one file each, written atomically: safe to read). */
    private static List<Spike> openSpikes(GuildKnowledge guild) {
        try {
            return new SpikeStore(guild.stateDir().resolve("spikes")).load().spikes();
        } catch (IOException e) {
            LOG.warn("guild {}: cannot read open spikes: {}", guild.id(), e.toString());
            return List.of();
        }
    }

    private PeriodState state(GuildKnowledge guild) {
        return states.computeIfAbsent(guild.stateDir().resolve("digest.json"), PeriodState::new);
    }
}
