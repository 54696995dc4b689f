package spikebot.bot.console;

import spikebot.bot.core.Action;
import spikebot.bot.core.ChatCore;
import spikebot.bot.core.Control;
import spikebot.bot.core.Event;
import spikebot.bot.core.Actor;
import spikebot.bot.core.Draft;
import spikebot.bot.core.Form;
import spikebot.bot.core.Origin;
import spikebot.knowledge.discussion.DiscussionMessage;
import spikebot.knowledge.discussion.DiscussionThread;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code spikebot chat}: the bot in a terminal. A person types what they would type in Discord and sees what the
 * bot would post there; buttons and menus are used with {@code click N} and {@code select N}, forms are filled in
 * line by line (or given inline as {@code name:value}), and the console follows you into the thread you last
 * opened. One guild, one user (a server manager, unless started with {@code --member}), everyone sees everything.
 */
public final class ChatConsole {
    static final String GUILD = "1";
    static final String GENERAL = "100";
    /** Ids of modal fields, which the console also accepts inline as {@code name:value}. */
    static final Set<String> FIELD_IDS = Set.of("summary", "approaches", "next_steps", "tags", "measured",
            "compute_cost", "code", "data", "problem", "solution", "did_not_work", "links", "goal", "timebox",
            "template", "format", "topic");
    /**
     * How far {@code wait} moves the clock between two ticks: under the 5 minutes after which a reminder says it is
     * late (SpikeView.reminder), and not much less, since each tick also checks the folder for changed notes.
     */
    private static final Duration WAIT_STEP = Duration.ofMinutes(4);
    private static final String BOT = "spikebot";
    /** Typed in place of a form's field: closes the form without submitting it, as its X does in Discord. */
    static final String CANCEL = "cancel";

    private final ChatCore core;
    private final ConsoleClock clock;
    private final Printer printer;
    private final BufferedReader in;
    private final PrintStream out;
    private final Actor me;
    private final boolean echo;
    private final ConsoleThreads threads = new ConsoleThreads(GENERAL);
    private final Map<String, Draft> messages = new HashMap<>();
    private final Map<String, String> messageChannel = new HashMap<>();
    private List<Printer.Shown> shown = new ArrayList<>();
    private List<Printer.Shown> menus = new ArrayList<>();
    private String lastWithControls;
    private String here = GENERAL;
    /** Ids like Discord snowflakes: unique across sessions, so a spike saved earlier never meets a reused id. */
    private long nextId = System.currentTimeMillis() * 1000;
    /** Options of the command being handled, used to fill a form it opens. */
    private Map<String, String> inline = Map.of();

    ChatConsole(ChatCore core, ConsoleClock clock, BufferedReader in, PrintStream out, Actor me, boolean echo) {
        this.core = core;
        this.echo = echo;
        this.clock = clock;
        this.in = in;
        this.out = out;
        this.me = me;
        this.printer = new Printer(clock, this::name);
    }

    void loop(Path kb) throws IOException {
        threads.load(kb.resolve(".spikebot"));
        out.println("Spikebot chat on " + kb.toAbsolutePath() + ". You are " + me.name()
                + (me.canManageServer() ? "" : " (a member without Manage Server)")
                + " in #general. Type `help` for commands, `quit` to leave.");
        apply(core.tick(), null);
        while (true) {
            out.print(prompt());
            out.flush();
            String line = readLine();
            if (line == null) break;
            line = line.strip();
            if (line.isEmpty()) continue;
            if (line.equals("quit") || line.equals("exit")) break;
            try {
                command(line);
            } catch (RuntimeException e) {
                out.println("(console error: " + e.getMessage() + ")");
            }
            apply(core.tick(), null);
        }
        out.println();
    }

    String prompt() {
        String parent = threads.parent(here);
        return parent == null ? "#" + name(here) + "> " : "#" + name(parent) + " › " + name(here) + "> ";
    }

