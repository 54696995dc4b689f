package spikebot.bot.cli;

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
        description = "Answer quality on the SemEval-2016 duplicate-question benchmark.")
public final class EvalCommand implements Callable<Integer> {
    private final Console console;

    @Option(names = "--questions", paramLabel = "XML", description = "the task's questions file")
    private String questionsPath;
    @Option(names = "--gold", paramLabel = "RELEVANCY",
            description = "the gold relevancy file (default: the questions file + .subtaskB.relevancy)")
    private String goldPath;
    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "rerank", converter = Mode.class,
            description = "rerank (the official task) or retrieve (search the whole pool); default: ${DEFAULT-VALUE}")
    private EvalMode mode;
    @Option(names = "--search", paramLabel = "MODE", converter = OptionTypes.Search.class,
            description = "bm25 or hybrid (default: both)")
    private SearchMode search;
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
        if (search == null || search == SearchMode.BM25) {
            contenders.add(new Contender("spikebot-bm25", "Spikebot, bm25", () -> new SpikebotSearch(null)));
        }
        Embeddings embeddings = null;
        if (search == null || search == SearchMode.HYBRID) {
            embeddings = Embeddings.start();
            Embeddings model = embeddings;
            contenders.add(new Contender("spikebot-hybrid", "Spikebot, hybrid (BM25 + BGE-small vectors)",
                    () -> new SpikebotSearch(model)));
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
        console.out().printf(rerank ? "%-22s %7s %7s %7s   %s%n" : "%-22s %7s %7s %7s %7s   %s%n",
                rerank ? new Object[]{"system", "MAP", "MRR", "P@1", "what"}
                        : new Object[]{"system", "MAP@10", "MRR", "nDCG@10", "R@10", "what"});
        for (EvalRun.Result r : report.systems()) {
            var s = r.scores();
            if (rerank) {
                console.out().printf(Locale.ROOT, "%-22s %7.4f %7.4f %7.4f   %s%n", r.name(), s.map(), s.mrr(), s.p1(), r.description());
            } else {
                console.out().printf(Locale.ROOT, "%-22s %7.4f %7.4f %7.4f %7.4f   %s%n", r.name(), s.map(), s.mrr(),
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
