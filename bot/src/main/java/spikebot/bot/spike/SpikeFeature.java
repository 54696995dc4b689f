package spikebot.bot.spike;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.bot.core.Action;
import spikebot.bot.core.Audience;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.Choice;
import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.CustomIds;
import spikebot.bot.core.Defer;
import spikebot.bot.core.Card;
import spikebot.bot.core.Event;
import spikebot.bot.core.Feature;
import spikebot.bot.core.Control;
import spikebot.bot.core.Needs;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.HitCards;
import spikebot.bot.core.Actor;
import spikebot.bot.core.Draft;
import spikebot.bot.core.Form;
import spikebot.bot.core.OptionSpec;
import spikebot.bot.core.Origin;
import spikebot.bot.core.PriorWork;
import spikebot.bot.core.Refusal;
import spikebot.bot.core.Text;
import spikebot.index.Hit;
import spikebot.index.SearchRequest;
import spikebot.knowledge.NoteFile;
import spikebot.knowledge.NoteKind;
import spikebot.knowledge.spike.ChecklistTemplate;
import spikebot.knowledge.spike.Closing;
import spikebot.knowledge.spike.Finding;
import spikebot.knowledge.spike.Format;
import spikebot.knowledge.spike.PaperResult;
import spikebot.knowledge.spike.Person;
import spikebot.knowledge.spike.Reminder;
import spikebot.knowledge.spike.Spike;
import spikebot.knowledge.spike.SpikeNotes;
import spikebot.knowledge.spike.TimeBox;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Time-boxed spikes and paper checks run in threads: {@code /spike start|note|extend|status|list|close},
 * {@code /papercheck start}, the checklist controls, the closing modal, and the reminders.
 */
public final class SpikeFeature implements Feature {
    private static final Logger LOG = LoggerFactory.getLogger(SpikeFeature.class);
    static final int MAX_TOPIC = 200;
    static final int MAX_GOAL = 1000;
    static final int MAX_FINDING = 2000;
    static final int MAX_REASON = 500;
    static final int MAX_SUMMARY = 4000;
    static final int PRIOR_WORK = 3;
    private static final int MAX_TAGS = 10;
    /** First part of every custom id and thread ref this feature makes. */
    static final String PREFIX = "spike";
    /** A "Start a spike" button: {@code spike:new:<token>}; see {@link StartOffers}. */
    private static final String START_OFFER = PREFIX + ":new:";

    private static final List<String> OUTCOMES = Stream.concat(NoteKind.SPIKE.outcomes().stream(),
            NoteKind.PAPER_CHECK.outcomes().stream()).toList();
    private static final OptionSpec SPIKE_ID = OptionSpec.text("spike",
            "Which spike, when not used in its thread (see /spike list)", false, 40);

    public static final CommandSpec SPIKE = CommandSpec.group("spike", "Time-boxed investigations",
            CommandSpec.slash("start", "Start a time-boxed spike in a new thread",
                    OptionSpec.text("topic", "What you investigate, as a title", true, MAX_TOPIC),
                    OptionSpec.text("goal", "What a good answer looks like", false, MAX_GOAL),
                    OptionSpec.text("timebox", "How long: 2h, 4h, 2d, 1w (default 4h)", false, 20),
                    OptionSpec.text("template", "Checklist: library, problem, paper, general", false, 30)
                            .autocompleted(),
                    OptionSpec.choice("format", "Who works on it", false, List.of("solo", "pair", "team"))),
            CommandSpec.slash("note", "Add a finding to the spike",
                    OptionSpec.text("text", "What you found (a negative result is a result)", true, MAX_FINDING),
                    SPIKE_ID),
            CommandSpec.slash("extend", "Give the spike more time, with a reason",
                    OptionSpec.text("by", "How much more: 30m, 2h, 1d", true, 20),
                    OptionSpec.text("reason", "Why it needs more time", true, MAX_REASON), SPIKE_ID),
            CommandSpec.slash("status", "Where the spike stands", SPIKE_ID),
            CommandSpec.slash("list", "Open spikes in this server"),
            CommandSpec.slash("close", "Close the spike with a decision and write its note",
                    OptionSpec.choice("outcome", "The decision", true, OUTCOMES),
                    OptionSpec.text("summary", "What you found (a form asks for more when left out)", false,
                            MAX_SUMMARY), SPIKE_ID));

