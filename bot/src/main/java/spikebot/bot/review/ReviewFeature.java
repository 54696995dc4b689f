package spikebot.bot.review;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.bot.core.Action;
import spikebot.bot.core.Audience;
import spikebot.bot.core.Card;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.Control;
import spikebot.bot.core.ControlRow;
import spikebot.bot.core.Defer;
import spikebot.bot.core.DigestSchedule;
import spikebot.bot.core.Draft;
import spikebot.bot.core.Event;
import spikebot.bot.core.Feature;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.HitCards;
import spikebot.bot.core.Needs;
import spikebot.bot.core.Refusal;
import spikebot.bot.core.Text;
import spikebot.bot.digest.PeriodState;
import spikebot.index.Hit;
import spikebot.index.NoteListing;
import spikebot.index.SearchRequest;
import spikebot.knowledge.MalformedNoteException;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteKind;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The stale review: notes that may be out of date by {@link ReviewRules} (a team may set its own periods in
 * {@code <kb>/.spikebot/review-rules.yaml}), monthly in the digest's channel (on the
 * first digest day of a month) and on demand with {@code /review}. Each comes with <b>Re-check</b>, which offers to
 * start a spike on the note's topic (its first message then lists the note as prior work), and <b>Still valid</b>,
 * which writes {@code reviewed: DATE} into the note's front matter and so restarts its clock: it is not listed again
 * until the clock runs out again.
 */
