package spikebot.bot.console;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import spikebot.bot.cli.CommandLineError;
import spikebot.bot.cli.Console;
import spikebot.bot.cli.KnowledgeBaseOption;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code spikebot who}: whom to ask about a topic, as {@code /who} answers in chat. */
@Command(name = "who", description = {"Who knows about a topic: the people who wrote, owned or joined work on it.",
        "Ranked by how closely and how recently they worked on it, each with their top two pieces of work."})
public final class WhoCli implements Callable<Integer> {
    private final Console console;

    @Mixin
    private KnowledgeBaseOption kb;
    @Parameters(paramLabel = "TOPIC", arity = "0..*", description = "the topic, in your own words")
    private List<String> words = List.of();

    public WhoCli(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        String topic = String.join(" ", words).strip();
        if (topic.isEmpty()) throw new CommandLineError("a topic is needed, e.g. spikebot who polars");
        try (ShellQuery query = new ShellQuery(kb.folder(), Clock.systemUTC(), console.out(), console.err())) {
            return query.who(topic);
        }
    }
}