    public static final CommandSpec PAPERCHECK = CommandSpec.group("papercheck", "Check a paper's claim",
            CommandSpec.slash("start", "Start a time-boxed paper check in a new thread",
                    OptionSpec.text("paper", "Link or reference", true, 500),
                    OptionSpec.text("claim", "The claim to check, with its number", true, MAX_TOPIC),
                    OptionSpec.text("timebox", "How long: 4h, 2d, 1w (default 4h)", false, 20)));

    private final ChannelAccess access;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SpikeBook> books = new ConcurrentHashMap<>();

    private final StartOffers offers = new StartOffers();

    public SpikeFeature(ChannelAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(SPIKE, PAPERCHECK);
    }

    @Override
    public List<String> customIdPrefixes() {
        return List.of(PREFIX);
    }

    /** Forms and suggestions change nothing and must answer within 3 seconds: they never wait for the lock. */
    @Override
    public Needs needs(Event event) {
        return switch (event) {
            case Event.SlashCommand c when answersWithForm(c) -> Needs.NOTHING;
            case Event.Autocomplete a -> Needs.NOTHING;
            case Event.ButtonClick b when b.customId().startsWith(START_OFFER) -> Needs.NOTHING;
            default -> Needs.LOCK;
        };
    }

    @Override
    public List<Action> handle(GuildKnowledge guild, Event event) throws IOException {
        return switch (event) {
            case Event.SlashCommand c -> command(guild, c);
            case Event.Autocomplete a -> autocomplete(guild, a);
            case Event.ButtonClick b -> click(guild, b);
            case Event.SelectChoice s -> select(guild, s);
            case Event.FormSubmit f -> submit(guild, f);
            case Event.ThreadOpened t -> threadOpened(guild, t);
            case Event.ThreadFailed t -> threadFailed(guild, t);
            case Event.MessagePosted m -> List.of();
            case Event.MessageCommand m -> throw unknownButton();
        };
    }

    /**
     * "Start a spike" under an answer that found nothing good enough: opens the start form with the topic. The topic
     * stays on this side ({@link StartOffers}); the button carries a token.
     */
    public Control.Button startButton(String topic) {
        String token = offers.offer(Text.cut(Text.oneLine(topic), MAX_TOPIC), clock.instant());
        return Control.Button.of(START_OFFER + token, "Start a spike", Control.Style.PRIMARY);
    }

    /** Starting and closing write to disk and search the index: acknowledge first. Modals are never deferred. */
    @Override
    public Optional<Defer> deferral(Event event) {
        if (event instanceof Event.SlashCommand c) {
            boolean start = "start".equals(c.subcommand());
            boolean closeInline = "close".equals(c.subcommand()) && c.option("summary") != null;
            if (start || closeInline) return Optional.of(new Defer(false));
        }
        if (event instanceof Event.FormSubmit m
                && (m.customId().startsWith("spike:close:") || m.customId().equals("spike:new"))) {
            return Optional.of(new Defer(false));
        }
        return Optional.empty();
    }

    /**
     * {@code /spike close} without a summary answers with the closing form and changes nothing, so the core runs it
     * without waiting for the guild's lock: Discord accepts a form only as the first answer, within 3 seconds.
     */
    static boolean answersWithForm(Event.SlashCommand c) {
        return c.command().equals("spike") && "close".equals(c.subcommand()) && c.option("summary") == null;
    }

