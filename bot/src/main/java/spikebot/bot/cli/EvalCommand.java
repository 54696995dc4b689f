package spikebot.bot.cli;

import spikebot.index.eval.NoteQuestion;
import spikebot.index.eval.NotesEval;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import spikebot.index.SearchMode;
import spikebot.index.embed.Embeddings;
import spikebot.index.eval.Contender;
import spikebot.index.eval.EvalMode;
import spikebot.index.eval.EvalRun;
import spikebot.index.eval.ForumDiscussions;
import spikebot.index.eval.OriginalQuestion;
import spikebot.index.eval.Relevancy;
import spikebot.index.eval.SemEvalReader;
import spikebot.index.eval.SpikebotSearch;
import spikebot.index.eval.VanillaLucene;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code spikebot eval}: scores Spikebot's search on SemEval-2016 Task 3 subtask B against the forum's engine and
 * vanilla Lucene, all in one run on the same data.
 */
@Command(name = "eval", sortOptions = false,
        description = {"Answer quality on the SemEval-2016 duplicate-question benchmark,",
                "or (--notes) on labelled questions over real note collections."})
public final class EvalCommand implements Callable<Integer> {
    private final Console console;

    @Option(names = "--questions", paramLabel = "XML", description = "the task's questions file")
    private String questionsPath;
    @Option(names = "--gold", paramLabel = "RELEVANCY",
            description = "the gold relevancy file (default: the questions file + .subtaskB.relevancy)")
    private String goldPath;
    @Option(names = "--mode", paramLabel = "MODE", converter = Mode.class,
            description = "rerank (the official task, the default) or retrieve (search the whole pool)")
    private EvalMode mode;
    @Option(names = "--notes", paramLabel = "DIR", description = "a folder of note collections: with --questions "
            + "and --gold as TSV files, scores top-1, top-3 and MRR on them instead of SemEval")
    private String notesPath;
    @Option(names = "--misses", description = "with --notes: list the tuning half's questions whose note was not first")
    private boolean misses;
    @Option(names = "--search", paramLabel = "MODE", converter = OptionTypes.Search.class,
            description = "bm25 or hybrid (default: both)")
    private SearchMode search;
    @Option(names = "--replies", description = "also index each related question as a discussion note (the "
            + "question as its opening message), once alone and once with the forum's replies (RelComment)")
    private boolean replies;
    @Option(names = "--json", description = "print the scores as JSON")
    private boolean json;

    public EvalCommand(Console console) {
        this.console = console;
    }

