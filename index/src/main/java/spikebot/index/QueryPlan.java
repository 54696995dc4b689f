package spikebot.index;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A question turned into the concepts it asks about: searched together (any concept may match, more and rarer
 * ones score higher), and counted one by one for {@link Hit#relevance()}.
 *
 * @param mentions how often the question names each concept (same order as concepts): a long question that keeps
 *                 coming back to a word is mostly about it. Weighs the search, not the relevance.
 * @param weak     words that usually carry the asking but may be the topic ("make", "find", "page"): searched at
 *                 {@link #WEAK_WEIGHT}, so that a note naming them comes a little higher, and left out of what a
 *                 note must cover
 */
record QueryPlan(String question, List<Concept> concepts, List<Integer> mentions, List<Concept> weak) {
    /**
     * A concept found only in a note's body counts this much: a title or tag names what a note is about, a body
     * mentions many things in passing. Tuned on the sample: 0.7 separates answers from unrelated notes best
     * (1.0 and 0.5 both narrow the gap).
     */
    static final float BODY_CREDIT = 0.7f;
    /**
     * Weight of a {@linkplain #weak weak} concept against a topic word: enough to put "How to delete a page" first
     * for "delete a page in pages" (with "page" dropped it was not found at all), small enough not to let "make"
     * or "find" in an ordinary question pull notes about make or find up; 0.3 cost a tuning question.
     */
    static final float WEAK_WEIGHT = 0.1f;
    /**
     * A question of two or more concepts gets this much more for each note that covers them all (in any field):
     * BM25 adds up the concepts a note matches, and a title weighs 3× the body, so a short title sharing one word
     * with the question ("Learn Go" for "go linux") outscored the one note whose text covers the whole question.
     * Lucene dropped its coord factor with BM25; this is the part of it that matters. On the real-notes tuning set
     * 0.5 raised bm25 MRR (0.5 to 1 were alike; 2 overtook titles and lost); SemEval's long questions rarely
     * cover all their words, so it barely touches them.
     */
    static final float COVERS_ALL_BOOST = 0.5f;

    QueryPlan {
        concepts = List.copyOf(concepts);
        mentions = List.copyOf(mentions);
        weak = List.copyOf(weak);
        if (mentions.size() != concepts.size()) throw new IllegalArgumentException("one mention count per concept");
    }

    /** Each concept named once. */
    QueryPlan(String question, List<Concept> concepts) {
        this(question, concepts, java.util.Collections.nCopies(concepts.size(), 1), List.of());
    }

    /** True when the question had nothing to search for ("has anyone tried this?"). */
    boolean isEmpty() {
        return concepts.isEmpty();
    }

    Query query() {
        if (concepts.isEmpty()) return new MatchNoDocsQuery("nothing to search for");
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (int i = 0; i < concepts.size(); i++) {
            Query query = concepts.get(i).query();
            int n = mentions.get(i);
            any.add(n > 1 ? new BoostQuery(query, n) : query, BooleanClause.Occur.SHOULD);
        }
        for (Concept concept : weak) any.add(new BoostQuery(concept.query(), WEAK_WEIGHT), BooleanClause.Occur.SHOULD);
        if (concepts.size() >= 2) {
            // The same concepts again, all required: a note that covers them all scores (1 + boost) times its sum.
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (int i = 0; i < concepts.size(); i++) {
                Query query = concepts.get(i).query();
                int n = mentions.get(i);
                all.add(n > 1 ? new BoostQuery(query, n) : query, BooleanClause.Occur.MUST);
            }
            any.add(new BoostQuery(all.build(), COVERS_ALL_BOOST), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    /** Measures hits of this plan on one searcher. */
    Coverage coverage(IndexSearcher searcher) throws IOException {
        return new Coverage(searcher);
    }

    /**
     * The share of a question a note covers: each concept weighs its inverse document frequency (BM25's), so that
     * missing "polars" costs more than missing "pipeline", and a word no note contains weighs most of all.
     */
    final class Coverage {
        private final IndexSearcher searcher;
        private final List<Weight> anywhere = new ArrayList<>();
        private final List<Weight> titleOrTags = new ArrayList<>();
        private final float[] idf;
        private final float total;

        private Coverage(IndexSearcher searcher) throws IOException {
            this.searcher = searcher;
            IndexReader reader = searcher.getIndexReader();
            int docs = reader.numDocs();
            idf = new float[concepts.size()];
            float sum = 0;
            for (int i = 0; i < concepts.size(); i++) {
                Concept concept = concepts.get(i);
                long df = documentFrequency(reader, concept);
                idf[i] = (float) Math.log(1 + (docs - df + 0.5) / (df + 0.5));
                sum += idf[i];
                anywhere.add(weight(searcher, concept.query()));
                titleOrTags.add(weight(searcher, new BooleanQuery.Builder()
                        .add(concept.in(NoteDocuments.TITLE), BooleanClause.Occur.SHOULD)
                        .add(concept.in(NoteDocuments.TAGS), BooleanClause.Occur.SHOULD).build()));
            }
            total = sum;
        }

        private static Weight weight(IndexSearcher searcher, Query query) throws IOException {
            return searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        }

        /** 0 to 1 for a document of the searcher. */
        float of(int doc) throws IOException {
            if (total <= 0) return 0f;
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            float covered = 0;
            int inLeaf = doc - leaf.docBase;
            for (int i = 0; i < idf.length; i++) {
                if (titleOrTags.get(i).matches(leaf, inLeaf) != null) covered += idf[i];
                else if (anywhere.get(i).matches(leaf, inLeaf) != null) covered += BODY_CREDIT * idf[i];
            }
            return Math.min(1f, covered / total);
        }

        /**
         * How many notes contain the concept: its commonest word (synonyms count as one word, so the commonest
         * decides, as in Lucene's SynonymQuery); for a phrase, its rarest word, an upper bound.
         */
        private static long documentFrequency(IndexReader reader, Concept concept) throws IOException {
            long df = 0;
            for (String word : concept.words()) df = Math.max(df, fieldsFrequency(reader, word));
            for (List<String> phrase : concept.phrases()) {
                long rarest = Long.MAX_VALUE;
                for (String word : phrase) rarest = Math.min(rarest, fieldsFrequency(reader, word));
                df = Math.max(df, rarest);
            }
            return df;
        }

        private static long fieldsFrequency(IndexReader reader, String term) throws IOException {
            long df = 0;
            for (String field : List.of(NoteDocuments.TITLE, NoteDocuments.TAGS, NoteDocuments.QUESTION,
                    NoteDocuments.BODY, NoteDocuments.REPLIES)) {
                df = Math.max(df, reader.docFreq(new Term(field, term)));
            }
            return df;
        }
    }
}
