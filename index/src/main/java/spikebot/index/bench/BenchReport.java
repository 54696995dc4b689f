package spikebot.index.bench;

/**
 * What one benchmark run measured.
 *
 * @param notes                  how many notes the knowledge base held
 * @param mode                   "bm25" or "hybrid"
 * @param indexNotesPerSecond    notes read, parsed and indexed per second, from an empty index (for hybrid: until
 *                               every note also has its vector)
 * @param modelNotesPerSecond    the embedding model alone on the same notes, one thread, as hybrid indexing uses;
 *                               0 for bm25
 * @param queries                questions timed after the warm-up
 * @param p50Millis              median answer time
 * @param p95Millis              95th percentile
 * @param p99Millis              99th percentile
 * @param restartToFirstMillis   reopening the index over the unchanged knowledge base, checking it for changes, and
 *                               answering one question
 * @param indexBytes             the index on disk
 * @param heapBytes              heap in use after a full collection, with the index open
 */
public record BenchReport(int notes, String mode, double indexNotesPerSecond, double modelNotesPerSecond, int queries,
                          double p50Millis, double p95Millis, double p99Millis, double restartToFirstMillis,
                          long indexBytes, long heapBytes) {
}
