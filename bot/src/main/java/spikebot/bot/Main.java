package spikebot.bot;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import spikebot.bot.cli.AddCli;
import spikebot.bot.cli.AskCli;
import spikebot.bot.cli.BenchCli;
import spikebot.bot.cli.Console;
import spikebot.bot.cli.DemoCli;
import spikebot.bot.cli.EvalCommand;
import spikebot.bot.cli.FeedbackCli;
import spikebot.bot.cli.IndexCli;
import spikebot.bot.cli.Shell;
import spikebot.bot.cli.SpikebotVersion;
import spikebot.bot.console.ChatCli;
import spikebot.bot.console.ListCli;
import spikebot.bot.console.WhoCli;
import spikebot.bot.discord.DiscordBot;
import spikebot.bot.discord.ImportCommand;
import spikebot.bot.discord.RunCommand;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Entry point: all subcommands are wired here, and nowhere else. Adding one is a picocli {@code @Command} class
 * (see {@code cli/AskCli.java}) and one {@code addSubcommand} line below.
 */
@Command(name = "spikebot", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = SpikebotVersion.class,
        description = "The team's memory of spikes, paper checks and solutions: has anyone done this before?",
        synopsisSubcommandLabel = "COMMAND")
public final class Main implements Callable<Integer> {
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

    private final CommandLine commandLine;

    private Main(Console console, Map<String, String> env) {
        commandLine = new CommandLine(this)
                .addSubcommand(new CommandLine.HelpCommand())
                .addSubcommand(new DemoCli(console))
                .addSubcommand(new IndexCli(console))
                .addSubcommand(new AskCli(console))
                .addSubcommand(new AddCli(console))
                .addSubcommand(new WhoCli(console))
                .addSubcommand(new ListCli(console))
                .addSubcommand(new ChatCli(console))
                .addSubcommand(new RunCommand(console, env))
                .addSubcommand(new ImportCommand(console, env, DiscordBot.Connection.discord()))
                .addSubcommand(new EvalCommand(console))
                .addSubcommand(new BenchCli(console))
                .addSubcommand(new FeedbackCli(console));
        // Set after the subcommands are added, so that they do not inherit it (scope INHERIT above is for the
        // --help and --version options, which every command has).
        commandLine.getCommandSpec().usageMessage().footer("", "Run 'spikebot COMMAND --help' for a command's options.",
                "The ./spikebot launcher also takes: test (the test suite), build (the jar).");
    }

    public static void main(String[] args) {
        System.exit(run(args, Console.system()));
    }

    public static int run(String[] args, Console console) {
        return run(args, console, System.getenv());
    }

    /** @param env the environment {@code run} reads its token from */
    public static int run(String[] args, Console console, Map<String, String> env) {
        Main main = new Main(console, env);
        return Shell.execute(main.commandLine, args, console);
    }

    /** {@code spikebot} without a command: the help, on standard error since nothing was done. */
    @Override
    public Integer call() {
        return Shell.usageError(commandLine);
    }
}
