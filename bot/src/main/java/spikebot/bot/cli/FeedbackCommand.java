package spikebot.bot.cli;

import spikebot.bot.passive.FeedbackReport;
import spikebot.knowledge.KnowledgeBase;

import java.util.Set;

/** {@code spikebot feedback}: how people rated passive answers, per note and per question. */
public final class FeedbackCommand {
    public static final String USAGE = "feedback [--kb DIR]";
    public static final String SUMMARY = "helpful and not-relevant rates of passive answers, per note and per question";

    private FeedbackCommand() {
    }

    public static int run(String[] argv, Console console) throws Exception {
        Args args = Args.parse(argv, Set.of(KnowledgeBaseOption.NAME), Set.of());
        if (!args.words().isEmpty()) throw new CommandLineError("unexpected argument '" + args.words().get(0) + "'");
        KnowledgeBase kb = KnowledgeBaseOption.from(args);
        FeedbackReport.read(kb.stateDir()).print(console.out());
        return 0;
    }
}
