package spikebot.bot.spike;

import spikebot.bot.core.Action;
import spikebot.bot.core.Choice;
import spikebot.bot.core.Control;
import spikebot.bot.core.Draft;
import spikebot.bot.core.ControlRow;
import spikebot.bot.core.Event;
import spikebot.bot.core.Form;
import spikebot.bot.core.KeptBehindTokens;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.PriorWork;
import spikebot.bot.core.Refusal;
import spikebot.bot.core.Text;
import spikebot.knowledge.spike.ChecklistTemplate;
import spikebot.knowledge.spike.Format;
import spikebot.knowledge.spike.Spike;
import spikebot.knowledge.spike.TimeBox;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.LinkedHashMap;
import java.util.Locale;

/**
 * Starting a spike or paper check: the checks on what was asked, the "Start a spike" offers and form, and the
 * thread's arrival. A spike is kept pending until the adapter has opened its thread, and saved only then, so that a
 * thread that could not be opened leaves nothing behind.
 */
final class SpikeStart {
    static final int MAX_TOPIC = 200;
    static final int MAX_GOAL = 1000;
    static final int MAX_PAPER = 500;
    private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final Spikes spikes;
    /** The start form's fields behind "Start a spike" and "Fix the form" buttons (field id → text). */
    private final KeptBehindTokens<Map<String, String>> offers = new KeptBehindTokens<>();
    private final SecureRandom random = new SecureRandom();

    SpikeStart(Spikes spikes) {
        this.spikes = spikes;
    }

    /** The "Start a spike" button; its topic stays here ({@link KeptBehindTokens}), the button carries a token. */
    Control.Button offer(String topic) {
        String token = offers.keep(Map.of("topic", Text.cut(Text.oneLine(topic), MAX_TOPIC)), spikes.now());
        return Control.Button.of(new SpikeIds.StartOffer(token).customId(), "Start a spike", Control.Style.PRIMARY);
    }

    /** A "Start a spike" or "Fix the form" button was pressed: the form, filled as kept (else empty). */
    List<Action> offerTaken(SpikeIds.StartOffer offer) {
        Map<String, String> fields = offers.get(offer.token(), spikes.now())
                .or(() -> offer.legacyTopic().map(t -> Map.of("topic", Text.cut(Text.oneLine(t), MAX_TOPIC))))
                .orElse(Map.of());
        return List.of(new Action.ShowForm(form(fields)));
    }

