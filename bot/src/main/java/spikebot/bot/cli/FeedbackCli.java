package spikebot.bot.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import spikebot.bot.passive.FeedbackReport;

import java.util.concurrent.Callable;

/** {@code spikebot feedback}: how people rated passive answers, per note and per question. */
@Command(name = "feedback",
        description = "Helpful and not-relevant rates of passive answers, per note and per question.")
public final class FeedbackCli implements Callable<Integer> {
    private final Console console;

    @Mixin
    private KnowledgeBaseOption kb;

    public FeedbackCli(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        FeedbackReport.read(kb.open().stateDir()).print(console.out());
        return 0;
    }
}
