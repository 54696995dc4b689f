package spikebot.index.bench;

import spikebot.index.Candidate;
import spikebot.index.NoteIndex;
import spikebot.index.SearchMode;
import spikebot.index.SearchRequest;
import spikebot.index.SearchTimings;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times answers three ways over the same questions: Spikebot's search as the shell asks it, plain Lucene's
 * ({@link VanillaBaseline}) right after it on each question (so that both meet the same moment of a shared
 * machine's load), and then Spikebot's again with each stage clocked, to say where its extra time goes.
 */
final class AnswerTimes {
    /**
     * Candidates a chat answer looks at per hit it may show, so that notes hidden by channel permissions do not
     * leave it short: the bot's {@code PriorWork.OVERFETCH}, which the index module cannot see.
     */
    static final int BOT_OVERFETCH = 4;

    /**
     * @param p50Millis          Spikebot's median answer
     * @param cpuP50Millis       the median CPU time Spikebot's answering thread used: its own cost, without the
     *                           waits for a core
     * @param cpuP99Millis       99th percentile of that
     * @param vanillaP50Millis   plain Lucene's median on the same questions
     * @param vanillaCpuP50Millis plain Lucene's median CPU time
     * @param cpuMeanMillis      Spikebot's mean CPU time, to set the stages against
     * @param stageMeanMillis    each stage of Spikebot's search ({@link SearchTimings.Stage}, lower case), mean CPU
     *                           time per question, on a second pass
     * @param botPathMeanMillis  a chat answer's index work, mean CPU time per question: {@link #BOT_OVERFETCH}
     *                           times the candidates (for those the audience may not see), then snippets for the
     *                           first five
     * @param loadAverage        the machine's one-minute load average once the questions were timed
     */
    record Figures(int queries, double p50Millis, double p95Millis, double p99Millis, double cpuP50Millis,
                   double cpuP99Millis, double vanillaP50Millis, double vanillaP99Millis, double vanillaCpuP50Millis,
                   double cpuMeanMillis, Map<String, Double> stageMeanMillis, double botPathMeanMillis,
                   double loadAverage) {
    }

    private AnswerTimes() {
    }

    /** The first {@code warmUp} questions are answered untimed, so that the JIT and caches are warm. */
    static Figures measure(NoteIndex index, VanillaBaseline vanilla, List<String> questions, int warmUp,
                           Bench.Progress progress) throws IOException {
        int queries = questions.size() - warmUp;
        double[] millis = new double[queries], cpuMillis = new double[queries];
        double[] vanillaMillis = new double[queries], vanillaCpuMillis = new double[queries];
        var threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < questions.size(); i++) {
            String question = questions.get(i);
            long t = System.nanoTime(), c = threads.getCurrentThreadCpuTime();
            index.search(SearchRequest.of(question));
            long spent = System.nanoTime() - t, spentCpu = threads.getCurrentThreadCpuTime() - c;
            long v = System.nanoTime(), vc = threads.getCurrentThreadCpuTime();
            vanilla.search(question);
            long vanillaSpent = System.nanoTime() - v, vanillaCpu = threads.getCurrentThreadCpuTime() - vc;
            if (i >= warmUp) {
                millis[i - warmUp] = spent / 1e6;
                cpuMillis[i - warmUp] = spentCpu / 1e6;
                vanillaMillis[i - warmUp] = vanillaSpent / 1e6;
                vanillaCpuMillis[i - warmUp] = vanillaCpu / 1e6;
            }
            if (i % 50 == 0) progress.update("asking", (double) i / questions.size());
        }
        double cpuMean = Arrays.stream(cpuMillis).average().orElse(0);
        for (double[] times : List.of(millis, cpuMillis, vanillaMillis, vanillaCpuMillis)) Arrays.sort(times);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        List<String> timed = questions.subList(warmUp, questions.size());
        progress.update("timing each stage", 0);
        SearchTimings timings = SearchTimings.start();
        for (String question : timed) index.search(SearchRequest.of(question), timings);
        Map<String, Double> stages = new LinkedHashMap<>();
        for (SearchTimings.Stage stage : SearchTimings.Stage.values()) {
            stages.put(stage.name().toLowerCase(Locale.ROOT), timings.millis(stage) / queries);
        }

        progress.update("timing a chat answer's path", 0);
        long botNanos = 0;
        for (String question : timed) {
            SearchRequest request = SearchRequest.of(question);
            long t = threads.getCurrentThreadCpuTime();
            SearchRequest wider = request.withLimit(request.limit() * BOT_OVERFETCH);
            List<Candidate> candidates = index.candidates(wider, SearchMode.HYBRID);
            index.snippets(wider, candidates.subList(0, Math.min(request.limit(), candidates.size())));
            botNanos += threads.getCurrentThreadCpuTime() - t;
        }
        return new Figures(queries, percentile(millis, 50), percentile(millis, 95), percentile(millis, 99),
                percentile(cpuMillis, 50), percentile(cpuMillis, 99), percentile(vanillaMillis, 50),
                percentile(vanillaMillis, 99), percentile(vanillaCpuMillis, 50), cpuMean, stages,
                botNanos / 1e6 / queries, load);
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }
}
