package spikebot.bot.core;

import java.util.List;

/**
 * A command the core answers, for the adapter to register (Discord) or list (console help).
 *
 * @param type         a slash command, or a message context-menu entry ({@code name} is then its label)
 * @param options      for a slash command without subcommands
 * @param subcommands  {@code /spike start}, {@code /spike close}, …; each has {@link Type#SLASH} and its own options
 * @param managersOnly registered with Manage Server as the default member permission (the core checks it too)
 */
public record CommandSpec(Type type, String name, String description, List<OptionSpec> options,
                          List<CommandSpec> subcommands, boolean managersOnly) {

    public enum Type { SLASH, MESSAGE }

    public CommandSpec {
        options = List.copyOf(options);
        subcommands = List.copyOf(subcommands);
    }

    public static CommandSpec slash(String name, String description, OptionSpec... options) {
        return new CommandSpec(Type.SLASH, name, description, List.of(options), List.of(), false);
    }

    public static CommandSpec group(String name, String description, CommandSpec... subcommands) {
        return new CommandSpec(Type.SLASH, name, description, List.of(), List.of(subcommands), false);
    }

    public static CommandSpec messageMenu(String label) {
        return new CommandSpec(Type.MESSAGE, label, "", List.of(), List.of(), false);
    }

    public CommandSpec forManagers() {
        return new CommandSpec(type, name, description, options, subcommands, true);
    }
}