    private void command(String line) throws IOException {
        String verb = line.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        String rest = line.substring(verb.length()).strip();
        switch (verb) {
            case "help" -> ConsoleHelp.print(out, core.commands());
            case "click" -> click(rest);
            case "select" -> select(rest);
            case "show" -> show();
            case "leave" -> move(parentOf(here));
            case "go" -> go(rest);
            case "threads" -> listThreads();
            case "thread" -> startThread(rest);
            case "wait" -> waitFor(rest);
            default -> {
                if (line.startsWith("/")) slash(line);
                else if (line.toLowerCase(Locale.ROOT).startsWith("@" + BOT)) {
                    perform(new Event.MessagePosted(origin(), newId(), line.substring(BOT.length() + 1).strip(), true));
                } else {
                    String id = newId();
                    if (threads.parent(here) != null) { // a thread's message is part of its discussion
                        perform(new Event.MessageWritten(origin(), new DiscussionMessage(id, me.id(), me.name(),
                                clock.instant(), null, line, null, List.of())));
                    }
                    perform(new Event.MessagePosted(origin(), id, line, false));
                }
            }
        }
    }

    private void slash(String line) throws IOException {
        SlashLine.Parsed parsed = SlashLine.parse(line, core.commands(), FIELD_IDS, threads::find);
        if (parsed.error() != null) {
            out.println("(" + parsed.error() + ")");
            return;
        }
        SlashLine s = parsed.line();
        inline = s.options();
        try {
            perform(new Event.SlashCommand(origin(), s.command(), s.subcommand(), s.options()));
        } finally {
            inline = Map.of();
        }
    }

    private void click(String rest) throws IOException {
        Printer.Shown target = numbered(rest);
        if (target == null) return;
        Control.Button b = (Control.Button) target.component();
        perform(new Event.ButtonClick(origin(), b.customId(), target.messageId()));
    }

    private void select(String rest) throws IOException {
        Printer.Shown menu = menus.isEmpty() ? null : menus.get(menus.size() - 1);
        if (menu == null) {
            out.println("(there is no select menu on screen)");
            return;
        }
        Control.SelectMenu m = (Control.SelectMenu) menu.component();
        List<String> values = new ArrayList<>();
        for (String n : rest.split("[,\\s]+")) {
            if (n.isBlank()) continue;
            try {
                int i = Integer.parseInt(n);
                if (i < 1 || i > m.options().size()) throw new NumberFormatException();
                values.add(m.options().get(i - 1).value());
            } catch (NumberFormatException e) {
                out.println("(choose options by number, 1 to " + m.options().size() + ", e.g. `select 1,3`)");
                return;
            }
        }
        perform(new Event.SelectChoice(origin(), m.customId(), menu.messageId(), values));
    }

