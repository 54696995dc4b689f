package spikebot.bot.cli;

import spikebot.index.IndexBusyException;
import spikebot.index.NoteIndex;
import spikebot.index.SyncReport;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Problem;

import java.util.Locale;
import java.util.Set;

/** {@code spikebot index}: brings the index up to date with the notes and says what changed. */
public final class IndexCommand {
    public static final String USAGE = "index [--kb DIR] [--rebuild] [--search bm25|hybrid]";
    public static final String SUMMARY = "index the notes (only what changed; --rebuild: all)";

    private IndexCommand() {
    }

    public static int run(String[] argv, Console console) throws Exception {
        Args args = Args.parse(argv, Set.of(KnowledgeBaseOption.NAME, "search"), Set.of("rebuild"));
        if (!args.words().isEmpty()) throw new CommandLineError("unexpected argument '" + args.words().get(0) + "'");
        KnowledgeBase kb = KnowledgeBaseOption.from(args);
        try (SearchModeOption.Model model = SearchModeOption.load(SearchModeOption.from(args), false);
             NoteIndex index = NoteIndex.open(kb, model.embeddings())) {
            SyncReport report = args.has("rebuild") ? index.rebuild() : index.sync();
            console.out().println(summary(report) + "; " + index.size() + " notes in the index.");
            model.awaitVectors(console.err());
            if (!report.malformed().isEmpty()) {
                console.out().println("Not indexed (fix these files and run again):");
                for (Problem problem : report.malformed()) console.out().println("  " + problem);
            }
            if (!kb.warnings().isEmpty()) {
                console.out().println("Indexed without these values (fix them and run again):");
                for (Problem warning : kb.warnings()) console.out().println("  " + warning);
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
