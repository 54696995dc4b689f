package spikebot.bot;

import spikebot.bot.cli.AddCommand;
import spikebot.bot.cli.AskCommand;
import spikebot.bot.cli.BenchCommand;
import spikebot.bot.cli.CommandLineError;
import spikebot.bot.cli.Console;
import spikebot.bot.cli.DemoCommand;
import spikebot.bot.cli.EvalCommand;
import spikebot.bot.cli.FeedbackCommand;
import spikebot.bot.cli.IndexCommand;
import spikebot.bot.discord.RunCommand;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Entry point: all subcommands are wired here, and nowhere else. */
public final class Main {
    /** A subcommand: takes its arguments and the console, returns the exit code. */
    @FunctionalInterface
    interface Subcommand {
        int run(String[] args, Console console) throws Exception;
    }

    private record Entry(String usage, String summary, Subcommand command) {
    }

    private static final Map<String, Entry> COMMANDS = new LinkedHashMap<>();

    /**
     * Lucene warns on every start that the incubating Vector API is not enabled; enabling it prints a JVM warning
     * instead. Vectors are scored fast enough without it, so the notice is noise to a person at a terminal.
     * Held in a field: java.util.logging keeps loggers only weakly.
     */
    private static final java.util.logging.Logger LUCENE_VECTORIZATION =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    static {
        LUCENE_VECTORIZATION.setLevel(java.util.logging.Level.SEVERE);
    }

    static {
        COMMANDS.put("help", new Entry("help", "this list", (args, console) -> help(console)));
        COMMANDS.put("demo", new Entry(DemoCommand.USAGE, DemoCommand.SUMMARY, DemoCommand::run));
        COMMANDS.put("index", new Entry(IndexCommand.USAGE, IndexCommand.SUMMARY, IndexCommand::run));
        COMMANDS.put("ask", new Entry(AskCommand.USAGE, AskCommand.SUMMARY, AskCommand::run));
        COMMANDS.put("add", new Entry(AddCommand.USAGE, AddCommand.SUMMARY, AddCommand::run));
        COMMANDS.put("eval", new Entry(EvalCommand.USAGE, EvalCommand.SUMMARY, EvalCommand::run));
        COMMANDS.put("bench", new Entry(BenchCommand.USAGE, BenchCommand.SUMMARY, BenchCommand::run));
        COMMANDS.put("feedback", new Entry(FeedbackCommand.USAGE, FeedbackCommand.SUMMARY, FeedbackCommand::run));
        COMMANDS.put("chat", new Entry("chat [--kb DIR] [--user NAME] [--search bm25|hybrid]", "talk to the bot in the terminal, as in Discord",
                spikebot.bot.console.ChatConsole::run));
        COMMANDS.put("run", new Entry("run [--config FILE]", "the Discord bot (token from DISCORD_TOKEN)",
                (args, console) -> RunCommand.run(args, console, System.getenv())));
    }

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Console.system()));
    }

    public static int run(String[] args, Console console) {
        if (args.length == 0) return help(console);
        Entry entry = COMMANDS.get(args[0]);
        if (entry == null) {
            console.err().println("spikebot: unknown command '" + args[0] + "' (try: spikebot help)");
            return 2;
        }
        try {
            return entry.command().run(Arrays.copyOfRange(args, 1, args.length), console);
        } catch (CommandLineError e) {
            console.err().println("spikebot " + args[0] + ": " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            console.err().println("spikebot " + args[0] + ": " + e.getCause().getMessage());
            return 1;
        } catch (Exception e) {
            console.err().println("spikebot " + args[0] + ": " + e);
            return 1;
        }
    }

    private static int help(Console console) {
        console.out().println("Usage: spikebot COMMAND [OPTIONS]\n");
        COMMANDS.values().forEach(e -> console.out().printf("  %-60s %s%n", e.usage(), e.summary()));
        return 0;
    }
}
