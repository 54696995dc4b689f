package spikebot.bot.help;

import spikebot.bot.core.Action;
import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.Draft;
import spikebot.bot.core.Card;
import spikebot.bot.core.Event;
import spikebot.bot.core.Feature;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.Needs;
import spikebot.bot.core.OptionSpec;
import spikebot.bot.core.Refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /help}: every command the bot answers, each with what it does and a one-line example. It lists what the
 * features declare, so a new command shows up without touching this class; the list comes from the wiring (a
 * supplier, so that help can list itself and there is no package cycle).
 */
public final class HelpFeature implements Feature {
    public static final CommandSpec SPEC = CommandSpec.slash("help", "What Spikebot does, with an example of each "
            + "command").withExample("/help");

    private final Supplier<List<CommandSpec>> commands;

    /** @param commands every feature's commands, this one's included */
    public HelpFeature(Supplier<List<CommandSpec>> commands) {
        this.commands = commands;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(SPEC);
    }

    @Override
    public Needs needs(Event event) {
        return Needs.NOTHING;
    }

    @Override
    public List<Action> handle(GuildKnowledge guild, Event event) {
        if (!(event instanceof Event.SlashCommand)) throw new Refusal("That is not something /help answers.");
        // In a card: its description holds 4,096 characters where a message holds 2,000, and the list outgrew that.
        return List.of(new Action.Reply(new Draft("", List.of(Card.of("Spikebot: commands", text(commands.get()))),
                List.of()), true));
    }

    /** One line per command and subcommand, then its example; managers-only commands say so. */
    static String text(List<CommandSpec> specs) {
        List<String> lines = new ArrayList<>();
        lines.add("**Spikebot** remembers what the team tried. Commands:");
        for (CommandSpec spec : specs) {
            if (spec.type() == CommandSpec.Type.MESSAGE) {
                lines.add("• **" + spec.name() + "** (right-click a message → Apps): saves it as a note.");
                continue;
            }
            if (spec.subcommands().isEmpty()) {
                add(lines, "/" + spec.name(), spec, spec.managersOnly());
            } else {
                for (CommandSpec sub : spec.subcommands()) {
                    add(lines, "/" + spec.name() + " " + sub.name(), sub, spec.managersOnly() || sub.managersOnly());
                }
            }
        }
        lines.add("In a channel where passive answers are on, \"has anyone tried…?\" gets an answer unasked.");
        lines.add("In a captured channel, threads and forum posts are kept as discussion notes `/ask` finds (anyone "
                + "can opt out: `/spikebot consent state:off`); a new post there gets \"has this been asked "
                + "before?\" when a note matches strongly.");
        return String.join("\n", lines);
    }

    private static void add(List<String> lines, String path, CommandSpec spec, boolean managers) {
        lines.add("• **" + path + "**: " + spec.description() + (managers ? " (Manage Server)" : ""));
        lines.add("  e.g. `" + (spec.example() != null ? spec.example() : example(path, spec)) + "`");
    }

    /** Made from the required options when the feature gave none: a choice shows its first value. */
    static String example(String path, CommandSpec spec) {
        StringBuilder typed = new StringBuilder(path);
        for (OptionSpec option : spec.options()) {
            if (!option.required()) continue;
            typed.append(' ').append(option.name()).append(':')
                    .append(option.choices().isEmpty() ? "<" + option.name() + ">" : option.choices().get(0));
        }
        return typed.toString();
    }
}
