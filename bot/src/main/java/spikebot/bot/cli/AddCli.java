package spikebot.bot.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import spikebot.index.IndexBusyException;
import spikebot.index.NoteIndex;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteFile;
import spikebot.knowledge.NoteKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code spikebot add}: writes a note from the shell (body on standard input) and indexes it. The path is printed,
 * and the exit code is 0, only once the note is on disk for good; indexing is a bonus the next sync would redo.
 */
@Command(name = "add", sortOptions = false,
        description = {"Write a note (body from standard input) and index it.",
                "Prints the note's path once it is safely on disk."})
public final class AddCli implements Callable<Integer> {
    private final Console console;

    @Mixin
    private KnowledgeBaseOption kb;
    @Option(names = "--kind", paramLabel = "KIND", required = true, converter = OptionTypes.KindId.class,
            completionCandidates = OptionTypes.KindIds.class, description = "${COMPLETION-CANDIDATES}")
    private NoteKind kind;
    @Option(names = "--title", paramLabel = "TITLE", required = true, description = "the title (quote it)")
    private String title;
    @Option(names = "--tag", paramLabel = "TAG", description = "a tag; repeat for more")
    private List<String> tags = List.of();
    @Option(names = "--outcome", paramLabel = "OUTCOME", description = "one the kind takes, e.g. go or no-go for a spike")
    private String outcome;
    @Option(names = "--author", paramLabel = "NAME", description = "an author; repeat for more")
    private List<String> authors = List.of();
    @Option(names = "--date", paramLabel = "DATE", converter = OptionTypes.IsoDate.class,
            description = "the note's date (default: today)")
    private LocalDate date;
    @Option(names = "--link", paramLabel = "URL", description = "where the work lives (a PR, a wiki page)")
    private String link;
    /** Not a parameter the command takes: caught to say why, since the usual slip is an unquoted title. */
    @Parameters(hidden = true, arity = "0..*")
    private List<String> stray = List.of();

    public AddCli(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        if (!stray.isEmpty()) {
            throw new CommandLineError("unexpected argument '" + stray.get(0)
                    + "' (the body comes from standard input; quote a title with spaces)");
        }
        String cleanTitle = title.strip();
        if (cleanTitle.isEmpty()) throw new CommandLineError("--title must not be empty");
        String outcomeId = OptionTypes.outcome(outcome, kind);
        KnowledgeBase knowledgeBase = kb.open();
        Note note = new Note(kind, cleanTitle, date == null ? LocalDate.now() : date, OptionTypes.words(authors),
                OptionTypes.words(tags), outcomeId, null, null, link, Map.of(), readBody());
        NoteFile written = knowledgeBase.write(note);
        console.out().println(knowledgeBase.root().resolve(written.path()));
        try (NoteIndex index = NoteIndex.open(knowledgeBase)) {
            index.add(written);
        } catch (IndexBusyException e) {
            console.err().println("(the index is in use by another Spikebot process; it picks the note up at its "
                    + "next sync)");
        } catch (IOException e) {
            console.err().println("(note written, but not indexed yet: " + e.getMessage()
                    + "; the next 'spikebot index' or 'ask' will)");
        }
        return 0;
    }

    private String readBody() throws IOException {
        return new String(console.in().readAllBytes(), StandardCharsets.UTF_8).strip();
    }
}
