package spikebot.index;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Where the time of searches goes, stage by stage, added up over many of them: for the bench, which compares
 * Spikebot's answers with plain Lucene's and must say what the difference is spent on. Measured inside the one
 * search path (not a copy of it that could drift), by reading the clock between stages; a search not being
 * measured gets {@link #NONE}, which reads no clock.
 *
 * <p>The clock is the searching thread's CPU time, not the wall's: on a shared, loaded machine the waits for a
 * core would otherwise land on whichever stage happened to be running. Reading it costs about a microsecond, which
 * is why unmeasured searches do not.
 *
 * <p>Not thread-safe: one instance per measuring thread.
 */
public final class SearchTimings {
    /** The stages of a search, in the order they run. */
    public enum Stage {
        PLAN("planning the question: analysis, synonyms, word parts, asking words"),
        QUERY("the plan as a Lucene query with the filters; taking a searcher"),
        EMBED("embedding the question (hybrid)"),
        WORDS("BM25 over the planned query: four fields, synonyms, parts"),
        MEANING("nearest vectors (hybrid)"),
        FUSION("blending words and meaning (hybrid)"),
        RELEVANCE("measuring how much of the question each hit covers"),
        CARDS("reading each hit's stored fields"),
        SNIPPET_PLAN("two-step only: planning the question again for the highlighter"),
        SNIPPETS("highlighting (two-step: after finding each kept note by path and reading it)");

        private final String description;

        Stage(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** For searches that are not measured. */
    static final SearchTimings NONE = new SearchTimings(false);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final boolean on;
    private final long[] nanos = new long[Stage.values().length];
    private long last;

    private SearchTimings(boolean on) {
        this.on = on;
    }

    /** An empty tally. */
    public static SearchTimings start() {
        return new SearchTimings(true);
    }

    /** Starts the clock for the next stage. */
    void restart() {
        if (on) last = THREADS.getCurrentThreadCpuTime();
    }

    /** Adds the time since the last lap (or restart) to {@code stage}. */
    void lap(Stage stage) {
        if (!on) return;
        long now = THREADS.getCurrentThreadCpuTime();
        nanos[stage.ordinal()] += now - last;
        last = now;
    }

    /** The CPU time spent in a stage, in milliseconds. */
    public double millis(Stage stage) {
        return nanos[stage.ordinal()] / 1e6;
    }

    /** The total over every stage, in milliseconds. */
    public double totalMillis() {
        return Arrays.stream(nanos).sum() / 1e6;
    }
}
