package spikebot.bot.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of one subcommand: {@code --name value} (repeatable), {@code --flag}, and the words left
 * over. Unknown options are an error, so a typo never silently changes what a command does.
 */
public final class Args {
    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> words = new ArrayList<>();

    /**
     * @param valued options that take a value, without dashes
     * @param flags  options that stand alone, without dashes
     */
    public static Args parse(String[] args, Set<String> valued, Set<String> flags) {
        Args parsed = new Args();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                parsed.words.addAll(List.of(args).subList(i + 1, args.length));
                break;
            }
            if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq > 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name) && value == null) {
                    parsed.options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.length) throw new CommandLineError("--" + name + " needs a value");
                        value = args[++i];
                    }
                    parsed.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } else {
                    throw new CommandLineError("unknown option --" + name);
                }
            } else {
                parsed.words.add(arg);
            }
        }
        return parsed;
    }

    public boolean has(String name) {
        return options.containsKey(name);
    }

    /** The last value given for an option, or the fallback. */
    public String get(String name, String fallback) {
        List<String> values = options.get(name);
        return values == null ? fallback : values.get(values.size() - 1);
    }

    public List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    public int integer(String name, int fallback, int min, int max) {
        String value = get(name, null);
        if (value == null) return fallback;
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) throw new CommandLineError("--" + name + " must be between " + min + " and " + max);
            return n;
        } catch (NumberFormatException e) {
            throw new CommandLineError("--" + name + " must be a whole number, not '" + value + "'");
        }
    }

    /** The words that are not options, in order. */
    public List<String> words() {
        return words;
    }
}