    List<Action> command(GuildKnowledge guild, Event.SlashCommand c) throws IOException {
        Origin o = c.origin();
        if (c.command().equals("papercheck")) {
            if (!"start".equals(c.subcommand())) throw new Refusal("Use `/papercheck start paper:… claim:…`.");
            String paper = Text.oneLine(c.option("paper"));
            String claim = Text.oneLine(c.option("claim"));
            if (paper.isEmpty()) throw new Refusal("Say which paper: `paper:` a link or a reference.");
            if (paper.length() > 500) {
                throw new Refusal("The paper reference is too long: give a link or a short title.");
            }
            if (claim.isEmpty()) throw new Refusal("Say which claim to check: `claim:` with the number to reproduce.");
            return start(guild, o, NoteKind.PAPER_CHECK, claim, null, c.option("timebox"), "paper", "solo", paper,
                    claim);
        }
        String sub = c.subcommand() == null ? "" : c.subcommand();
        return switch (sub) {
            case "start" -> start(guild, o, NoteKind.SPIKE, c.option("topic"), c.option("goal"), c.option("timebox"),
                    c.option("template"), c.option("format"), null, null);
            case "note" -> note(guild, c);
            case "extend" -> extend(guild, c);
            case "status" -> status(guild, c);
            case "list" -> list(guild, o);
            case "close" -> close(guild, c);
            default -> throw new Refusal("Unknown subcommand. Try `/spike start`, `note`, `extend`, `status`, "
                    + "`list` or `close`.");
        };
    }

    /** Template names as the user types them. */
    List<Action> autocomplete(GuildKnowledge guild, Event.Autocomplete typing) {
        String typed = Text.oneLine(typing.typed()).toLowerCase(Locale.ROOT);
        List<Choice> choices = book(guild).templates().names().stream().filter(n -> n.startsWith(typed))
                .map(n -> new Choice(n, n)).toList();
        return List.of(new Action.Suggest(choices));
    }

    List<Action> click(GuildKnowledge guild, Event.ButtonClick click) throws IOException {
        List<String> parts = CustomIds.parts(click.customId());
        String verb = parts.size() > 1 ? parts.get(1) : "";
        if (verb.equals("new")) {
            String token = click.customId().substring(Math.min(click.customId().length(), START_OFFER.length()));
            return List.of(new Action.ShowForm(startForm(offers.topic(token, clock.instant()).orElse(null))));
        }
        if (parts.size() < 3) throw unknownButton();
        Spike spike = openSpike(guild, parts.get(2), click.origin());
        SpikeBook book = book(guild);
        Instant now = clock.instant();
        Spike changed = switch (verb) {
            case "tick" -> {
                int index = parts.size() == 4 ? number(parts.get(3)) : -1;
                if (index < 0 || index >= spike.checklist().size()) throw unknownButton();
                yield spike.check(index, !spike.checklist().get(index).done(), click.origin().actor().name(), now);
            }
            case "join" -> {
                if (spike.involves(click.origin().actor().id())) {
                    throw new Refusal("You are already on this " + SpikeView.noun(spike).toLowerCase(Locale.ROOT)
                            + ".");
                }
                yield spike.join(person(click.origin().actor()));
            }
            default -> throw unknownButton();
        };
        book.save(changed);
        return List.of(new Action.Update(SpikeView.card(changed, priorWork(guild, changed), now)));
    }

    List<Action> select(GuildKnowledge guild, Event.SelectChoice choice) throws IOException {
        List<String> parts = CustomIds.parts(choice.customId());
        if (parts.size() != 3 || !parts.get(1).equals("check")) throw unknownButton();
        Spike spike = openSpike(guild, parts.get(2), choice.origin());
        Set<Integer> ticked = new HashSet<>();
        for (String value : choice.values()) {
            int i = number(value);
            if (i >= 0 && i < spike.checklist().size()) ticked.add(i);
        }
        Instant now = clock.instant();
        Spike changed = spike.checkOnly(ticked, choice.origin().actor().name(), now);
        book(guild).save(changed);
        return List.of(new Action.Update(SpikeView.card(changed, priorWork(guild, changed), now)));
    }

