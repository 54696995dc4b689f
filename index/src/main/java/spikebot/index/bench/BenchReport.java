package spikebot.index.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one benchmark run measured.
 *
 * @param notes                  how many notes the knowledge base held
 * @param mode                   "bm25" or "hybrid"
 * @param vectors                where notes' vectors came from: "model", "stand-in" ({@link StandInVectors}: then
 *                               indexing throughput is not the model's, and only the answer figures count), or
 *                               "none" for bm25
 * @param standInBases           real model vectors the stand-ins were made from; 0 unless "stand-in"
 * @param indexNotesPerSecond    notes read, parsed and indexed per second, from an empty index (for hybrid: until
 *                               every note also has its vector)
 * @param indexNotesPerCpuSecond the same per second of this process's CPU time: what indexing costs, whatever else
 *                               the machine is doing
 * @param modelNotesPerSecond    the embedding model alone on the same notes, one thread, as hybrid indexing uses;
 *                               0 for bm25
 * @param queries                questions timed after the warm-up
 * @param p50Millis              median answer time
 * @param p95Millis              95th percentile
 * @param p99Millis              99th percentile
 * @param cpuP99Millis           99th percentile of the CPU time the answering thread itself used: the answer's own
 *                               cost, without the time spent waiting for a core
 * @param cpuP50Millis           median CPU time of the answering thread
 * @param vanillaP50Millis       plain Lucene's median on the same notes and questions, timed right after Spikebot
 *                               on each question ({@link VanillaBaseline}): Spikebot's p50 over it is its own cost
 * @param vanillaP99Millis       plain Lucene's 99th percentile
 * @param vanillaCpuP50Millis    plain Lucene's median CPU time: on a loaded machine, the fairer ratio
 * @param cpuMeanMillis          Spikebot's mean CPU time per answer, to set the stages against
 * @param stageMeanMillis        where Spikebot's answer time goes: each stage of its search
 *                               ({@link spikebot.index.SearchTimings.Stage}, lower case), mean CPU ms per
 *                               question, measured in a second pass over the same questions
 * @param botPathMeanMillis      a chat answer's index work, mean CPU ms per question: four times the candidates
 *                               (so that notes hidden by channel permissions do not leave it short), then snippets
 *                               for the five shown; the permission look-ups themselves are Discord's, not timed
 * @param restartToFirstMillis   reopening the index over the unchanged knowledge base, checking it for changes, and
 *                               answering one question
 * @param indexBytes             the index on disk
 * @param heapBytes              heap in use after a full collection, with the index open
 * @param loadAverage            the machine's one-minute load average when the questions had been timed: on a
 *                               shared machine, figures from a busy moment are slower than the code
 */
public record BenchReport(int notes, String mode, String vectors, int standInBases, double indexNotesPerSecond,
                          double indexNotesPerCpuSecond, double modelNotesPerSecond, int queries, double p50Millis,
                          double p95Millis, double p99Millis, double cpuP50Millis, double cpuP99Millis,
                          double vanillaP50Millis, double vanillaP99Millis, double vanillaCpuP50Millis,
                          double cpuMeanMillis, Map<String, Double> stageMeanMillis, double botPathMeanMillis,
                          double restartToFirstMillis, long indexBytes, long heapBytes, double loadAverage) {
    public BenchReport {
        stageMeanMillis = Collections.unmodifiableMap(new LinkedHashMap<>(stageMeanMillis)); // in the stages' order
    }

    BenchReport(int notes, String mode, String vectors, int standInBases, double indexNotesPerSecond,
                double indexNotesPerCpuSecond, double modelNotesPerSecond, AnswerTimes.Figures answers,
                double restartToFirstMillis, long indexBytes, long heapBytes) {
        this(notes, mode, vectors, standInBases, indexNotesPerSecond, indexNotesPerCpuSecond, modelNotesPerSecond,
                answers.queries(), answers.p50Millis(), answers.p95Millis(), answers.p99Millis(),
                answers.cpuP50Millis(), answers.cpuP99Millis(), answers.vanillaP50Millis(), answers.vanillaP99Millis(),
                answers.vanillaCpuP50Millis(), answers.cpuMeanMillis(), answers.stageMeanMillis(),
                answers.botPathMeanMillis(), restartToFirstMillis, indexBytes, heapBytes, answers.loadAverage());
    }
}