public final class ReviewFeature implements Feature {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewFeature.class);
    /** One row of buttons per note, and Discord allows five rows a message. */
    static final int PER_MESSAGE = 5;
    static final int MAX_MONTHLY_MESSAGES = 4;
    /** Old spike and paper-check notes read per review, at most. */
    static final int MAX_CANDIDATES = 5000;

    public static final CommandSpec SPEC = CommandSpec.slash("review",
            "Notes that may be out of date: re-check them, or mark them still valid");

    private final ChannelAccess access;
    private final Clock clock;
    /**
     * By file, kept: each reads its file once (see {@link PeriodState}); guilds that share a knowledge base share
     * one, as they share the file.
     */
    private final Map<Path, PeriodState> states = new ConcurrentHashMap<>();
    private final Function<String, Control.Button> startSpike;

    /**
     * @param startSpike topic → a button that opens the spike start form with it (the spike feature owns it)
     */
    public ReviewFeature(ChannelAccess access, Clock clock, Function<String, Control.Button> startSpike) {
        this.access = access;
        this.clock = clock;
        this.startSpike = startSpike;
    }

    /** A note due for review, oldest clock first. */
    record Stale(Hit hit, Note note, LocalDate since) {
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(SPEC);
    }

    @Override
    public List<String> customIdPrefixes() {
        return List.of(ReviewButton.PREFIX);
    }

    /** "Still valid" writes a note: one change at a time. Everything else only reads. */
    @Override
    public Needs needs(Event event) {
        boolean writes = event instanceof Event.ButtonClick b && ReviewButton.parse(b.customId())
                .map(r -> r.verb() == ReviewButton.Verb.VALID).orElse(false);
        return writes ? Needs.LOCK : Needs.SEARCHER;
    }

    @Override
    public Optional<Defer> deferral(Event event) {
        return event instanceof Event.SlashCommand ? Optional.of(new Defer(false)) : Optional.empty();
    }

    @Override
    public List<Action> handle(GuildKnowledge guild, Event event) throws IOException {
        return switch (event) {
            case Event.SlashCommand c -> onDemand(guild, c);
            case Event.ButtonClick b -> click(guild, b);
            default -> throw new Refusal("This control is not one I know; it may be from an older version.");
        };
    }

    private List<Action> onDemand(GuildKnowledge guild, Event.SlashCommand command) {
        Audience audience = Audience.of(command.origin(), false);
        ReviewRules rules = ReviewRules.load(guild.stateDir());
        List<Stale> stale = stale(guild, rules, today(), visibleTo(audience));
        List<Action> answer = new ArrayList<>();
        if (stale.isEmpty()) {
            answer.add(Action.Reply.of("🔎 Nothing looks out of date: no shelved or unfinished result, and no "
                    + "library evaluation, has outlived its review period."));
        } else {
            render(guild, stale, 1).forEach(d -> answer.add(new Action.Reply(d, false)));
        }
        if (rules.problem() != null) answer.add(Action.Reply.privately(Text.escape(rules.problem())));
        return answer;
    }

    /** The monthly post in the digest's channel, once per month across restarts; a missed month once, late. */
    @Override
    public List<Action> tick(GuildKnowledge guild) throws IOException {
        DigestSchedule schedule = guild.config().digest();
        if (schedule == null) return List.of();
        Instant now = clock.instant();
        PeriodState state = states.computeIfAbsent(guild.stateDir().resolve("review.json"),
                PeriodState::new);
        Instant last = state.lastCovered();
        if (last == null) {
            state.covered(now);
            return List.of();
        }
        if (!schedule.lastMonthlySlot(now).isAfter(last)) return List.of();
        String channel = schedule.channel();
        ReviewRules rules = ReviewRules.load(guild.stateDir());
        if (rules.problem() != null) LOG.warn("guild {}: {}", guild.id(), rules.problem());
        List<Stale> stale = stale(guild, rules, today(), c -> c.equals(channel) || access.isPublic(guild.id(), c));
        state.covered(now);
        if (stale.isEmpty()) return List.of();
        return render(guild, stale, MAX_MONTHLY_MESSAGES).stream().<Action>map(d -> new Action.Post(channel, d))
                .toList();
    }

    private List<Action> click(GuildKnowledge guild, Event.ButtonClick click) throws IOException {
        ReviewButton button = ReviewButton.parse(click.customId()).orElseThrow(() ->
                new Refusal("This button is not one I know; it may be from an older version. Try /review."));
        LocalDate today = today();
        ReviewRules rules = ReviewRules.load(guild.stateDir());
        Stale note = stale(guild, rules, today, visibleTo(Audience.of(click.origin(), true))).stream()
                .filter(s -> ReviewButton.key(s.hit().path()).equals(button.noteKey())).findFirst()
                .orElseThrow(() -> new Refusal("This note is no longer due for review: someone marked it still "
                        + "valid, or it changed or moved. /review shows what is due now."));
        String title = Text.escape(Text.cut(Text.oneLine(note.hit().title()), 150));
        if (button.verb() == ReviewButton.Verb.RECHECK) {
            List<Control> controls = new ArrayList<>();
            controls.add(startSpike.apply(note.hit().title()));
            String url = guild.linkTo(note.hit());
            if (url != null && url.matches("https?://\\S{1,1000}")) controls.add(Control.Button.link(url, "Open the note"));
            return List.of(new Action.Reply(new Draft("🔁 Re-check **" + title + "**: start a spike on it; its first "
                    + "message lists this note as prior work, so you start from what was found.", List.of(),
                    List.of(new ControlRow(controls))), true));
        }
        try {
            ReviewedStamp.write(guild.kb(), note.hit().path(), today);
        } catch (IllegalArgumentException e) {
            throw new Refusal("I cannot mark this note: " + Text.escape(e.getMessage()) + ".");
        }
        Period fresh = rules.freshFor(note.note()).orElseThrow();
        return List.of(Action.Reply.of("✅ " + Text.escape(click.origin().actor().name()) + " marked **" + title
                + "** still valid (`reviewed: " + today + "` in its front matter): it comes up again in "
                + describe(fresh) + "."));
    }

    /** The one listing of this feature: old spike and paper-check notes, oldest first, then the rules on each. */
    List<Stale> stale(GuildKnowledge guild, ReviewRules rules, LocalDate today, Predicate<String> mayShow) {
        List<Hit> old = new ArrayList<>();
        for (NoteKind kind : List.of(NoteKind.SPIKE, NoteKind.PAPER_CHECK)) {
            SearchRequest filters = SearchRequest.of("").withKind(kind).withDates(null, rules.youngestDue(today));
            old.addAll(guild.list(filters, NoteListing.Order.OLDEST, mayShow, 0, MAX_CANDIDATES).notes());
        }
        List<Stale> stale = new ArrayList<>();
        for (Hit hit : old) {
            Note note;
            try {
                note = guild.kb().read(hit.path()).note();
            } catch (MalformedNoteException e) {
                LOG.debug("guild {}: {} changed since it was indexed: {}", guild.id(), hit.path(), e.getMessage());
                continue;
            }
            rules.staleFrom(note).filter(from -> !from.isAfter(today))
                    .ifPresent(from -> stale.add(new Stale(hit, note, from)));
        }
        stale.sort(Comparator.comparing(Stale::since));
        return stale;
    }

    private Predicate<String> visibleTo(Audience audience) {
        return channel -> audience.judge(channel, access) == Audience.Verdict.SHOW;
    }

    private List<Draft> render(GuildKnowledge guild, List<Stale> stale, int maxMessages) {
        List<Draft> drafts = new ArrayList<>();
        int shown = Math.min(stale.size(), maxMessages * PER_MESSAGE);
        for (int start = 0; start < shown; start += PER_MESSAGE) {
            List<Card.Field> fields = new ArrayList<>();
            List<ControlRow> rows = new ArrayList<>();
            for (int i = start; i < Math.min(shown, start + PER_MESSAGE); i++) {
                Stale s = stale.get(i);
                String clock = s.note().extraText(ReviewRules.REVIEWED) != null
                        ? "last marked still valid " + ReviewRules.clockStart(s.note()) : "never reviewed";
                String what = HitCards.kindLabel(s.hit().kind()) + " · **" + Text.escape(s.hit().outcome()) + "**"
                        + (s.hit().date() == null ? "" : " · dated " + s.hit().date());
                fields.add(new Card.Field((i + 1) + ". " + Text.escape(Text.cut(Text.oneLine(s.hit().title()), 200)),
                        what + " · " + HitCards.link(s.hit(), guild) + "\n" + clock + "; due since "
                                + Text.timestamp(s.since().atStartOfDay(ZoneOffset.UTC).toInstant(), 'D'), false));
                rows.add(ControlRow.of(
                        Control.Button.of(ReviewButton.of(ReviewButton.Verb.RECHECK, s.hit().path()).customId(),
                                "Re-check " + (i + 1), Control.Style.PRIMARY),
                        Control.Button.of(ReviewButton.of(ReviewButton.Verb.VALID, s.hit().path()).customId(),
                                "Still valid " + (i + 1), Control.Style.SECONDARY)));
            }
            String content = start > 0 ? "" : "🔎 **Stale review**: " + stale.size()
                    + (stale.size() == 1 ? " note" : " notes") + " may be out of date. **Re-check** starts a spike "
                    + "from one; **Still valid** restarts its clock." + (stale.size() > shown ? " Showing the "
                    + shown + " oldest: deal with these and `/review` shows the next." : "");
            drafts.add(new Draft(content, List.of(new Card("Due for review", null, null, fields, null, null)), rows));
        }
        return drafts;
    }

    /** Periods as the rules are written: in days, in months, or in years. */
    private static String describe(Period p) {
        if (p.getDays() > 0) return p.getDays() == 1 ? "a day" : p.getDays() + " days";
        if (p.getYears() > 0 && p.getMonths() == 0) return p.getYears() == 1 ? "a year" : p.getYears() + " years";
        int months = (int) p.toTotalMonths();
        return months == 1 ? "a month" : months + " months";
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
