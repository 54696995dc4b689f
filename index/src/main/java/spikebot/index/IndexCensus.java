package spikebot.index;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;


/**
 * How many notes the index holds, and how many of them have their vector for hybrid search, as of the index's last
 * commit (vectors are committed in batches, so a few just embedded may not be counted yet). For {@code /spikebot
 * status}: hybrid search must say when notes still lack vectors rather than quietly answer them by words alone.
 *
 * <p>Read on the index's own searcher: cheap (doc counts and one pass over the vector ids), and asked for only by an
 * admin and for weak answers.
 */
public record IndexCensus(int notes, int withVectors) {
    public static IndexCensus of(NoteIndex index) {
        return index.withSearcher(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            int vectors = 0;
            for (LeafReaderContext leaf : reader.leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(NoteVectors.FIELD);
                if (values == null) continue;
                Bits live = leaf.reader().getLiveDocs();
                KnnVectorValues.DocIndexIterator it = values.iterator();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    if (live == null || live.get(doc)) vectors++;
                }
            }
            return new IndexCensus(reader.numDocs(), vectors);
        });
    }

    public int withoutVectors() {
        return notes - withVectors;
    }
}
