package spikebot.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import spikebot.index.SearchMode;
import spikebot.index.SearchTimings;
import spikebot.index.bench.Bench;
import spikebot.index.bench.BenchReport;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code spikebot bench}: indexing speed, answer latency, restart time, size and heap on a made-up knowledge base
 * of realistic notes. Progress goes to standard error, the figures to standard output.
 */
@Command(name = "bench", sortOptions = false,
        description = {"Speed and size on N synthetic notes.",
                "Indexing, answer latency, restart to first answer, index on disk and heap in use.",
                "Progress goes to standard error, the figures to standard output."})
public final class BenchCli implements Callable<Integer> {
    private final Console console;

    @Option(names = "--notes", paramLabel = "N", defaultValue = "10000",
            description = "notes to generate and index (default: ${DEFAULT-VALUE})")
    private int notes;
    @Option(names = "--search", paramLabel = "MODE", defaultValue = "bm25", converter = OptionTypes.Search.class,
            description = "bm25 or hybrid (default: ${DEFAULT-VALUE})")
    private SearchMode mode;
    @Option(names = "--vectors", paramLabel = "SOURCE", converter = VectorSource.class,
            description = "with hybrid: model (the real embedding model, the default) or stand-in (noisy copies of "
                    + "a few real vectors, to time answers on a large index without an hour of embedding)")
    private Bench.Vectors vectors;
    @Option(names = "--queries", paramLabel = "Q", defaultValue = "1000",
            description = "questions timed (default: ${DEFAULT-VALUE})")
    private int queries;
    @Option(names = "--warm-up", paramLabel = "W", defaultValue = "" + Bench.WARM_UP,
            description = "questions asked first, untimed (default: ${DEFAULT-VALUE})")
    private int warmUp;
    @Option(names = "--json", description = "print the figures as JSON")
    private boolean json;

    public BenchCli(Console console) {
        this.console = console;
    }

    /** {@code model} or {@code stand-in}. */
    public static final class VectorSource implements ITypeConverter<Bench.Vectors> {
        @Override
        public Bench.Vectors convert(String value) {
            return Bench.Vectors.parse(value).orElseThrow(() -> new OptionTypes.BadValue("model or stand-in", value));
        }
    }

    @Override
    public Integer call() throws Exception {
        OptionTypes.within("--notes", notes, 1, 1_000_000);
        OptionTypes.within("--queries", queries, 1, 1_000_000);
        OptionTypes.within("--warm-up", warmUp, 0, 1_000_000);
        if (vectors != null && mode != SearchMode.HYBRID) {
            throw new CommandLineError("--vectors needs --search hybrid (bm25 has no vectors)");
        }

        ProgressBar bar = new ProgressBar(console.err());
        BenchReport report = Bench.run(notes, mode, vectors == null ? Bench.Vectors.MODEL : vectors, warmUp, queries,
                bar::update);
        bar.done();
        if (json) {
            console.out().println(json(report));
        } else {
            table(report, console.out());
        }
        return 0;
    }

