package spikebot.bot.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import spikebot.bot.core.GuildKnowledge;
import spikebot.index.IndexBusyException;
import spikebot.index.NoteIndex;
import spikebot.index.SyncReport;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Problem;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code spikebot index}: brings the index up to date with the notes and says what changed. */
@Command(name = "index", sortOptions = false,
        description = {"Index what changed; list the files that are not valid notes.",
                "Only added or changed files are read (by time and size); --rebuild reads them all."})
public final class IndexCli implements Callable<Integer> {
    private final Console console;

    @Mixin
    private KnowledgeBaseOption kb;
    @Option(names = "--rebuild", description = "read every note again, not only what changed")
    private boolean rebuild;
    @Mixin
    private SearchModeOption search;

    public IndexCli(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        KnowledgeBase knowledgeBase = kb.open();
        try (SearchModeOption.ModelSession model = SearchModeOption.load(search.mode(), false);
             NoteIndex index = NoteIndex.open(knowledgeBase, model.embeddings())) {
            ProgressLine reading = new ProgressLine(console.err(), "reading notes:");
            SyncReport report = rebuild ? index.rebuild(reading) : index.sync(reading);
            reading.end();
            console.out().println(summary(report) + "; " + index.size() + " notes in the index.");
            model.awaitVectors(console.err());
            if (!report.malformed().isEmpty()) {
                console.out().println("Not indexed (fix these files and run again):");
                for (Problem problem : report.malformed()) console.out().println("  " + problem);
            }
            List<String> settings = GuildKnowledge.settingsProblems(index, knowledgeBase);
            if (!settings.isEmpty()) {
                console.out().println("Team settings left out (fix them; the rest applies):");
                settings.forEach(p -> console.out().println("  " + p));
            }
            if (!knowledgeBase.warnings().isEmpty()) {
                console.out().println("Indexed without these values (fix them and run again):");
                for (Problem warning : knowledgeBase.warnings()) console.out().println("  " + warning);
            }
            return 0;
        } catch (IndexBusyException e) {
            console.err().println("spikebot index: " + e.getMessage());
            return 1;
        }
    }

    /** "3 added, 1 changed, 0 deleted, 2 malformed (0.12 s)". */
    static String summary(SyncReport report) {
        return String.format(Locale.ROOT, "%d added, %d changed, %d deleted, %d malformed (%.2f s)",
                report.added(), report.changed(), report.deleted(), report.malformed().size(),
                report.took().toNanos() / 1e9);
    }
}
