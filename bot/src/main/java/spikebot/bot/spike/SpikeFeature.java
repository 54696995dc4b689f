package spikebot.bot.spike;

import spikebot.bot.core.Action;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.Control;
import spikebot.bot.core.Defer;
import spikebot.bot.core.Event;
import spikebot.bot.core.Feature;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.KeptBehindTokens;
import spikebot.bot.core.Needs;
import spikebot.bot.core.OptionSpec;
import spikebot.bot.core.Refusal;
import spikebot.knowledge.spike.Spike;
import spikebot.knowledge.spike.SpikeKind;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Time-boxed spikes and paper checks run in threads: {@code /spike start|note|extend|edit|status|list|close},
 * {@code /papercheck start}, the checklist controls, the closing form, and the reminders. This class declares what
 * the feature owns and routes each event to the part that answers it: {@link SpikeStart}, {@link SpikeClose},
 * {@link ChecklistControls}, {@link SpikeJournal}, {@link SpikeQueries}, {@link SpikeReminders}, all under the rules
 * of {@link SpikeAccess}.
 */
public final class SpikeFeature implements Feature {
    private static final OptionSpec SPIKE_ID = OptionSpec.text("spike",
            "Which spike, when not used in its thread (see /spike list)", false, 40);

    public static final CommandSpec SPIKE = CommandSpec.group("spike", "Time-boxed investigations",
            CommandSpec.slash("start", "Start a time-boxed spike in a new thread",
                    OptionSpec.text("topic", "What you investigate, as a title", true, SpikeStart.MAX_TOPIC),
                    OptionSpec.text("goal", "What a good answer looks like", false, SpikeStart.MAX_GOAL),
                    OptionSpec.text("timebox", "How long: 2h, 4h, 2d, 1w (default 4h)", false, 20),
                    OptionSpec.text("template", "Checklist: library, problem, paper, general", false, 30)
                            .autocompleted(),
                    OptionSpec.choice("format", "Who works on it", false, List.of("solo", "pair", "team"))),
            CommandSpec.slash("note", "Add a finding to the spike",
                    OptionSpec.text("text", "What you found (a negative result is a result)", true,
                            SpikeJournal.MAX_FINDING),
                    SPIKE_ID),
            CommandSpec.slash("extend", "Give the spike more time, with a reason (4 weeks in all at most)",
                    OptionSpec.text("by", "How much more: 30m, 2h, 1d", true, 20),
                    OptionSpec.text("reason", "Why it needs more time", true, SpikeJournal.MAX_REASON), SPIKE_ID),
            CommandSpec.slash("edit", "Change the spike's topic or goal",
                    OptionSpec.text("topic", "The new topic, as a title", false, SpikeStart.MAX_TOPIC),
                    OptionSpec.text("goal", "The new goal: what a good answer looks like", false,
                            SpikeStart.MAX_GOAL), SPIKE_ID),
            CommandSpec.slash("status", "Where the spike stands, with its findings", SPIKE_ID),
            CommandSpec.slash("list", "Open spikes in this server"),
            CommandSpec.slash("close", "Close the spike with a decision and write its note",
                    OptionSpec.choice("outcome", "The decision", true, SpikeKind.allOutcomes()),
                    OptionSpec.text("summary", "What you found (a form asks for more when left out)", false,
                            SpikeClose.MAX_SUMMARY), SPIKE_ID),
            CommandSpec.slash("reopen", "Take a closed spike up again, from where it stopped",
                    OptionSpec.text("note", "The closed spike's note: its path (spikes/….md) or its title", true,
                            300),
                    OptionSpec.text("timebox", "How long: 2h, 4h, 2d, 1w (default 4h)", false, 20)));

    public static final CommandSpec PAPERCHECK = CommandSpec.group("papercheck", "Check a paper's claim",
            CommandSpec.slash("start", "Start a time-boxed paper check in a new thread",
                    OptionSpec.text("paper", "Link or reference", true, SpikeStart.MAX_PAPER),
                    OptionSpec.text("claim", "The claim to check, with its number", true, SpikeStart.MAX_TOPIC),
                    OptionSpec.text("timebox", "How long: 4h, 2d, 1w (default 4h)", false, 20)));

    private final SpikeAccess rules;
    private final SpikeStart start;
    private final SpikeClose close;
    private final ChecklistControls checklist;
    private final SpikeJournal journal;
    private final SpikeQueries queries;
    private final SpikeReminders reminders;
    private final SpikeReopen reopen;

    public SpikeFeature(ChannelAccess access, Clock clock) {
        Spikes spikes = new Spikes(access, clock);
        this.rules = new SpikeAccess(spikes);
        this.start = new SpikeStart(spikes);
        this.reopen = new SpikeReopen(spikes, start);
        this.close = new SpikeClose(spikes, rules);
        this.checklist = new ChecklistControls(spikes, rules);
        this.journal = new SpikeJournal(spikes, rules);
        this.queries = new SpikeQueries(spikes, rules);
        this.reminders = new SpikeReminders(spikes);
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(SPIKE, PAPERCHECK);
    }