    List<Action> submit(GuildKnowledge guild, Event.FormSubmit form) throws IOException {
        List<String> parts = CustomIds.parts(form.customId());
        if (form.customId().equals("spike:new")) {
            return start(guild, form.origin(), NoteKind.SPIKE, form.field("topic"), form.field("goal"),
                    form.field("timebox"), form.field("template"), form.field("format"), null, null);
        }
        if (parts.size() == 4 && parts.get(1).equals("close")) {
            Spike spike = book(guild).byId(parts.get(2)).orElseThrow(() ->
                    new Refusal("This spike is already closed (or unknown): nothing was written."));
            requireManager(spike, form.origin().actor(), "close");
            String outcome = outcome(spike, parts.get(3));
            return closeNow(guild, form.origin(), spike, outcome, form::field);
        }
        throw new Refusal("This form is not one I know; it may be from an older version.");
    }

    /** The adapter opened the thread asked for at start: the spike now exists and is saved. */
    List<Action> threadOpened(GuildKnowledge guild, Event.ThreadOpened opened) throws IOException {
        SpikeBook book = book(guild);
        Spike spike = book.arrived(refSpikeId(opened.ref())).orElseThrow(() ->
                new Refusal("That thread is not one I was opening; if I restarted meanwhile, start the spike again."));
        Spike live = spike.inThread(opened.threadId(), opened.messageId());
        book.save(live);
        String text = SpikeView.icon(live) + " " + SpikeView.noun(live) + " started: " + Text.channel(live.thread())
                + " · **" + Text.escape(live.topic()) + "** · " + live.timebox() + ", ends "
                + Text.timestamp(live.deadline(), 'R') + " · owner " + Text.escape(live.owner().name());
        List<Action> actions = new ArrayList<>();
        actions.add(Action.Reply.of(text));
        int withheld = book.withheld(live.id());
        if (withheld > 0) {
            actions.add(Action.Reply.privately(withheld + (withheld == 1 ? " more note" : " more notes")
                    + " from channels not everyone there can see may be related: try `/ask` with `private:true`."));
        }
        return actions;
    }

    List<Action> threadFailed(GuildKnowledge guild, Event.ThreadFailed failed) {
        book(guild).arrived(refSpikeId(failed.ref()));
        return List.of(Action.Reply.privately("I could not open the thread (" + Text.escape(Text.cut(failed.reason(),
                300)) + "), so no spike was started. Check that I may create threads and send messages in them here."));
    }

    /** Reminders due now in this guild; each is marked fired and saved before it is handed out. */
    @Override
    public List<Action> tick(GuildKnowledge guild) {
        SpikeBook book = book(guild);
        Instant now = clock.instant();
        List<Action> posts = new ArrayList<>();
        for (Spike spike : book.all()) {
            if (spike.thread() == null) continue;
            List<Reminder> due = Reminder.due(spike, now);
            if (due.isEmpty()) continue;
            // Several at once (the bot was down): post only the latest, the earlier ones are stale by now.
            Reminder latest = due.get(due.size() - 1);
            Set<String> fired = new LinkedHashSet<>(spike.remindersFired());
            due.forEach(r -> fired.add(r.key()));
            try {
                book.save(spike.withRemindersFired(fired));
            } catch (IOException e) {
                LOG.warn("guild {}: cannot save reminders of spike {}, will retry: {}", guild.id(), spike.id(),
                        e.toString());
                continue;
            }
            posts.add(new Action.Post(spike.thread(), SpikeView.reminder(spike, latest, now)));
        }
        return posts;
    }