    private Printer.Shown numbered(String rest) {
        try {
            int n = Integer.parseInt(rest.strip());
            if (n >= 1 && n <= shown.size()) return shown.get(n - 1);
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        out.println(shown.isEmpty() ? "(there is nothing to click on screen)"
                : "(type `click N` with N from 1 to " + shown.size() + ")");
        return null;
    }

    private void show() {
        if (lastWithControls == null) {
            out.println("(nothing to show yet)");
            return;
        }
        print(messages.get(lastWithControls), lastWithControls, "");
    }

    private void go(String name) {
        String wanted = name.replaceFirst("^#", "").strip();
        String found = threads.find(wanted);
        if (found != null) move(found);
        else out.println("(no channel or thread named '" + wanted + "'; `threads` lists them)");
    }

    private void listThreads() {
        if (threads.threads().isEmpty()) out.println("(no threads yet)");
        threads.threads().forEach(t -> out.println("  #" + name(t)));
    }

    /** Discord's "Create Thread" in the channel you are in: you are moved into it; what you type next is in it. */
    private void startThread(String name) throws IOException {
        if (name.isBlank()) {
            out.println("(name the thread: `thread how do we dedupe images?`)");
            return;
        }
        String channel = threads.parent(here) == null ? here : threads.parent(here);
        String thread = newId();
        threads.open(thread, name, channel);
        out.println("── new thread #" + name + " in #" + name(channel) + " ──");
        here = thread;
        perform(new Event.ThreadCreated(origin(), new DiscussionThread(GUILD, channel, name(channel), thread, name,
                clock.instant(), false, List.of(), null), true));
    }

    private void move(String channel) {
        here = channel;
        out.println("(you are in #" + name(channel) + ")");
    }

    /**
     * Lets time pass in steps, giving the core a tick after each as the bot's scheduler would, so that every
     * reminder comes at its time and none is taken for one missed while the bot was offline.
     */
    private void waitFor(String rest) throws IOException {
        Duration wanted;
        try {
            wanted = ConsoleClock.parseWait(rest);
        } catch (IllegalArgumentException e) {
            out.println("(" + e.getMessage() + ")");
            return;
        }
        String amount = ConsoleClock.spelledOut(wanted);
        out.println("(" + amount + (amount.matches("1 [a-z]+") ? " passes…)" : " pass…)"));
        for (Duration left = wanted; left.isPositive(); left = left.minus(WAIT_STEP)) {
            clock.skip(left.compareTo(WAIT_STEP) < 0 ? left : WAIT_STEP);
            apply(core.tick(), null);
        }
    }

    private void perform(Event event) throws IOException {
        apply(core.handle(event), event);
    }

    /** Does what the core asked, the way Discord would show it. */
    private void apply(List<Action> actions, Event cause) throws IOException {
        for (Action action : actions) {
            switch (action) {
                case Action.Reply r -> print(r.message(), newId(), r.ephemeral() ? "(only you can see this)\n" : "");
                case Action.Update u -> {
                    String id = cause instanceof Event.ButtonClick b ? b.messageId()
                            : cause instanceof Event.SelectChoice s ? s.messageId() : newId();
                    print(u.message(), id, "(message updated)\n");
                }
                case Action.Edit e -> {
                    messages.put(e.messageId(), e.message());
                    messageChannel.put(e.messageId(), e.channelId());
                    if (!e.message().rows().isEmpty() || e.messageId().equals(lastWithControls)) {
                        lastWithControls = e.messageId();
                        shown = new ArrayList<>();
                        menus = new ArrayList<>();
                        printer.render(e.message(), e.messageId(), shown, menus);
                    }
                    out.println("(the first message of #" + name(e.channelId())
                            + " was updated; `show` shows it)");
                }
                case Action.Post p -> print(p.message(), newId(), "[in #" + name(p.channelId()) + "]\n");
                case Action.ShowForm m -> fill(m.form(), cause);
                case Action.Suggest s -> out.println("suggestions: " + String.join(", ",
                        s.choices().stream().map(c -> c.name()).toList()));
                case Action.OpenThread t -> openThread(t, cause);
                case Action.ArchiveThread a -> {
                    out.println("── thread #" + name(a.threadId()) + " archived ──");
                    if (here.equals(a.threadId())) move(parentOf(here));
                }
            }
        }
    }

    private void openThread(Action.OpenThread t, Event cause) throws IOException {
        String thread = newId();
        threads.open(thread, t.name(), t.channelId());
        out.println("── new thread #" + t.name() + " in #" + name(t.channelId()) + " ──");
        print(t.first(), thread, "");
        here = thread;
        Origin origin = cause == null ? origin() : cause.origin();
        apply(core.handle(new Event.ThreadOpened(origin, t.ref(), thread, thread)), cause);
    }

    /** A modal, filled in at the terminal (see {@link ConsoleForms}), then submitted. */
    private void fill(Form modal, Event cause) throws IOException {
        Map<String, String> fields = ConsoleForms.fill(modal, inline, this::readLine, out);
        inline = Map.of();
        if (fields != null) perform(new Event.FormSubmit(cause == null ? origin() : cause.origin(), modal.customId(),
                fields));
    }

    private void print(Draft message, String messageId, String header) {
        messages.put(messageId, message);
        messageChannel.put(messageId, here);
        List<Printer.Shown> controls = new ArrayList<>();
        List<Printer.Shown> selects = new ArrayList<>();
        String text = printer.render(message, messageId, controls, selects);
        if (!controls.isEmpty() || !selects.isEmpty()) {
            shown = controls;
            menus = selects;
            lastWithControls = messageId;
        }
        out.print(BOT + ": " + header + text);
        if (!text.endsWith("\n")) out.println();
    }

    /** A line of input; echoed when it comes from a pipe, so that a transcript reads like a session. */
    private String readLine() throws IOException {
        String line = in.readLine();
        if (line != null && echo) out.println(line);
        return line;
    }

    private String name(String channelId) {
        return threads.name(channelId);
    }

    private String parentOf(String channel) {
        String parent = threads.parent(channel);
        return parent == null ? GENERAL : parent;
    }

    private Origin origin() {
        return new Origin(GUILD, here, threads.parent(here), me);
    }

    private String newId() {
        return String.valueOf(++nextId);
    }
}
