package spikebot.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import java.util.Set;

/** {@code spikebot ask}: "has anyone done this before?" from the shell. */
public final class AskCommand {
    public static final String USAGE = "ask [--kb DIR] [--kind K] [--limit N] [--search bm25|hybrid] [--json] QUESTION…";
    public static final String SUMMARY = "the notes that best answer a question "
            + "(also --tag, --author, --outcome, --since/--until DATE)";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AskCommand() {
    }

    public static int run(String[] argv, Console console) throws Exception {
        Args args = Args.parse(argv,
                Set.of(KnowledgeBaseOption.NAME, "kind", "tag", "author", "outcome", "since", "until", "limit", "search"),
                Set.of("json"));
        String question = String.join(" ", args.words()).strip();
        if (question.isEmpty()) {
            throw new CommandLineError("a question is needed, e.g. spikebot ask has anyone tried polars?");
        }
        NoteKind kind = NoteOptions.kind(args.get("kind", null));
        SearchRequest request = new SearchRequest(question, kind, args.get("tag", null), args.get("author", null),
                NoteOptions.outcome(args.get("outcome", null), kind), NoteOptions.date("since", args.get("since", null)),
                NoteOptions.date("until", args.get("until", null)),
                args.integer("limit", SearchRequest.DEFAULT_LIMIT, 1, SearchRequest.MAX_LIMIT));
        if (request.since() != null && request.until() != null && request.since().isAfter(request.until())) {
            throw new CommandLineError("--since is after --until");
        }
        KnowledgeBase kb = KnowledgeBaseOption.from(args);
        // One question from the shell: worth the second the model takes to load, so that the vectors the index
        // already holds are used. Notes without one are answered by their words.
        try (SearchModeOption.Model model = SearchModeOption.load(SearchModeOption.from(args), true);
             NoteIndex index = NoteIndex.open(kb, model.embeddings())) {
            catchUp(index, console.err());
            model.awaitFewVectors();
            List<Hit> hits = MatchGrade.byMatch(index.search(request));
            if (args.has("json")) {
                console.out().println(JSON.writeValueAsString(hits.stream().map(AskCommand::json).toList()));
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
        if (report.changedAnything()) err.println("(indexed first: " + IndexCommand.summary(report) + ")");
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