    private List<Action> start(GuildKnowledge guild, Origin o, NoteKind kind, String topicText, String goalText,
                               String boxText, String templateName, String formatText, String paper,
                               String claim) {
        String topic = Text.oneLine(topicText);
        if (topic.isEmpty()) {
            throw new Refusal("Give the spike a topic, e.g. `/spike start topic:Evaluate Polars for the ETL`.");
        }
        if (topic.length() > MAX_TOPIC) {
            throw new Refusal("A topic is a title: at most " + MAX_TOPIC + " characters (this one has "
                    + topic.length() + "). Put the details in `goal`.");
        }
        String goal = Text.clean(goalText);
        if (goal.length() > MAX_GOAL) {
            throw new Refusal("The goal is at most " + MAX_GOAL + " characters (this one has " + goal.length()
                    + "): say what a good answer looks like in a few lines.");
        }
        TimeBox box;
        try {
            box = boxText == null || boxText.isBlank() ? TimeBox.DEFAULT : TimeBox.parse(Text.clean(boxText));
        } catch (IllegalArgumentException e) {
            throw new Refusal(Text.escape(e.getMessage()) + ".");
        }
        SpikeBook book = book(guild);
        var templates = book.templates();
        String wanted = templateName == null || templateName.isBlank() ? "general" : Text.oneLine(templateName);
        ChecklistTemplate template = templates.get(wanted).orElseThrow(() -> new Refusal("Unknown template '"
                + Text.escape(Text.cut(wanted, 30)) + "'. This team has: " + String.join(", ", templates.names())
                + "."));
        Format format = formatText == null || formatText.isBlank() ? Format.SOLO
                : Format.parse(Text.oneLine(formatText)).orElseThrow(() -> new Refusal("The format is solo, pair or "
                + "team."));

        Instant now = clock.instant();
        Spike spike = Spike.start(newId(book), kind, guild.id(), o.threadHome(), topic, goal, person(o.actor()),
                format, template, box, now, paper, claim);
        PriorWork work = findPriorWork(guild, spike);
        String lines = priorWorkLines(guild, work);
        book.priorWork(spike.id(), lines);
        book.expect(spike, work.withheld());
        return List.of(new Action.OpenThread(CustomIds.of(PREFIX, spike.id()), o.threadHome(), SpikeView.threadName(spike),
                SpikeView.card(spike, lines, now)));
    }

    private List<Action> note(GuildKnowledge guild, Event.SlashCommand c) throws IOException {
        Spike spike = target(guild, c);
        String text = Text.clean(c.option("text"));
        if (text.isEmpty()) throw new Refusal("Write the finding: `/spike note text:…`.");
        if (text.length() > MAX_FINDING) {
            throw new Refusal("A finding is at most " + MAX_FINDING + " characters (this one has " + text.length()
                    + "): split it into several notes.");
        }
        Instant now = clock.instant();
        Spike changed = spike.withFinding(new Finding(c.origin().actor().name(), now, text));
        book(guild).save(changed);
        List<Action> actions = new ArrayList<>();
        actions.add(Action.Reply.of("📝 Finding " + changed.findings().size() + " by **"
                + Text.escape(c.origin().actor().name()) + "**: " + Text.escape(text)));
        actions.addAll(refreshCard(guild, changed, now));
        return actions;
    }

