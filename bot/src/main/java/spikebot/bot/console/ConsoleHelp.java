package spikebot.bot.console;

import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.OptionSpec;

import java.io.PrintStream;
import java.util.List;

/** The console's {@code help}: the bot's slash commands as they are typed here, then the console's own words. */
final class ConsoleHelp {
    private ConsoleHelp() {
    }

    static void print(PrintStream out, List<CommandSpec> commands) {
        out.println("Type what you would type in Discord (options as name:value, values may hold spaces):");
        for (CommandSpec spec : commands) {
            if (spec.type() == CommandSpec.Type.MESSAGE) continue;
            if (spec.subcommands().isEmpty()) out.println("  " + usage("/" + spec.name(), spec) + spec.description());
            for (CommandSpec sub : spec.subcommands()) {
                out.println("  " + usage("/" + spec.name() + " " + sub.name(), sub) + sub.description());
            }
        }
        out.println("""
                  @spikebot QUESTION       ask by mentioning the bot
                  any other text           a plain message (answered when passive answers are on here)
                Console:
                  click N                  press button N
                  select N,M               choose options N and M of the select menu on screen
                  show                     show the last message with buttons again
                  thread NAME              start a thread here, as Discord's "Create Thread" (and go into it)
                  leave / go NAME          back to the channel / into a thread; `threads` lists them
                  wait 2h                  let time pass (to see a spike's reminders; 1d, 1h30m, at most 6w)
                  cancel                   in a form: close it without saving anything
                  quit""");
    }

    private static String usage(String head, CommandSpec spec) {
        StringBuilder u = new StringBuilder(head);
        for (OptionSpec o : spec.options()) u.append(o.required() ? " " + o.name() + ":…" : " [" + o.name() + ":]");
        return String.format("%-60s ", u);
    }
}
