package spikebot.bot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Runs a command line with picocli, set up the same way for every subcommand: output to the given {@link Console},
 * and every mistake in how a command was called as ONE line on standard error with exit code 2 (picocli's own
 * answer would print the whole usage after it; {@code COMMAND --help} shows that on request). A command's other
 * failures are one line and exit code 1; no stack trace reaches the user.
 *
 * <p>{@code @file} arguments are NOT expanded (picocli's default would read a file for {@code ask @alice …}), and an
 * option given twice is an error rather than the last one silently winning.
 */
public final class Shell {
    /** Exit code of a mistake in the command line, as picocli and most shell tools use it. */
    public static final int USAGE = CommandLine.ExitCode.USAGE;

    private Shell() {
    }

    /**
     * Parses {@code args} against {@code top} (a picocli command with its subcommands added) and runs the chosen
     * command.
     *
     * @return the process's exit code
     */
    public static int execute(CommandLine top, String[] args, Console console) {
        PrintWriter err = new PrintWriter(console.err(), true);
        OptionTypes.WholeNumber wholeNumber = new OptionTypes.WholeNumber();
        return top.registerConverter(Integer.class, wholeNumber)
                .registerConverter(int.class, wholeNumber)
                .setOut(new PrintWriter(console.out(), true))
                .setErr(err)
                .setExpandAtFiles(false)
                .setParameterExceptionHandler((e, given) -> {
                    err.println(commandName(e.getCommandLine()) + ": " + describe(e));
                    return USAGE;
                })
                .setExecutionExceptionHandler((e, commandLine, parsed) -> failed(e, commandLine, parsed, err))
                .execute(args);
    }

    /** Prints the usage of the top command and returns {@link #USAGE}: for {@code spikebot} run without a command. */
    public static int usageError(CommandLine top) {
        top.usage(top.getErr());
        return USAGE;
    }

    private static int failed(Exception e, CommandLine commandLine, ParseResult parsed, PrintWriter err) {
        String where = commandName(commandLine) + ": ";
        return switch (e) {
            case CommandLineError bad -> {
                err.println(where + bad.getMessage());
                yield USAGE;
            }
            case UncheckedIOException io -> {
                err.println(where + io.getCause().getMessage());
                yield 1;
            }
            default -> {
                err.println(where + e);
                yield 1;
            }
        };
    }

    /** The one line that says what was wrong: picocli's facts in the words our own checks use. */
    static String describe(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String arg = unmatched.getUnmatched().get(0);
            List<String> suggestions = unmatched.getSuggestions();
            String hint = suggestions.isEmpty() ? "" : " (did you mean " + String.join(" or ", suggestions) + "?)";
            boolean isTop = e.getCommandLine().getParent() == null && !e.getCommandLine().getSubcommands().isEmpty();
            if (unmatched.isUnknownOption()) return "unknown option " + arg + hint + "; see " + help(e);
            if (isTop) return "unknown command '" + arg + "'" + hint + "; see " + help(e);
            return "unexpected argument '" + arg + "'; see " + help(e);
        }
        if (e instanceof MissingParameterException missing) {
            List<String> names = missing.getMissing().stream().map(Shell::name).toList();
            return String.join(" and ", names) + (names.size() == 1 ? " is" : " are") + " needed; see " + help(e);
        }
        if (e.getCause() instanceof OptionTypes.BadValue bad) {
            return (e.getArgSpec() == null ? "" : name(e.getArgSpec()) + " ") + bad.getMessage();
        }
        String message = e.getMessage();
        return message.isEmpty() ? message : message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
    }

    private static String help(ParameterException e) {
        return "'" + commandName(e.getCommandLine()) + " --help'";
    }

    /** "spikebot ask": the command's name with its parents', as the user typed it. */
    static String commandName(CommandLine commandLine) {
        return commandLine.getCommandSpec().qualifiedName(" ");
    }
}
