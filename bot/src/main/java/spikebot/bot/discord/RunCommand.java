package spikebot.bot.discord;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import spikebot.bot.cli.CommandLineError;
import spikebot.bot.cli.Console;
import spikebot.bot.cli.SearchModeOption;
import spikebot.bot.wiring.Features;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code spikebot run [--config FILE] [--check]}: the Discord bot, until it is stopped (Ctrl-C or SIGTERM). The token comes
 * from {@code DISCORD_TOKEN} only, so that it never lands in shell history, process lists or the config file; it
 * is never printed or logged. The knowledge base of each guild, and the search mode, come from the config file.
 */
@Command(name = "run", description = {"Run the Discord bot (token from DISCORD_TOKEN) until Ctrl-C.",
        "The bot's token comes from the DISCORD_TOKEN environment variable only; the guilds, their knowledge bases "
                + "and the search mode from the config file."})
public final class RunCommand implements Callable<Integer> {
    public static final String DEFAULT_CONFIG = "spikebot.yml";

    private final Console console;
    private final Map<String, String> env;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = DEFAULT_CONFIG,
            description = "the bot's config file (default: ${DEFAULT-VALUE})")
    private Path config;

    @Option(names = "--check", description = "check the config file (folders, ids, shared knowledge bases) and "
            + "say what each guild gets, without a token and without connecting to Discord")
    private boolean check;

    /** @param env the process's environment, where the token is read from */
    public RunCommand(Console console, Map<String, String> env) {
        this.console = console;
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (check) return check();
        String token = env.get("DISCORD_TOKEN");
        if (token == null || token.isBlank()) {
            throw new CommandLineError("DISCORD_TOKEN is not set: export DISCORD_TOKEN=… with your bot's token "
                    + "(Developer Portal → your application → Bot → Reset Token)");
        }
        DiscordSettings settings = DiscordSettings.load(config);
        console.out().println("Connecting to Discord…");
        // Hybrid search: the model loads in the background while the bot connects; until it is ready, and for notes
        // not embedded yet, answers come by words alone.
        SearchModeOption.ModelSession model = SearchModeOption.load(settings.search(), false);
        DiscordBot bot = DiscordBot.start(token.strip(), settings,
                (access, history) -> Features.core(settings.coreConfigs(), access, history, Clock.systemUTC(),
                        model.embeddings()),
                DiscordBot.Connection.discord());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bot.close();
            model.close();
        }, "spikebot-shutdown"));
        console.out().println("Spikebot is running as " + bot.jda().getSelfUser().getName()
                + " in " + bot.jda().getGuilds().size() + " guild(s). Stop it with Ctrl-C.");
        if (!bot.readsMessageContent()) {
            console.out().println("Without the Message Content intent: slash commands, mentions, buttons and forms "
                    + "work; passive answers and capture need it (Developer Portal → your application → Bot → "
                    + "Message Content Intent, then restart).");
        }
        bot.awaitShutdown();
        return 0;
    }

    /** Reads and checks the config and says what the bot would serve; no token, no connection. */
    private int check() {
        DiscordSettings settings = DiscordSettings.load(config);
        console.out().println("Config " + config + " is valid: " + settings.guilds().size() + " guild(s), a tick (captured "
                + "messages written, reminders posted) every " + settings.tick().toSeconds() + " s, search "
                + settings.search() + ".");
        settings.guilds().forEach((id, g) -> console.out().println("  guild " + id + ": knowledge base "
                + g.knowledgeBase() + ", " + g.passiveChannels().size() + " passive channel(s)"
                + (g.spikeForum() == null ? ", spikes as threads" : ", spikes in forum " + g.spikeForum()
                + (g.spikeTag() == null ? " (tag 'spike' if it has one)" : " tagged '" + g.spikeTag() + "'"))));
        return 0;
    }
}