    /** {@code rerank} or {@code retrieve}. */
    public static final class Mode implements ITypeConverter<EvalMode> {
        @Override
        public EvalMode convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "rerank" -> EvalMode.RERANK;
                case "retrieve" -> EvalMode.RETRIEVE;
                default -> throw new OptionTypes.BadValue("rerank or retrieve", value);
            };
        }
    }

    @Override
    public Integer call() throws Exception {
        if (notesPath != null) return runNotes();
        if (misses) throw new CommandLineError("--misses goes with --notes");
        if (mode == null) mode = EvalMode.RERANK;
        Path questionsFile = existing(questionsPath, "--questions");
        Path goldFile = existing(goldPath == null ? questionsFile + ".subtaskB.relevancy" : goldPath, "--gold");

        List<OriginalQuestion> questions;
        Relevancy gold;
        try {
            questions = SemEvalReader.read(questionsFile);
            gold = Relevancy.read(goldFile);
        } catch (IllegalArgumentException e) {
            throw new CommandLineError(e.getMessage());
        }
        if (questions.isEmpty()) throw new CommandLineError(questionsFile + " holds no OrgQuestion");

        List<Contender> contenders = new ArrayList<>();
        contenders.add(new Contender("lucene", "vanilla Lucene: EnglishAnalyzer, BM25, one field", VanillaLucene::new));
        if (search == null || search == SearchMode.BM25) spikebot(contenders, "bm25", "bm25", null);
        Embeddings embeddings = null;
        if (search == null || search == SearchMode.HYBRID) {
            embeddings = Embeddings.start();
            spikebot(contenders, "hybrid", "hybrid (BM25 + BGE-small vectors)", embeddings);
        }

        EvalRun.Report report;
        try {
            report = EvalRun.run(questions, gold, mode, contenders,
                    name -> console.err().println("eval: running " + name + "…"));
        } finally {
            if (embeddings != null) embeddings.close();
        }
        if (json) {
            console.out().println(json(report, questionsFile));
        } else {
            print(report, questionsFile, console);
        }
        return 0;
    }

    /** Spikebot in one search mode: each related question a note; with --replies, also as a discussion. */
    private void spikebot(List<Contender> contenders, String name, String description, Embeddings model) {
        contenders.add(new Contender("spikebot-" + name, "Spikebot, " + description, () -> new SpikebotSearch(model)));
        if (!replies) return;
        contenders.add(new Contender("spikebot-" + name + "-thread", "Spikebot, " + name + ", as a discussion "
                + "without replies", () -> new SpikebotSearch(model, r -> ForumDiscussions.note(r, false))));
        contenders.add(new Contender("spikebot-" + name + "-replies", "Spikebot, " + name + ", as a discussion "
                + "with its replies", () -> new SpikebotSearch(model, r -> ForumDiscussions.note(r, true))));
    }

    private int runNotes() throws Exception {
        if (mode != null) throw new CommandLineError("--mode is for SemEval; --notes has no modes");
        if (replies) throw new CommandLineError("--replies is for SemEval, whose questions come with replies");
        Path notes = Path.of(notesPath);
        if (!Files.isDirectory(notes)) throw new CommandLineError("--notes " + notes + ": no such folder");
        Path questionsFile = existing(questionsPath, "--questions");
        Path goldFile = existing(goldPath, "--gold");
        List<NoteQuestion> questions;
        try {
            questions = NoteQuestion.read(questionsFile, goldFile);
        } catch (IllegalArgumentException e) {
            throw new CommandLineError(e.getMessage());
        }
        Embeddings embeddings = search == SearchMode.BM25 ? null : Embeddings.start();
        NotesEval.Report report;
        try {
            report = NotesEval.run(notes, questions, embeddings, line -> console.err().println("eval: " + line));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CommandLineError(e.getFile() + ": " + e.getReason());
        } finally {
            if (embeddings != null) embeddings.close();
        }
        List<NotesEval.Search> searches = search == SearchMode.BM25 ? List.of(NotesEval.Search.BM25)
                : search == SearchMode.HYBRID ? List.of(NotesEval.Search.HYBRID) : List.of(NotesEval.Search.values());
        if (json) console.out().println(notesJson(report, searches, notes));
        else printNotes(report, searches, notes, misses, console);
        return 0;
    }

    private static void printNotes(NotesEval.Report report, List<NotesEval.Search> searches, Path notes,
                                   boolean misses, Console console) {
        var out = console.out();
        out.printf("Real notes: %d questions over %d collections in %s (top %d answers looked at)%n%n",
                report.answers().stream().map(NotesEval.Answer::question).distinct().count(),
                report.notesIndexed().size(), notes, NotesEval.CUTOFF);
        out.printf("%-28s %-7s %9s %7s %7s %7s%n", "questions", "search", "questions", "top-1", "top-3", "MRR");
        List<String> rows = new ArrayList<>();
        for (NoteQuestion.Half half : NoteQuestion.Half.values()) rows.add(half.id());
        rows.add("all");
        rows.addAll(report.notesIndexed().keySet());
        for (String row : rows) {
            for (NotesEval.Search s : searches) {
                NotesEval.Figures f = report.figures(a -> a.search() == s && inRow(a, row));
                if (f.questions() == 0) continue;
                out.printf(Locale.ROOT, "%-28s %-7s %9d %7s %7s %7.3f%n", label(row, report), s.id(), f.questions(),
                        share(f.top1(), f.questions()), share(f.top3(), f.questions()), f.mrr());
            }
        }
        report.notesRejected().forEach((collection, problems) -> {
            if (problems.isEmpty()) return;
            out.printf("%n%s: %d file(s) not read as notes:%n", collection, problems.size());
            problems.forEach(p -> out.println("  " + p));
        });
        if (!misses) return;
        out.printf("%nTuning half, questions whose note was not first (rank 0 = not in the top %d):%n", NotesEval.CUTOFF);
        for (NotesEval.Answer a : report.answers()) {
            if (a.question().half() != NoteQuestion.Half.TUNE || a.rank() == 1 || !searches.contains(a.search())) continue;
            out.printf("  %-4s %-6s rank %d  %s%n       first: %s%n", a.question().id(), a.search().id(), a.rank(),
                    a.question().text(), a.top().stream().limit(3).toList());
        }
    }

    private static boolean inRow(NotesEval.Answer a, String row) {
        return row.equals("all") || row.equals(a.question().half().id()) || row.equals(a.question().collection());
    }

    private static String label(String row, NotesEval.Report report) {
        if (row.equals("tune")) return "tuning half";
        if (row.equals("report")) return "reporting half";
        if (row.equals("all")) return "all";
        return row + " (" + report.notesIndexed().get(row) + ")";
    }

    private static String share(int count, int of) {
        return count + "/" + of;
    }

    private static String notesJson(NotesEval.Report report, List<NotesEval.Search> searches, Path notes)
            throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("notes", notes.toString());
        ObjectNode collections = root.putObject("collections");
        report.notesIndexed().forEach((c, n) -> {
            ObjectNode node = collections.putObject(c);
            node.put("notes", n);
            ArrayNode rejected = node.putArray("rejected");
            report.notesRejected().getOrDefault(c, List.of()).forEach(rejected::add);
        });
        ArrayNode figures = root.putArray("figures");
        for (String row : List.of("tune", "report", "all")) {
            for (NotesEval.Search s : searches) {
                NotesEval.Figures f = report.figures(a -> a.search() == s && inRow(a, row));
                ObjectNode node = figures.addObject();
                node.put("questions", row);
                node.put("search", s.id());
                node.put("asked", f.questions());
                node.put("top1", f.top1());
                node.put("top3", f.top3());
                node.put("mrr", f.mrr());
            }
        }
        return mapper.writeValueAsString(root);
    }

    private static Path existing(String path, String option) {
        if (path == null) throw new CommandLineError(option + " is required");
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) throw new CommandLineError(option + " " + path + ": no such file");
        return file;
    }

    private static void print(EvalRun.Report report, Path file, Console console) {
        boolean rerank = report.mode() == EvalMode.RERANK;
        console.out().printf("SemEval-2016 Task 3 subtask B, %s mode: %d questions, %d distinct related questions (%s)%n%n",
                rerank ? "rerank" : "retrieve", report.questions(), report.pool(), file.getFileName());
        console.out().printf(rerank ? "%-30s %7s %7s %7s   %s%n" : "%-30s %7s %7s %7s %7s   %s%n",
                rerank ? new Object[]{"system", "MAP", "MRR", "P@1", "what"}
                        : new Object[]{"system", "MAP@10", "MRR", "nDCG@10", "R@10", "what"});
        for (EvalRun.Result r : report.systems()) {
            var s = r.scores();
            if (rerank) {
                console.out().printf(Locale.ROOT, "%-30s %7.4f %7.4f %7.4f   %s%n", r.name(), s.map(), s.mrr(), s.p1(), r.description());
            } else {
                console.out().printf(Locale.ROOT, "%-30s %7.4f %7.4f %7.4f %7.4f   %s%n", r.name(), s.map(), s.mrr(),
                        s.ndcg10(), s.recall10(), r.description());
            }
        }
    }

    private static String json(EvalRun.Report report, Path file) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("data", file.getFileName().toString());
        root.put("mode", report.mode().name().toLowerCase(Locale.ROOT));
        root.put("questions", report.questions());
        root.put("pool", report.pool());
        ArrayNode systems = root.putArray("systems");
        for (EvalRun.Result r : report.systems()) {
            ObjectNode s = systems.addObject();
            s.put("name", r.name());
            s.put("description", r.description());
            s.put("map", r.scores().map());
            s.put("mrr", r.scores().mrr());
            s.put("p1", r.scores().p1());
            s.put("ndcg10", r.scores().ndcg10());
            s.put("recall10", r.scores().recall10());
        }
        return mapper.writeValueAsString(root);
    }
}
