package spikebot.index.eval;

import java.io.IOException;
import java.util.List;

/** A search system under evaluation: given an original question, the pool's documents, best first. */
public interface Retriever extends AutoCloseable {
    /** A pool document and how well it matched; scores compare only within one answer. */
    record Scored(String id, double score) {
    }

    /** Indexes the pool; called once before any search. */
    void index(Pool pool) throws Exception;

    List<Scored> search(OriginalQuestion question, int limit) throws Exception;

    /** Frees the index; narrower than AutoCloseable's, which may throw InterruptedException. */
    @Override
    void close() throws IOException;
}