    @Override
    public List<String> customIdPrefixes() {
        return List.of(SpikeIds.PREFIX);
    }

    /**
     * "Start a spike" under an answer that found nothing good enough: opens the start form with the topic. The topic
     * stays on this side ({@link KeptBehindTokens}); the button carries a token.
     */
    public Control.Button startButton(String topic) {
        return start.offer(topic);
    }

    /**
     * The open spike whose thread this channel is, for features that work in a spike's thread (such as saving how
     * a problem was solved). Whoever is in the thread may see it; reads without the guild's lock.
     */
    public Optional<Spike> openSpikeInThread(GuildKnowledge guild, String channelId) {
        return rules.inThread(guild, channelId);
    }

    /** Forms and suggestions change nothing and must answer within 3 seconds: they never wait for the lock. */
    @Override
    public Needs needs(Event event) {
        return switch (event) {
            case Event.SlashCommand c when SpikeClose.answersWithForm(c) -> Needs.NOTHING;
            case Event.Autocomplete a -> Needs.NOTHING;
            case Event.ButtonClick b when parse(b.customId()) instanceof SpikeIds.StartOffer -> Needs.NOTHING;
            default -> Needs.LOCK;
        };
    }

    /** Starting and closing write to disk and search the index: acknowledge first. Forms are never deferred. */
    @Override
    public Optional<Defer> deferral(Event event) {
        boolean slow = switch (event) {
            case Event.SlashCommand c -> "start".equals(c.subcommand()) || "reopen".equals(c.subcommand())
                    || "close".equals(c.subcommand()) && c.option("summary") != null;
            case Event.FormSubmit f -> parse(f.customId()) instanceof SpikeIds.Close
                    || parse(f.customId()) instanceof SpikeIds.StartForm;
            default -> false;
        };
        return slow ? Optional.of(new Defer(false)) : Optional.empty();
    }

    @Override
    public List<Action> handle(GuildKnowledge guild, Event event) throws IOException {
        return switch (event) {
            case Event.SlashCommand c -> command(guild, c);
            case Event.Autocomplete a -> start.autocomplete(guild, a);
            case Event.ButtonClick b -> switch (parse(b.customId())) {
                case SpikeIds.Tick id -> checklist.tick(guild, id, b);
                case SpikeIds.Join id -> checklist.join(guild, id, b);
                case SpikeIds.StartOffer offer -> start.offerTaken(offer);
                case null, default -> throw Spikes.unknownControl();
            };
            case Event.SelectChoice s -> switch (parse(s.customId())) {
                case SpikeIds.Check id -> checklist.select(guild, id, s);
                case null, default -> throw Spikes.unknownControl();
            };
            case Event.FormSubmit f -> switch (parse(f.customId())) {
                case SpikeIds.Close id -> close.submit(guild, id, f);
                case SpikeIds.StartForm id -> start.submitted(guild, f);
                case null, default -> throw new Refusal("This form is not one I know; it may be from an older "
                        + "version.");
            };
            case Event.ThreadOpened t -> switch (parse(t.ref())) {
                case SpikeIds.ThreadRef ref -> start.threadOpened(guild, ref, t);
                case null, default -> throw unknownThread();
            };
            case Event.ThreadFailed t -> switch (parse(t.ref())) {
                case SpikeIds.ThreadRef ref -> start.threadFailed(guild, ref, t);
                case null, default -> throw unknownThread();
            };
            case Event.MessagePosted m -> List.of();
            case Event.ThreadActivity a -> List.of();
            case Event.MessageCommand m -> throw Spikes.unknownControl();
        };
    }

    /** Reminders due now in this guild; each is marked fired and saved before it is handed out. */
    @Override
    public List<Action> tick(GuildKnowledge guild) {
        return reminders.due(guild);
    }

    @Override
    public void undelivered(GuildKnowledge guild, String ref) throws IOException {
        if (SpikeIds.parse(ref).orElse(null) instanceof SpikeIds.Reminded reminded) {
            reminders.undelivered(guild, reminded);
        }
    }

    private List<Action> command(GuildKnowledge guild, Event.SlashCommand c) throws IOException {
        if (c.command().equals(PAPERCHECK.name())) return start.paperCheck(guild, c);
        String sub = c.subcommand() == null ? "" : c.subcommand();
        return switch (sub) {
            case "start" -> start.start(guild, StartRequest.spike(c));
            case "note" -> journal.note(guild, c);
            case "extend" -> journal.extend(guild, c);
            case "edit" -> journal.edit(guild, c);
            case "status" -> queries.status(guild, c);
            case "list" -> queries.list(guild, c.origin());
            case "close" -> close.command(guild, c);
            case "reopen" -> reopen.reopen(guild, c);
            default -> throw new Refusal("Unknown subcommand. Try `/spike start`, `note`, `extend`, `edit`, "
                    + "`status`, `list`, `close` or `reopen`.");
        };
    }

    private static SpikeIds parse(String customId) {
        return SpikeIds.parse(customId).orElse(null);
    }

    private static Refusal unknownThread() {
        return new Refusal("That thread is not one I was opening; if I restarted meanwhile, start the spike again.");
    }
}