    private List<Action> extend(GuildKnowledge guild, Event.SlashCommand c) throws IOException {
        Spike spike = target(guild, c);
        requireManager(spike, c.origin().actor(), "extend");
        TimeBox by;
        try {
            by = TimeBox.parse(Text.clean(c.option("by")));
        } catch (IllegalArgumentException e) {
            throw new Refusal(Text.escape(e.getMessage()) + ".");
        }
        String reason = Text.oneLine(c.option("reason"));
        if (reason.isEmpty()) throw new Refusal("Say why it needs more time: `reason:…` (it goes into the note).");
        if (reason.length() > MAX_REASON) {
            throw new Refusal("A reason is at most " + MAX_REASON + " characters (this one has " + reason.length()
                    + ").");
        }
        Instant now = clock.instant();
        Spike changed = spike.extend(by, reason, c.origin().actor().name(), now);
        book(guild).save(changed);
        int n = changed.extensions().size();
        List<Action> actions = new ArrayList<>();
        actions.add(Action.Reply.of("⏱ **" + Text.escape(changed.topic()) + "** extended by " + by
                + " (extension " + n
                + "): " + Text.escape(reason) + ". Now ends " + Text.timestamp(changed.deadline(), 'F') + " ("
                + Text.timestamp(changed.deadline(), 'R') + ")."));
        actions.addAll(refreshCard(guild, changed, now));
        return actions;
    }

    private List<Action> status(GuildKnowledge guild, Event.SlashCommand c) {
        Spike spike = target(guild, c);
        Instant now = clock.instant();
        Card card = SpikeView.cardEmbed(spike, priorWork(guild, spike), now);
        return List.of(new Action.Reply(new Draft("", List.of(card), List.of()), true));
    }

    private List<Action> list(GuildKnowledge guild, Origin o) {
        Instant now = clock.instant();
        List<Spike> visible = book(guild).all().stream()
                .filter(s -> s.thread() != null && access.canView(guild.id(), o.actor().id(), s.thread()))
                .sorted(Comparator.comparing(Spike::deadline)).toList();
        if (visible.isEmpty()) {
            return List.of(Action.Reply.privately("No open spikes. Start one with `/spike start topic:…`."));
        }
        long overdue = visible.stream().filter(s -> s.overdue(now)).count();
        List<Card.Field> fields = visible.stream().map(s -> SpikeView.listField(s, now)).toList();
        String footer = fields.size() > 25 ? "and " + (fields.size() - 25) + " more" : null;
        Card embed = new Card("Open spikes (" + visible.size() + ")", null,
                overdue == 0 ? null : "⚠ " + overdue + " overdue: close them with an outcome or extend them.",
                fields, footer, null);
        return List.of(new Action.Reply(new Draft("", List.of(embed), List.of()), true));
    }

    private List<Action> close(GuildKnowledge guild, Event.SlashCommand c) throws IOException {
        Spike spike = target(guild, c);
        requireManager(spike, c.origin().actor(), "close");
        String outcome = outcome(spike, c.option("outcome"));
        if (c.option("summary") == null) return List.of(new Action.ShowForm(closeForm(spike, outcome)));
        return closeNow(guild, c.origin(), spike, outcome, c::option);
    }

    /** Writes the note (durably, indexed at once), then forgets the spike, posts the summary, archives the thread. */
    private List<Action> closeNow(GuildKnowledge guild, Origin o, Spike spike, String outcome, Function<String, String> field)
            throws IOException {
        String summary = Text.clean(field.apply("summary"));
        if (summary.isEmpty()) throw new Refusal("Write a summary: what did you find, and why this decision?");
        if (summary.length() > MAX_SUMMARY) {
            throw new Refusal("The summary is at most " + MAX_SUMMARY + " characters (this one has " + summary.length()
                    + "); put details in findings with `/spike note`.");
        }
        PaperResult paper = spike.kind() != NoteKind.PAPER_CHECK ? null : new PaperResult(
                part(field, "measured"), part(field, "compute_cost"), part(field, "code"), part(field, "data"));
        Instant now = clock.instant();
        String threadLink = spike.thread() == null ? null : Text.channelUrl(guild.id(), spike.thread());
        Closing closing = new Closing(outcome, summary, part(field, "approaches"), part(field, "next_steps"),
                tags(field.apply("tags")), paper, person(o.actor()), now, threadLink);
        String priorWork = priorWork(guild, spike); // before the note exists, or it would list itself
        NoteFile written = guild.write(SpikeNotes.render(spike, closing));
        try {
            book(guild).forget(spike);
        } catch (IOException e) {
            LOG.error("guild {}: note {} written but spike {} could not be removed from the open spikes: {}",
                    guild.id(), written.path(), spike.id(), e.toString());
        }
        String base = guild.config().noteUrlBase();
        String where = base != null ? "[" + written.path() + "](" + base + written.path() + ")"
                : "`" + written.path() + "`";
        Draft summaryMessage = new Draft("", List.of(SpikeView.summary(spike, closing, where)), List.of());
        List<Action> actions = new ArrayList<>();
        actions.add(new Action.Reply(summaryMessage, false));
        if (spike.thread() != null) {
            if (!spike.thread().equals(o.channelId())) actions.add(new Action.Post(spike.thread(), summaryMessage));
            if (spike.message() != null) {
                actions.add(new Action.Edit(spike.thread(), spike.message(),
                        SpikeView.closedCard(spike, outcome, priorWork, now)));
            }
            actions.add(new Action.ArchiveThread(spike.thread()));
        }
        return actions;
    }

