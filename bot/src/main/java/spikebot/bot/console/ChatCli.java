package spikebot.bot.console;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import spikebot.bot.wiring.Features;
import spikebot.bot.cli.CommandLineError;
import spikebot.bot.cli.Console;
import spikebot.bot.cli.KnowledgeBaseOption;
import spikebot.bot.cli.SearchModeOption;
import spikebot.bot.core.Actor;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.ChatCore;
import spikebot.bot.core.GuildConfig;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code spikebot chat}: the options of the console, and starting it. The knowledge base and search mode options
 * are the same mixins {@code index} and {@code ask} use, so a folder that works for one works for all.
 */
@Command(name = "chat", sortOptions = false,
        description = {"Talk to the bot in the terminal, as in Discord.",
                "Type `help` in the chat for its commands, `quit` to leave. One guild, one user (you)."})
public final class ChatCli implements Callable<Integer> {
    private final Console console;

    @Mixin
    private KnowledgeBaseOption kb;
    @Option(names = "--user", paramLabel = "NAME", description = "your name in the chat (default: your login name)")
    private String user;
    @Option(names = "--member", description = "act as a member without the Manage Server permission "
            + "(to try what the bot refuses them); default: a server manager")
    private boolean member;
    @Mixin
    private SearchModeOption search;

    public ChatCli(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        Path folder = kb.folder();
        String name = user == null ? System.getProperty("user.name", "you") : user.strip();
        if (name.isEmpty()) throw new CommandLineError("--user needs a name");
        ConsoleClock clock = new ConsoleClock(Clock.systemDefaultZone());
        BufferedReader in = new BufferedReader(new InputStreamReader(console.in(), StandardCharsets.UTF_8));
        // The model loads in the background: the first answers come by words alone, as in the bot.
        try (SearchModeOption.ModelSession model = SearchModeOption.load(search.mode(), false);
             ChatCore core = Features.core(Map.of(ChatConsole.GUILD, GuildConfig.console(folder)), ChannelAccess.ALL, clock,
                     model.embeddings())) {
            boolean piped = System.console() == null;
            new ChatConsole(core, clock, in, console.out(), new Actor("1", name, !member), piped).loop(folder);
        }
        return 0;
    }
}
