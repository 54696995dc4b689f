package spikebot.bot.cli;

import picocli.CommandLine.Option;
import spikebot.index.SearchMode;
import spikebot.index.embed.Embeddings;

import java.io.PrintStream;

/**
 * {@code --search bm25|hybrid} (default {@link SearchMode#DEFAULT}), a picocli mixin for the commands that open the
 * index, and the embedding model that hybrid needs.
 */
public final class SearchModeOption {
    /** Notes a one-off question waits to embed: about two seconds. */
    static final int FEW = 50;

    @Option(names = "--search", paramLabel = "MODE", converter = OptionTypes.Search.class,
            description = "bm25 (by words) or hybrid (by words and meaning); default: hybrid")
    private SearchMode mode;

    public SearchMode mode() {
        return mode == null ? SearchMode.DEFAULT : mode;
    }

    /** The model of one command run; closing it stops embedding. */
    public record ModelSession(Embeddings embeddings) implements AutoCloseable {
        /** Waits while notes are embedded (for {@code spikebot index}), showing how many are left. */
        void awaitVectors(PrintStream err) throws InterruptedException {
            if (embeddings == null || embeddings.pending() == 0) return;
            int total = embeddings.pending();
            ProgressLine embedding = new ProgressLine(err, "embedding notes for hybrid search:");
            while (embeddings.pending() > 0) {
                embedding.read(total - embeddings.pending(), total);
                Thread.sleep(100);
            }
            embeddings.awaitIdle();
            embedding.end();
            err.printf("embedded %d notes for hybrid search.%n", total);
        }

        /**
         * Waits for the vectors of a few notes (those just added or edited: a second or two), so that a one-off
         * question sees them; more than that is {@code spikebot index}'s job or the bot's.
         */
        void awaitFewVectors() throws InterruptedException {
            if (embeddings != null && embeddings.pending() <= FEW) embeddings.awaitIdle();
        }

        @Override
        public void close() {
            if (embeddings != null) embeddings.close();
        }
    }

    /** Starts loading the model for hybrid (waiting for it when asked); nothing for bm25. */
    public static ModelSession load(SearchMode mode, boolean waitForModel) {
        if (mode != SearchMode.HYBRID) return new ModelSession(null);
        Embeddings embeddings = Embeddings.start();
        if (waitForModel) embeddings.awaitModel();
        return new ModelSession(embeddings);
    }
}
