package spikebot.index;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How questions are matched to notes: by their words alone, or by words and meaning together. */
public enum SearchMode {
    /** Lucene's BM25 over the note's words, synonyms and word parts. */
    BM25("bm25"),
    /** BM25 blended with the similarity of embedding vectors, so that a paraphrase is found too. */
    HYBRID("hybrid");

    /**
     * What Spikebot uses unless told otherwise: hybrid, which answered better on the SemEval benchmark in both modes
     * (dev and train part 2) within the latency targets; see the README's quality section.
     */
    public static final SearchMode DEFAULT = HYBRID;

    private final String id;

    SearchMode(String id) {
        this.id = id;
    }

    /** As written in the config and on the command line. */
    public String id() {
        return id;
    }

    public static Optional<SearchMode> parse(String text) {
        if (text == null) return Optional.empty();
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.id.equals(wanted)).findFirst();
    }
}
