package spikebot.bot.console;

import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.OptionSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slash command typed as in Discord: {@code /spike start topic:Evaluate Polars timebox:4h}. A value runs until
 * the next {@code name:} of a known option, so it may hold spaces (and colons, as in URLs). Words before the first
 * option fill the first required option that is missing ({@code /ask has anyone tried Polars?}).
 *
 * @param command    top-level name
 * @param subcommand or null
 * @param options    option name → value; also modal fields given inline ({@code summary:…}, {@code problem:…})
 */
record SlashLine(String command, String subcommand, Map<String, String> options) {
    private static final Pattern NAME = Pattern.compile("(?:^|\\s)([a-z][a-z_]{1,30}):");

    /**
     * @param fieldIds modal field ids that may also be given inline
     * @return the parsed command, or an error message
     */
    /**
     * @param channels a channel or thread typed by name ({@code #general}) or id → its id, as Discord's channel
     *                 picker sends it; null when there is none by that name
     */
    static Parsed parse(String line, List<CommandSpec> specs, Set<String> fieldIds, UnaryOperator<String> channels) {
        String rest = line.strip();
        if (!rest.startsWith("/")) return Parsed.error("a command starts with /");
        rest = rest.substring(1);
        String name = firstWord(rest);
        rest = rest.substring(name.length()).strip();
        Optional<CommandSpec> spec = specs.stream()
                .filter(s -> s.type() == CommandSpec.Type.SLASH && s.name().equals(name)).findFirst();
        if (spec.isEmpty()) {
            return Parsed.error("unknown command /" + name + " (commands: " + String.join(", ", specs.stream()
                    .filter(s -> s.type() == CommandSpec.Type.SLASH).map(s -> "/" + s.name()).toList()) + ")");
        }
        CommandSpec target = spec.get();
        String subcommand = null;
        if (!target.subcommands().isEmpty()) {
            String sub = firstWord(rest);
            Optional<CommandSpec> subSpec = target.subcommands().stream().filter(s -> s.name().equals(sub)).findFirst();
            if (subSpec.isEmpty()) {
                return Parsed.error("/" + name + " needs one of: " + String.join(", ",
                        target.subcommands().stream().map(CommandSpec::name).toList()));
            }
            subcommand = sub;
            target = subSpec.get();
            rest = rest.substring(sub.length()).strip();
        }
        List<OptionSpec> known = target.options();
        Map<String, String> options = new LinkedHashMap<>();
        Matcher m = NAME.matcher(rest);
        int valueStart = -1;
        String current = null;
        String positional = rest;
        while (m.find()) {
            String option = m.group(1);
            boolean isOption = known.stream().anyMatch(o -> o.name().equals(option)) || fieldIds.contains(option);
            if (!isOption) continue;
            if (current == null) positional = rest.substring(0, m.start()).strip();
            else options.put(current, rest.substring(valueStart, m.start()).strip());
            current = option;
            valueStart = m.end();
        }
        if (current != null) options.put(current, rest.substring(valueStart).strip());
        if (!positional.isBlank()) {
            Optional<OptionSpec> slot = known.stream().filter(o -> o.required() && !options.containsKey(o.name()))
                    .findFirst();
            if (slot.isEmpty()) {
                return Parsed.error("'" + positional + "' is not an option: write options as name:value ("
                        + String.join(", ", known.stream().map(o -> o.name() + ":").toList()) + ")");
            }
            options.put(slot.get().name(), positional.strip());
        }
        for (OptionSpec o : known) {
            if (o.required() && (!options.containsKey(o.name()) || options.get(o.name()).isBlank())) {
                return Parsed.error("/" + name + (subcommand == null ? "" : " " + subcommand) + " needs "
                        + o.name() + ": (" + o.description() + ")");
            }
            String typed = options.get(o.name());
            if (o.type() == OptionSpec.Type.CHANNEL && typed != null && !typed.isBlank()) {
                String id = channels.apply(typed.replaceFirst("^#", "").strip());
                if (id == null) return Parsed.error("no channel or thread named '" + typed + "'; `threads` lists them");
                options.put(o.name(), id);
            }
        }
        return new Parsed(new SlashLine(name, subcommand, options), null);
    }

    private static String firstWord(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }

    /** A parsed line, or why it could not be parsed. */
    record Parsed(SlashLine line, String error) {
        static Parsed error(String message) {
            return new Parsed(null, message);
        }
    }
}
