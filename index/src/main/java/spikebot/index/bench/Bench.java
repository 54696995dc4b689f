package spikebot.index.bench;

import spikebot.index.NoteIndex;
import spikebot.index.SearchMode;
import spikebot.index.SearchRequest;
import spikebot.index.embed.Embedder;
import spikebot.index.embed.Embeddings;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteFormat;
import spikebot.knowledge.Slug;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Measures Spikebot's index on a made-up knowledge base of realistic notes: indexing throughput, answer latency,
 * restart to first answer, size on disk and heap. The knowledge base is written to a temporary folder and deleted
 * afterwards. Answers are timed once the index has settled (Lucene's merges after the bulk load done), as a bot
 * answers nearly all its life. In hybrid mode the notes' vectors come from the model or, to time answers over a
 * large index without an hour of embedding, from {@link StandInVectors}; questions always go to the model.
 *
 * <p>Each question is also put to plain Lucene over the same notes ({@link VanillaBaseline}), right after Spikebot
 * answers it, so that the ratio of the two says what Spikebot's own search costs whatever the machine's load; and
 * the stages of Spikebot's search are clocked on a second pass ({@link AnswerTimes}), to say where that goes.
 */
public final class Bench {
    /**
     * Questions answered before timing starts, by default, so that the JIT and caches are warm. On 2 cores C2 needs
     * this many: after 300, p99 at 100k notes still carried compilation (8.6 to 13.6 ms, against 5 ms once warm).
     */
    public static final int WARM_UP = 2000;
    /** Notes the model embeds alone to measure its own speed (a sample: its speed does not depend on N). */
    static final int MODEL_SAMPLE = 200;

    /** Where the notes' vectors come from in a hybrid run; questions are always embedded by the model. */
    public enum Vectors {
        /** The embedding model, as in production: indexing throughput is the real one. */
        MODEL("model"),
        /** {@link StandInVectors}: answer time over a large index without an hour of embedding. */
        STAND_IN("stand-in");

        private final String id;

        Vectors(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Optional<Vectors> parse(String id) {
            for (Vectors v : values()) if (v.id.equals(id)) return Optional.of(v);
            return Optional.empty();
        }
    }

    /** Told what the benchmark is doing and how far along it is, from 0 to 1. */
    @FunctionalInterface
    public interface Progress {
        void update(String stage, double done);
    }

    private Bench() {
    }

    /**
     * @param vectors where notes' vectors come from in hybrid mode (ignored for bm25)
     * @param warmUp  questions answered, untimed, before the {@code queries} timed ones
     */
    public static BenchReport run(int notes, SearchMode mode, Vectors vectors, int warmUp, int queries,
                                  Progress progress) throws Exception {
        Path root = Files.createTempDirectory("spikebot-bench-");
        try {
            return run(root, notes, mode, mode == SearchMode.HYBRID ? vectors : null, warmUp, queries, progress);
        } finally {
            deleteTree(root);
        }
    }

    // "try": the index is closed inside its try-with-resources on purpose, so that the restart is timed from a
    // closed index; closing it twice is harmless.
    @SuppressWarnings("try")
    private static BenchReport run(Path root, int count, SearchMode mode, Vectors vectors, int warmUp, int queries,
                                   Progress progress) throws Exception {
        KnowledgeBase kb = new KnowledgeBase(root.resolve("notes"));
        Files.createDirectories(kb.root());
        SyntheticNotes generator = new SyntheticNotes(42);
        List<Note> sample = new ArrayList<>(MODEL_SAMPLE); // only these stay in memory: the heap is measured
        for (int i = 0; i < count; i++) {
            Note note = generator.next();
            if (sample.size() < MODEL_SAMPLE) sample.add(note);
            // Plain writes: making the test data is not what is measured, and fsync per file would dominate.
            Path folder = kb.root().resolve(note.kind().folder()).resolve(String.valueOf(i % 100));
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(i + "-" + Slug.of(note.title()) + ".md"), NoteFormat.render(note));
            if (i % 500 == 0) progress.update("writing notes", (double) i / count);
        }
        double modelRate = 0;
        int standInBases = 0;
        Embeddings embeddings = null;
        if (mode == SearchMode.HYBRID) {
            Embedder model = Embedder.load();
            modelRate = modelAlone(model, sample, progress);
            sample.clear();
            if (vectors == Vectors.STAND_IN) {
                StandInVectors standIn = StandInVectors.make(model, StandInVectors.basesFor(count), progress);
                standInBases = standIn.bases();
                embeddings = Embeddings.start(() -> model, standIn::of);
            } else {
                embeddings = Embeddings.start(() -> model);
            }
            embeddings.awaitModel();
        }
        try {
            long start = System.nanoTime(), startCpu = cpuNanos();
            progress.update("indexing", 0);
            double indexRate, indexCpuRate;
            try (NoteIndex index = NoteIndex.open(kb, embeddings)) {
                index.sync();
                if (embeddings != null) {
                    while (embeddings.pending() > 0) {
                        progress.update(vectors == Vectors.STAND_IN ? "storing stand-in vectors" : "embedding notes",
                                1 - (double) embeddings.pending() / count);
                        Thread.sleep(200);
                    }
                    embeddings.awaitIdle();
                }
                indexRate = count / seconds(System.nanoTime() - start);
                indexCpuRate = count / seconds(cpuNanos() - startCpu);
                progress.update("letting merges finish", 1);
            }
            // A bulk load leaves Lucene merging segments in the background for a while after its last commit (for
            // vectors, rebuilding their graphs), which would take a core from the answers timed next: a bot answers
            // from a settled index nearly all its life. Closing waited for those merges; opening again reads no note.
            List<String> questions = new ArrayList<>();
            for (int i = 0; i < warmUp + queries; i++) questions.add(generator.question());
            AnswerTimes.Figures answers;
            // The same notes again (same seed), into plain Lucene, which is open only while answers are timed.
            try (VanillaBaseline vanilla = VanillaBaseline.of(root.resolve("vanilla"), new SyntheticNotes(42), count,
                    progress); NoteIndex index = NoteIndex.open(kb, embeddings)) {
                index.sync();
                answers = AnswerTimes.measure(index, vanilla, questions, warmUp, progress);
            }
            long indexBytes = size(kb.stateDir());

            if (embeddings != null) embeddings.close();
            progress.update("restarting", 0);
            long restart = System.nanoTime();
            // As the bot starts: the model loads in the background, and the first answer does not wait for it.
            embeddings = mode == SearchMode.HYBRID ? Embeddings.start() : null;
            try (NoteIndex reopened = NoteIndex.open(kb, embeddings)) {
                reopened.sync();
                reopened.search(SearchRequest.of(generator.question()));
                double restartMillis = (System.nanoTime() - restart) / 1e6;
                progress.update("measuring heap", 1);
                long heap = heapAfterGc();
                return new BenchReport(count, mode.id(), vectors == null ? "none" : vectors.id(), standInBases,
                        indexRate, indexCpuRate, modelRate, answers, restartMillis, indexBytes, heap);
            }
        } finally {
            if (embeddings != null) embeddings.close();
        }
    }

    /** The model's own speed: the same kind of notes embedded one after the other, nothing else running. */
    private static double modelAlone(Embedder model, List<Note> notes, Progress progress) {
        int n = Math.min(MODEL_SAMPLE, notes.size());
        model.embedDocument("warm", "up");
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            model.embedDocument(notes.get(i).title(), notes.get(i).body());
            if (i % 10 == 0) progress.update("timing the model alone", (double) i / n);
        }
        return n / seconds(System.nanoTime() - start);
    }

    private static long heapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** CPU time of the whole process (every thread), where the JVM can tell; wall time otherwise. */
    private static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return System.nanoTime();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static long size(Path dir) throws IOException {
        if (!Files.exists(dir)) return 0;
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
