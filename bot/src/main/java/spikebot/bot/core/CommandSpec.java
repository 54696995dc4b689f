package spikebot.bot.core;

import java.util.List;

/**
 * A command the core answers, for the adapter to register (Discord) or list (console help).
 *
 * @param type         a slash command, or a message context-menu entry ({@code name} is then its label)
 * @param options      for a slash command without subcommands
 * @param subcommands  {@code /spike start}, {@code /spike close}, …; each has {@link Type#SLASH} and its own options
 * @param managersOnly registered with Manage Server as the default member permission (the core checks it too)
 * @param example      how a person would type it, for {@code /help}; null to have help make one from the options
 */
public record CommandSpec(Type type, String name, String description, List<OptionSpec> options,
                          List<CommandSpec> subcommands, boolean managersOnly, String example) {

    public enum Type { SLASH, MESSAGE }

    public CommandSpec {
        options = List.copyOf(options);
        subcommands = List.copyOf(subcommands);
    }

    /** Without an example. */
    public CommandSpec(Type type, String name, String description, List<OptionSpec> options,
                       List<CommandSpec> subcommands, boolean managersOnly) {
        this(type, name, description, options, subcommands, managersOnly, null);
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
        return new CommandSpec(type, name, description, options, subcommands, true, example);
    }

    /** @param typed e.g. {@code /ask question:has anyone tried Polars?}, shown by {@code /help} */
    public CommandSpec withExample(String typed) {
        return new CommandSpec(type, name, description, options, subcommands, managersOnly, typed);
    }
}