    static void table(BenchReport r, PrintStream out) {
        boolean hybrid = r.mode().equals("hybrid");
        boolean standIn = r.vectors().equals("stand-in");
        out.printf(Locale.ROOT, "Spikebot bench: %,d notes, %s search%s, %,d questions timed (%s, %d cores, load %.1f, Java %s)%n",
                r.notes(), r.mode(), standIn ? " with STAND-IN note vectors" : "", r.queries(), System.getProperty("os.name"),
                Runtime.getRuntime().availableProcessors(), r.loadAverage(), Runtime.version().feature());
        if (standIn) {
            out.printf(Locale.ROOT, "Stand-in vectors: each note's vector is one of %,d real model vectors of other generated notes,%n"
                    + "plus Gaussian noise (cosine about 0.9 to it), unit length. Every question is embedded by the model and%n"
                    + "searched by the real hybrid path (BM25 + nearest vectors + blend). Indexing figures marked * are NOT the%n"
                    + "model's speed: run --vectors model at a smaller N for those.%n", r.standInBases());
        }
        out.println();
        String row = "%-24s %18s   %s%n";
        String mark = standIn ? " *" : "";
        out.printf(row, "measure", "value", "target at 100k notes");
        out.printf(Locale.ROOT, row, "indexing" + mark, String.format(Locale.ROOT, "%,.0f notes/s", r.indexNotesPerSecond()),
                standIn ? "(stand-in vectors)" : hybrid ? "within 1.2x of the model alone" : ">= 5,000 notes/s");
        out.printf(Locale.ROOT, row, "indexing per CPU second" + mark, String.format(Locale.ROOT, "%,.0f notes/s", r.indexNotesPerCpuSecond()),
                "(the cost, whatever else runs)");
        if (hybrid) {
            out.printf(Locale.ROOT, row, "model alone", String.format(Locale.ROOT, "%,.1f notes/s", r.modelNotesPerSecond()),
                    standIn ? "(one thread, on 200 notes)"
                            : String.format(Locale.ROOT, "ratio %.2fx", r.modelNotesPerSecond() / r.indexNotesPerSecond()));
        }
        out.printf(Locale.ROOT, row, "answer p50", ms(r.p50Millis()), "");
        out.printf(Locale.ROOT, row, "answer p95", ms(r.p95Millis()), "");
        out.printf(Locale.ROOT, row, "answer p99", ms(r.p99Millis()), hybrid ? "<= 40 ms" : "<= 10 ms");
        out.printf(Locale.ROOT, row, "answer CPU time p99", ms(r.cpuP99Millis()), "(the cost, whatever else runs)");
        out.printf(Locale.ROOT, row, "plain Lucene p50", ms(r.vanillaP50Millis()), String.format(Locale.ROOT,
                "Spikebot %.2fx of it (aim: within 2x)", r.p50Millis() / r.vanillaP50Millis()));
        out.printf(Locale.ROOT, row, "plain Lucene CPU p50", ms(r.vanillaCpuP50Millis()), String.format(Locale.ROOT,
                "Spikebot %.2fx of it (%s)", r.cpuP50Millis() / r.vanillaCpuP50Millis(), ms(r.cpuP50Millis())));
        out.printf(Locale.ROOT, row, "plain Lucene p99", ms(r.vanillaP99Millis()), String.format(Locale.ROOT,
                "Spikebot %.2fx of it", r.p99Millis() / r.vanillaP99Millis()));
        out.printf(Locale.ROOT, row, "restart to first answer", ms(r.restartToFirstMillis()), "<= 3,000 ms");
        out.printf(Locale.ROOT, row, "index on disk", mb(r.indexBytes()), "");
        out.printf(Locale.ROOT, row, "heap in use", mb(r.heapBytes()), "<= 512 MB");
        out.println();
        out.printf(Locale.ROOT, "Plain Lucene: EnglishAnalyzer, BM25, title and body in one field, top 5, no snippets, timed right%n"
                + "after Spikebot on each question. Where Spikebot's answer goes, in CPU time of the answering thread%n"
                + "(mean %s; stages clocked on a second pass):%n", ms(r.cpuMeanMillis()));
        double total = r.stageMeanMillis().values().stream().mapToDouble(Double::doubleValue).sum();
        for (SearchTimings.Stage stage : SearchTimings.Stage.values()) {
            double millis = r.stageMeanMillis().getOrDefault(stage.name().toLowerCase(Locale.ROOT), 0.0);
            if (millis == 0 && !hybrid) continue;
            out.printf(Locale.ROOT, "  %-14s %9s %4.0f%%   %s%n", stage.name().toLowerCase(Locale.ROOT), ms(millis),
                    total > 0 ? 100 * millis / total : 0, stage.description());
        }
        out.printf(Locale.ROOT, "A chat answer's index work (4x the candidates, for those the audience may not see, then 5 snippets):%n"
                + "  %s mean, against %s for the 5 alone; the channel permission checks between are Discord's.%n",
                ms(r.botPathMeanMillis()), ms(total));
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%,.2f ms", millis);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / 1024.0 / 1024.0);
    }

    static String json(BenchReport r) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.valueToTree(r);
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("java", Runtime.version().toString());
        return mapper.writeValueAsString(root);
    }

    /** One line on standard error, redrawn in place: a bar, a percentage and what is being done. */
    static final class ProgressBar {
        private static final int WIDTH = 30;
        private final PrintStream err;
        private String lastLine = "";

        ProgressBar(PrintStream err) {
            this.err = err;
        }

        synchronized void update(String stage, double done) {
            int filled = (int) Math.round(Math.max(0, Math.min(1, done)) * WIDTH);
            String line = String.format(Locale.ROOT, "\r[%s%s] %3d%% %-24s", "#".repeat(filled), ".".repeat(WIDTH - filled),
                    Math.round(done * 100), stage);
            if (!line.equals(lastLine)) {
                err.print(line);
                err.flush();
                lastLine = line;
            }
        }

        synchronized void done() {
            if (!lastLine.isEmpty()) err.println();
        }
    }
}