    private Form closeForm(Spike spike, String outcome) {
        String id = CustomIds.of("spike", "close", spike.id(), outcome);
        List<Form.TextInput> inputs = new ArrayList<>();
        inputs.add(new Form.TextInput("summary", "Summary: what did you find, why this?", true, true, null,
                "The decision and the evidence for it", MAX_SUMMARY));
        if (spike.kind() == NoteKind.PAPER_CHECK) {
            inputs.add(new Form.TextInput("measured", "Measured result", false, false, null,
                    "Claimed: " + spike.claim(), 1000));
            inputs.add(new Form.TextInput("compute_cost", "Compute cost", false, false, null,
                    "GPU hours, money, wall time", 500));
            inputs.add(new Form.TextInput("code", "Code available?", false, false, null, "Link, or no", 500));
            inputs.add(new Form.TextInput("data", "Data available?", false, false, null, "Link, or no", 500));
        } else {
            inputs.add(new Form.TextInput("approaches", "Approaches compared (same criteria)", true, false, null,
                    "e.g. SQL baseline vs model: time, cost, accuracy, upkeep", 2000));
            inputs.add(new Form.TextInput("next_steps", "Next steps", true, false, null, null, 1000));
            inputs.add(new Form.TextInput("tags", "Tags, comma-separated", false, false, null,
                    "e.g. polars, etl", 200));
        }
        return new Form(id, "Close " + SpikeView.noun(spike).toLowerCase(Locale.ROOT) + ": " + outcome, inputs);
    }

    private static Form startForm(String topic) {
        return new Form("spike:new", "Start a spike", List.of(
                new Form.TextInput("topic", "Topic", false, true, topic, "What you investigate, as a title",
                        MAX_TOPIC),
                new Form.TextInput("goal", "Goal: what does a good answer look like?", true, false, null, null,
                        MAX_GOAL),
                new Form.TextInput("timebox", "Time box (30m, 2h, 4h, 2d, 1w)", false, false, "4h", null, 20),
                new Form.TextInput("template", "Checklist: library, problem, paper, general", false, false,
                        "general", null, 30),
                new Form.TextInput("format", "Format: solo, pair or team", false, false, "solo", null, 10)));
    }

    private List<Action> refreshCard(GuildKnowledge guild, Spike spike, Instant now) {
        if (spike.thread() == null || spike.message() == null) return List.of();
        return List.of(new Action.Edit(spike.thread(), spike.message(), SpikeView.card(spike, priorWork(guild, spike),
                now)));
    }

    /**
     * What the first message shows under "before you start": the related notes everyone in the spike's channel
     * may see. The topic alone is searched, as goal words would dilute how much of it a note covers.
     */
    private PriorWork findPriorWork(GuildKnowledge guild, Spike spike) {
        SearchRequest request = SearchRequest.of(spike.topic()).withLimit(PRIOR_WORK);
        return PriorWork.find(guild, request, new Audience(guild.id(), spike.owner().id(), spike.channel(), false),
                access, Hit.GOOD_ENOUGH);
    }