    /**
     * The start form as submitted: every bad field is said at once, and a button opens the form again with what was
     * typed (Discord does not let a form be answered with a form, and a form it closed is gone).
     */
    List<Action> submitted(GuildKnowledge guild, Event.FormSubmit form) {
        StartRequest request = StartRequest.spike(form);
        List<String> bad = new ArrayList<>();
        check(bad, () -> topic(request.topic()));
        check(bad, () -> goal(request.goal()));
        check(bad, () -> blank(request.timebox()) ? null : TimeBox.parse(Text.clean(request.timebox())));
        String template = blank(request.template()) ? "general" : Text.oneLine(request.template());
        if (spikes.book(guild).templates().get(template).isEmpty()) {
            bad.add("Unknown template '" + Text.escape(Text.cut(template, 30)) + "'. This team has: "
                    + String.join(", ", spikes.book(guild).templates().names()) + ".");
        }
        if (!blank(request.format()) && Format.parse(Text.oneLine(request.format())).isEmpty()) {
            bad.add("The format is solo, pair or team.");
        }
        if (bad.isEmpty()) return start(guild, request);
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : List.of("topic", "goal", "timebox", "template", "format")) {
            String value = form.field(field);
            if (value != null) typed.put(field, value);
        }
        String token = offers.keep(Map.copyOf(typed), spikes.now());
        return List.of(new Action.Reply(new Draft("Nothing was started; "
                + (bad.size() == 1 ? "one field needs" : bad.size() + " fields need") + " a fix:\n• "
                + String.join("\n• ", bad), List.of(), List.of(ControlRow.of(Control.Button.of(
                new SpikeIds.StartOffer(token).customId(), "Fix the form", Control.Style.PRIMARY)))), true));
    }

    private static void check(List<String> bad, Supplier<?> field) {
        try {
            field.get();
        } catch (Refusal r) {
            bad.add(r.getMessage());
        } catch (IllegalArgumentException e) {
            bad.add(Text.escape(e.getMessage()) + ".");
        }
    }

    List<Action> paperCheck(GuildKnowledge guild, Event.SlashCommand c) {
        if (!"start".equals(c.subcommand())) throw new Refusal("Use `/papercheck start paper:… claim:…`.");
        String paper = Text.oneLine(c.option("paper"));
        String claim = Text.oneLine(c.option("claim"));
        if (paper.isEmpty()) throw new Refusal("Say which paper: `paper:` a link or a reference.");
        if (paper.length() > MAX_PAPER) {
            throw new Refusal("The paper reference is too long: give a link or a short title.");
        }
        if (claim.isEmpty()) throw new Refusal("Say which claim to check: `claim:` with the number to reproduce.");
        return start(guild, StartRequest.paperCheck(c.origin(), paper, claim, c.option("timebox")));
    }

    /** Checks the request, finds the prior work, and asks for the spike's thread. */
    List<Action> start(GuildKnowledge guild, StartRequest request) {
        String topic = topic(request.topic());
        String goal = goal(request.goal());
        TimeBox box;
        try {
            box = blank(request.timebox()) ? TimeBox.DEFAULT : TimeBox.parse(Text.clean(request.timebox()));
        } catch (IllegalArgumentException e) {
            throw new Refusal(Text.escape(e.getMessage()) + ".");
        }
        SpikeBook book = spikes.book(guild);
        var templates = book.templates();
        String wanted = blank(request.template()) ? "general" : Text.oneLine(request.template());
        ChecklistTemplate template = templates.get(wanted).orElseThrow(() -> new Refusal("Unknown template '"
                + Text.escape(Text.cut(wanted, 30)) + "'. This team has: " + String.join(", ", templates.names())
                + "."));
        Format format = blank(request.format()) ? Format.SOLO : Format.parse(Text.oneLine(request.format()))
                .orElseThrow(() -> new Refusal("The format is solo, pair or team."));

        Instant now = spikes.now();
        var o = request.origin();
        Reopened reopens = request.reopens();
        ChecklistTemplate checklist = reopens == null || reopens.checklist() == null ? template : reopens.checklist();
        Spike spike = Spike.start(newId(book), request.kind(), guild.id(), o.threadHome(), topic, goal,
                Spikes.person(o.actor()), format, checklist, box, now);
        if (reopens != null) spike = reopens.tickDone(spike, now);
        PriorWork work = spikes.findPriorWork(guild, spike);
        String lines = Spikes.priorWorkLines(guild, work);
        if (reopens != null) lines = "♻ Reopens `" + reopens.path().replace("`", "'") + "`\n" + lines;
        book.priorWork(spike.id(), lines);
        book.expect(spike, work.withheld());
        return List.of(new Action.OpenThread(new SpikeIds.ThreadRef(spike.id()).customId(), o.threadHome(),
                SpikeView.threadName(spike), SpikeView.card(spike, lines, now)));
    }

    /** A topic as typed: one line, a title. Also checks an edited topic. */
    static String topic(String typed) {
        String topic = Text.oneLine(typed);
        if (topic.isEmpty()) {
            throw new Refusal("Give the spike a topic, e.g. `/spike start topic:Evaluate Polars for the ETL`.");
        }
        if (topic.length() > MAX_TOPIC) {
            throw new Refusal("A topic is a title: at most " + MAX_TOPIC + " characters (this one has "
                    + topic.length() + "). Put the details in `goal`.");
        }
        return topic;
    }

    /** A goal as typed: a few lines. Also checks an edited goal. */
    static String goal(String typed) {
        String goal = Text.clean(typed);
        if (goal.length() > MAX_GOAL) {
            throw new Refusal("The goal is at most " + MAX_GOAL + " characters (this one has " + goal.length()
                    + "): say what a good answer looks like in a few lines.");
        }
        return goal;
    }

    /** The adapter opened the thread asked for at start: the spike now exists and is saved. */
    List<Action> threadOpened(GuildKnowledge guild, SpikeIds.ThreadRef ref, Event.ThreadOpened opened)
            throws IOException {
        SpikeBook book = spikes.book(guild);
        Spike spike = book.arrived(ref.spikeId()).orElseThrow(() ->
                new Refusal("That thread is not one I was opening; if I restarted meanwhile, start the spike again."));
        Spike live = spike.inThread(opened.threadId(), opened.messageId());
        book.save(live);
        String text = live.spikeKind().icon() + " " + live.spikeKind().noun() + " started: "
                + Text.channel(live.thread()) + " · **" + Text.escape(live.topic()) + "** · " + live.timebox()
                + ", ends " + Text.timestamp(live.deadline(), 'F') + " (" + Text.timestamp(live.deadline(), 'R')
                + ") · owner " + Text.escape(live.owner().name());
        List<Action> actions = new ArrayList<>();
        actions.add(Action.Reply.of(text));
        int withheld = book.withheld(live.id());
        if (withheld > 0) {
            actions.add(Action.Reply.privately(SpikeView.count(withheld, "more note")
                    + " from channels not everyone there can see may be related: try `/ask` with `private:true`."));
        }
        return actions;
    }

    List<Action> threadFailed(GuildKnowledge guild, SpikeIds.ThreadRef ref, Event.ThreadFailed failed) {
        spikes.book(guild).arrived(ref.spikeId());
        return List.of(Action.Reply.privately("I could not open the thread (" + Text.escape(Text.cut(failed.reason(),
                300)) + "), so no spike was started. Check that I may create threads and send messages in them here."));
    }

    /** Template names as the user types them. */
    List<Action> autocomplete(GuildKnowledge guild, Event.Autocomplete typing) {
        String typed = Text.oneLine(typing.typed()).toLowerCase(Locale.ROOT);
        List<Choice> choices = spikes.book(guild).templates().names().stream().filter(n -> n.startsWith(typed))
                .map(n -> new Choice(n, n)).toList();
        return List.of(new Action.Suggest(choices));
    }

    /** The start form, filled with {@code values} (field id → text) where given, else the defaults. */
    private static Form form(Map<String, String> values) {
        return new Form(new SpikeIds.StartForm().customId(), "Start a spike", List.of(
                new Form.TextInput("topic", "Topic", false, true, values.get("topic"),
                        "What you investigate, as a title", MAX_TOPIC),
                new Form.TextInput("goal", "Goal: what does a good answer look like?", true, false,
                        values.get("goal"), null, MAX_GOAL),
                new Form.TextInput("timebox", "Time box (30m, 2h, 4h, 2d, 1w)", false, false,
                        values.getOrDefault("timebox", "4h"), null, 20),
                new Form.TextInput("template", "Checklist: library, problem, paper, general", false, false,
                        values.getOrDefault("template", "general"), null, 30),
                new Form.TextInput("format", "Format: solo, pair or team", false, false,
                        values.getOrDefault("format", "solo"), null, 10)));
    }

    private String newId(SpikeBook book) {
        while (true) {
            StringBuilder id = new StringBuilder(6);
            for (int i = 0; i < 6; i++) id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
            if (book.byId(id.toString()).isEmpty()) return id.toString();
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
