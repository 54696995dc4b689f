package spikebot.bot.discord;

import spikebot.bot.cli.Args;
import spikebot.bot.cli.CommandLineError;
import spikebot.bot.cli.Console;
import spikebot.bot.cli.SearchModeOption;
import spikebot.bot.wiring.Features;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * {@code spikebot run [--config FILE] [--check]}: the Discord bot, until it is stopped (Ctrl-C or SIGTERM). The token comes
 * from {@code DISCORD_TOKEN} only, so that it never lands in shell history, process lists or the config file; it
 * is never printed or logged.
 */
public final class RunCommand {
    public static final String DEFAULT_CONFIG = "spikebot.yml";

    private RunCommand() {
    }

    /**
     * {@code spikebot run --check}: reads and checks the config (folders, ids, knowledge bases not shared by
     * accident) and says what the bot would serve, without a token and without connecting to Discord.
     */
    private static int check(Path config, Console console) {
        DiscordSettings settings = DiscordSettings.load(config);
        console.out().println("Config " + config + " is valid: " + settings.guilds().size() + " guild(s), reminders "
                + "checked every " + settings.reminderCheck().toSeconds() + " s, search " + settings.search() + ".");
        settings.guilds().forEach((id, g) -> console.out().println("  guild " + id + ": knowledge base "
                + g.knowledgeBase() + ", " + g.passiveChannels().size() + " passive channel(s)"
                + (g.spikeForum() == null ? ", spikes as threads" : ", spikes in forum " + g.spikeForum()
                + (g.spikeTag() == null ? " (tag 'spike' if it has one)" : " tagged '" + g.spikeTag() + "'"))));
        return 0;
    }

    public static int run(String[] argv, Console console, Map<String, String> env) throws InterruptedException {
        Args args = Args.parse(argv, Set.of("config"), Set.of("check"));
        if (!args.words().isEmpty()) throw new CommandLineError("unexpected argument '" + args.words().get(0) + "'");
        if (args.has("check")) return check(Path.of(args.get("config", DEFAULT_CONFIG)), console);
        String token = env.get("DISCORD_TOKEN");
        if (token == null || token.isBlank()) {
            throw new CommandLineError("DISCORD_TOKEN is not set: export DISCORD_TOKEN=… with your bot's token "
                    + "(Developer Portal → your application → Bot → Reset Token)");
        }
        DiscordSettings settings = DiscordSettings.load(Path.of(args.get("config", DEFAULT_CONFIG)));
        console.out().println("Connecting to Discord…");
        // Hybrid search: the model loads in the background while the bot connects; until it is ready, and for notes
        // not embedded yet, answers come by words alone.
        SearchModeOption.Model model = SearchModeOption.load(settings.search(), false);
        DiscordBot bot = DiscordBot.start(token.strip(), settings,
                access -> Features.core(settings.coreConfigs(), access, Clock.systemUTC(), model.embeddings()),
                DiscordBot.Connection.discord());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bot.close();
            model.close();
        }, "spikebot-shutdown"));
        console.out().println("Spikebot is running as " + bot.jda().getSelfUser().getName()
                + " in " + bot.jda().getGuilds().size() + " guild(s). Stop it with Ctrl-C.");
        if (!bot.readsMessageContent()) {
            console.out().println("Without the Message Content intent: slash commands, mentions, buttons and forms "
                    + "work; passive answers need it (Developer Portal → your application → Bot → Message Content "
                    + "Intent, then restart).");
        }
        bot.awaitShutdown();
        return 0;
    }
}
