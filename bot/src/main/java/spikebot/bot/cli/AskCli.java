package spikebot.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import spikebot.index.Hit;
import spikebot.index.IndexBusyException;
import spikebot.index.MatchGrade;
import spikebot.index.NoteIndex;
import spikebot.index.SearchRequest;
import spikebot.index.Snippet;
import spikebot.index.SyncReport;
import spikebot.index.UnmatchedFilter;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.NoteKind;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code spikebot ask}: "has anyone done this before?" from the shell. */
@Command(name = "ask", sortOptions = false,
        description = {"The notes that best answer a question.",
                "Indexes first when notes changed. Each answer shows its kind, outcome, authors, age, the passage "
                        + "that answers (question words in **bold**), its path and link."})
public final class AskCli implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Console console;

    @Mixin
    private KnowledgeBaseOption kb;
    @Option(names = "--kind", paramLabel = "KIND", converter = OptionTypes.KindId.class,
            completionCandidates = OptionTypes.KindIds.class,
            description = "only notes of this kind: ${COMPLETION-CANDIDATES}")
    private NoteKind kind;
    @Option(names = "--tag", paramLabel = "TAG", description = "only notes with this tag")
    private String tag;
    @Option(names = "--author", paramLabel = "NAME", description = "only notes by this author")
    private String author;
    @Option(names = "--outcome", paramLabel = "OUTCOME",
            description = "only notes with this outcome (go, no-go, shelved, reproduced, …)")
    private String outcome;
    @Option(names = "--since", paramLabel = "DATE", converter = OptionTypes.IsoDate.class,
            description = "only notes dated on or after DATE (2025-03-12)")
    private LocalDate since;
    @Option(names = "--until", paramLabel = "DATE", converter = OptionTypes.IsoDate.class,
            description = "only notes dated on or before DATE")
    private LocalDate until;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + SearchRequest.DEFAULT_LIMIT,
            description = "at most N notes, 1 to " + SearchRequest.MAX_LIMIT + " (default: ${DEFAULT-VALUE})")
    private int limit;
    @Mixin
    private SearchModeOption search;
    @Option(names = "--json", description = "print the notes as a JSON array")
    private boolean json;
    @Parameters(paramLabel = "QUESTION", arity = "0..*", description = "the question, in your own words")
    private List<String> words = List.of();

    public AskCli(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        String question = String.join(" ", words).strip();
        if (question.isEmpty()) {
            throw new CommandLineError("a question is needed, e.g. spikebot ask has anyone tried polars?");
        }
        if (since != null && until != null && since.isAfter(until)) {
            throw new CommandLineError("--since " + since + " is after --until " + until);
        }
        SearchRequest request = new SearchRequest(question, kind, tag, author, OptionTypes.outcome(outcome, kind),
                since, until, OptionTypes.within("--limit", limit, 1, SearchRequest.MAX_LIMIT));
        KnowledgeBase knowledgeBase = kb.open();
        // One question from the shell: worth the second the model takes to load, so that the vectors the index
        // already holds are used. Notes without one are answered by their words.
        try (SearchModeOption.ModelSession model = SearchModeOption.load(search.mode(), true);
             NoteIndex index = NoteIndex.open(knowledgeBase, model.embeddings())) {
            catchUp(index, console.err());
            model.awaitFewVectors();
            List<Hit> hits = MatchGrade.byMatch(index.search(request));
            if (json) {
                console.out().println(JSON.writeValueAsString(hits.stream().map(AskCli::json).toList()));
            } else {
                new HitPrinter(console.out(), LocalDate.now()).print(hits,
                        hits.isEmpty() ? UnmatchedFilter.of(index, request) : Optional.empty());
            }
        } catch (IndexBusyException e) {
            console.err().println("spikebot ask: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /**
     * Indexes what changed since the last run, telling only when there was something to do. While the bot holds
     * the index, it keeps it up to date itself: the answer comes from what it last saved.
     */
    static void catchUp(NoteIndex index, PrintStream err) throws Exception {
        if (index.readOnly()) {
            err.println("(the index is in use by another Spikebot process; answering from what it last saved)");
            return;
        }
        SyncReport report = index.sync();
        if (report.changedAnything()) err.println("(indexed first: " + IndexCli.summary(report) + ")");
        if (!report.malformed().isEmpty()) {
            err.println("(" + report.malformed().size() + " file(s) could not be read as notes; "
                    + "'spikebot index' lists them)");
        }
    }

    private static Map<String, Object> json(Hit hit) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", hit.path());
        out.put("kind", hit.kind().id());
        out.put("title", hit.title());
        out.put("outcome", hit.outcome());
        out.put("authors", hit.authors());
        out.put("date", hit.date() == null ? null : hit.date().toString());
        out.put("score", hit.score());
        out.put("relevance", hit.relevance());
        out.put("snippet", hit.snippet().text());
        out.put("highlights", hit.snippet().highlights().stream()
                .map((Snippet.Span s) -> List.of(s.start(), s.end())).toList());
        out.put("link", hit.link());
        out.put("channel", hit.channel());
        return out;
    }
}