    private static String priorWorkLines(GuildKnowledge guild, PriorWork work) {
        return work.isEmpty() ? "Nothing in the notes yet: you may be the first. Write down what you find."
                : work.shown().stream().map(h -> HitCards.line(h, guild)).collect(Collectors.joining("\n"));
    }

    /** The lines shown when the spike started; found again after a restart (only the first message has them). */
    private String priorWork(GuildKnowledge guild, Spike spike) {
        String lines = book(guild).priorWork(spike.id());
        if (lines == null) {
            lines = priorWorkLines(guild, findPriorWork(guild, spike));
            book(guild).priorWork(spike.id(), lines);
        }
        return lines;
    }

    /** The spike a command is about: named by {@code spike:}, else the thread it is used in. */
    private Spike target(GuildKnowledge guild, Event.SlashCommand c) {
        String id = c.option("spike");
        if (id != null) return openSpike(guild, Text.oneLine(id).toLowerCase(Locale.ROOT), c.origin());
        return book(guild).byThread(c.origin().channelId()).orElseThrow(() -> new Refusal("This is not the thread "
                + "of an open spike. Use the command in the spike's thread, or name it with `spike:` (see `/spike "
                + "list`)."));
    }

    /** An open spike by id, hidden from people who cannot view its thread (as if it did not exist). */
    private Spike openSpike(GuildKnowledge guild, String id, Origin o) {
        Optional<Spike> spike = book(guild).byId(id).filter(s -> s.thread() == null
                || s.thread().equals(o.channelId()) || access.canView(guild.id(), o.actor().id(), s.thread()));
        return spike.orElseThrow(() -> new Refusal("No open spike with id `" + Text.cut(id.replaceAll("[^a-z0-9-]",
                "?"), 40) + "`: it may be closed already. See `/spike list`."));
    }

    private static void requireManager(Spike spike, Actor member, String verb) {
        if (spike.involves(member.id()) || member.canManageServer()) return;
        throw new Refusal("Only the owner (" + Text.escape(spike.owner().name()) + "), a participant or someone "
                + "with Manage Server can " + verb + " this " + SpikeView.noun(spike).toLowerCase(Locale.ROOT)
                + ". Press Join on its first message to take part.");
    }

    private static String outcome(Spike spike, String text) {
        try {
            return Closing.outcome(spike.kind(), text);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Text.escape(e.getMessage()) + ".");
        }
    }

    private static String part(Function<String, String> field, String id) {
        String text = Text.clean(field.apply(id));
        return text.isEmpty() ? null : Text.cut(text, MAX_SUMMARY);
    }

    private static List<String> tags(String text) {
        if (text == null) return List.of();
        return Arrays.stream(Text.oneLine(text).split("[,#]"))
                .map(t -> t.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-"))
                .filter(t -> !t.isEmpty() && t.length() <= 40).distinct().limit(MAX_TAGS).toList();
    }

    private static Person person(Actor m) {
        return new Person(m.id(), m.name());
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The spike id in a thread ref {@code spike:<id>}. */
    private static String refSpikeId(String ref) {
        List<String> parts = CustomIds.parts(ref);
        return parts.size() == 2 ? parts.get(1) : "";
    }

    private static Refusal unknownButton() {
        return new Refusal("This control is not one I know; it may be from an older version of this message.");
    }

    private String newId(SpikeBook book) {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        while (true) {
            StringBuilder id = new StringBuilder(6);
            for (int i = 0; i < 6; i++) id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            if (book.byId(id.toString()).isEmpty()) return id.toString();
        }
    }

    private SpikeBook book(GuildKnowledge guild) {
        return books.computeIfAbsent(guild.id(), id -> SpikeBook.load(guild));
    }
}
