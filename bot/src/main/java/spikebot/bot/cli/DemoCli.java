package spikebot.bot.cli;

import picocli.CommandLine.Command;
import spikebot.index.NoteIndex;
import spikebot.index.SearchRequest;
import spikebot.index.SyncReport;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.SampleKnowledgeBase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code spikebot demo}: the main job on the bundled sample, with nothing to set up: copy the sample notes to a
 * temporary folder, index them, and ask what a team would ask.
 */
@Command(name = "demo", description = "Index the bundled sample notes and ask them a few questions.")
public final class DemoCli implements Callable<Integer> {
    private final Console console;

    /** Questions of several kinds, in the words people use in chat. */
    static final List<String> QUESTIONS = List.of(
            "has anyone tried Polars instead of pandas?",
            "CUDA out of memory when fine-tuning an LLM on one GPU",
            "did a simple SQL rule ever beat the churn model?",
            "did anyone reproduce the LoRA paper?",
            "k8s training pods stuck in pending");

    public DemoCli(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        Path folder = Files.createTempDirectory("spikebot-demo-");
        int copied = SampleKnowledgeBase.copyTo(folder);
        console.out().println("Copied " + copied + " sample notes to " + folder);
        try (NoteIndex index = NoteIndex.open(new KnowledgeBase(folder))) {
            SyncReport report = index.sync();
            console.out().println("Indexed: " + IndexCli.summary(report));
            HitPrinter printer = new HitPrinter(console.out(), LocalDate.now());
            for (String question : QUESTIONS) {
                console.out().println();
                console.out().println("=".repeat(100));
                console.out().println("Q: " + question);
                printer.print(index.search(SearchRequest.of(question).withLimit(2)), Optional.empty());
            }
        }
        console.out().println();
        console.out().println("Ask your own: ./spikebot ask --kb " + folder + " \"has anyone tried …?\"");
        return 0;
    }
}
