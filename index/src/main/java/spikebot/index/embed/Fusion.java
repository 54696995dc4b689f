package spikebot.index.embed;

import org.apache.lucene.search.ScoreDoc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Blends a keyword ranking and a vector ranking into one. Each is normalised within its own answer (BM25 divided by
 * its best score, vector similarity scaled from the lowest to the highest returned) and the two are added with
 * weights. Measured on SemEval-2016 dev and train part 2: this blend beat reciprocal rank fusion (k = 10 and 60) in
 * retrieve mode and matched it in rerank mode; for the weight see {@link #SEMANTIC_WEIGHT}.
 */
public final class Fusion {
    /**
     * Weight of meaning against words. SemEval dev and train part 2 alone put it at 0.5 (best of 0 to 1 in steps of
     * 0.1); the real-notes tuning set (TILs, ADRs, a Dendron wiki, an ML blog) prefers more meaning (0.6 and 0.7
     * gained a note first each), and 0.55 keeps both: on SemEval's rerank MAP within ±0.002 of 0.5.
     */
    public static final double SEMANTIC_WEIGHT = 0.55;

    private Fusion() {
    }

    /**
     * Both lists best first, doc ids of the same reader; returns all docs of either, best first.
     *
     * @param hasVector whether a document has its vector yet: one that has not (just added, still queued) is
     *                  judged by its words alone, rather than losing the half of its score that meaning would give
     */
    public static List<ScoreDoc> blend(ScoreDoc[] keyword, ScoreDoc[] semantic, double semanticWeight,
                                       IntPredicate hasVector) {
        Map<Integer, Double> fused = new HashMap<>();
        double best = keyword.length == 0 ? 0 : keyword[0].score;
        for (ScoreDoc d : keyword) {
            double s = best > 0 ? d.score / best : 0;
            fused.merge(d.doc, hasVector.test(d.doc) ? (1 - semanticWeight) * s : s, Double::sum);
        }
        if (semantic.length > 0) {
            double hi = semantic[0].score, lo = semantic[semantic.length - 1].score;
            for (ScoreDoc d : semantic) {
                double s = hi > lo ? (d.score - lo) / (hi - lo) : 1;
                fused.merge(d.doc, semanticWeight * s, Double::sum);
            }
        }
        List<ScoreDoc> out = new ArrayList<>(fused.size());
        fused.forEach((doc, score) -> out.add(new ScoreDoc(doc, score.floatValue())));
        out.sort(Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc));
        return out;
    }
}
