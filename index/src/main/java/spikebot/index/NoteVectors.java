package spikebot.index;

import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedding vector of a note, kept in the note's own Lucene document beside its text. A note is indexed first
 * without it (so that it is found by its words at once) and indexed again with it when the embedding thread gets to
 * it; a note whose vector never came (the process stopped first) is found by {@link #missing} on the next sync.
 */
final class NoteVectors {
    static final String FIELD = "vector";

    private NoteVectors() {
    }

    /** Vectors are unit length, so the dot product is the cosine and the cheapest to compute. */
    static KnnFloatVectorField field(float[] vector) {
        return new KnnFloatVectorField(FIELD, vector, VectorSimilarityFunction.DOT_PRODUCT);
    }

    /** Below this cosine a note's meaning says nothing about a question: the best match of every sample question
     * on a topic the sample lacks scored 0.59 to 0.67. */
    static final float UNRELATED = 0.68f;
    /** At this cosine a note surely answers: three quarters of the sample's expected answers score above it. */
    static final float SURE = 0.85f;

    /**
     * How well a note answers a question by meaning, 0 to 1 like {@link Hit#relevance()}: 0 up to {@link #UNRELATED},
     * rising linearly to 1 at {@link #SURE}. Calibrated with BGE-small on the sample's relevance questions (expected
     * answers 0.65 to 0.91, most above 0.72), so that a paraphrase the words miss can still be good enough, and a
     * topic the notes lack is not.
     */
    static float relevance(float cosine) {
        return Math.max(0f, Math.min(1f, (cosine - UNRELATED) / (SURE - UNRELATED)));
    }

    /** Whether a document of the searcher has its vector. */
    static boolean has(IndexSearcher searcher, int doc) {
        try {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            FloatVectorValues vectors = leaf.reader().getFloatVectorValues(FIELD);
            if (vectors == null) return false;
            int local = doc - leaf.docBase;
            return vectors.iterator().advance(local) == local;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Paths of the live notes that have no vector yet. */
    static List<String> missing(IndexSearcher searcher) throws IOException {
        List<String> paths = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int maxDoc = leaf.reader().maxDoc();
            FixedBitSet withVector = new FixedBitSet(maxDoc);
            FloatVectorValues vectors = leaf.reader().getFloatVectorValues(FIELD);
            if (vectors != null) {
                KnnVectorValues.DocIndexIterator it = vectors.iterator();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) withVector.set(doc);
            }
            if (withVector.cardinality() == maxDoc) continue;
            SortedDocValues pathValues = leaf.reader().getSortedDocValues(NoteDocuments.PATH);
            if (pathValues == null) continue;
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = pathValues.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pathValues.nextDoc()) {
                if ((live == null || live.get(doc)) && !withVector.get(doc)) {
                    paths.add(pathValues.lookupOrd(pathValues.ordValue()).utf8ToString());
                }
            }
        }
        return paths;
    }
}
