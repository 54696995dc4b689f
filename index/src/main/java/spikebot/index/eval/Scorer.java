package spikebot.index.eval;

import java.util.List;
import java.util.Map;

/**
 * Scores rankings against the gold judgements the way SemEval-2016 Task 3's official scorer does.
 *
 * <p>Only the first {@value #CUTOFF} of each ranking count. Every question of the gold file counts, including
 * those without a relevant candidate (they score 0, which caps dev MAP at 0.86). Average precision differs by
 * mode:
 * <ul>
 *   <li>{@link EvalMode#RERANK}, the official definition: the mean of the precisions at the ranks of the relevant
 *   candidates found in the top 10. With ten candidates per question this is the usual average precision.</li>
 *   <li>{@link EvalMode#RETRIEVE}: the precisions summed and divided by min(relevant, 10), the usual AP@10, so that
 *   a ranking that finds one of five relevant questions does not score as if it had found all five.</li>
 * </ul>
 */
public final class Scorer {
    public static final int CUTOFF = 10;

    private Scorer() {
    }

    /**
     * @param rankings question id → ranked candidate ids, best first; a question missing here scores 0
     */
    public static Scores score(Map<String, List<String>> rankings, Relevancy gold, EvalMode mode) {
        double map = 0, mrr = 0, p1 = 0, ndcg = 0, recall = 0;
        for (String question : gold.questions()) {
            List<String> ranking = rankings.getOrDefault(question, List.of());
            int total = gold.relevantCount(question);
            int found = 0;
            double precisions = 0, dcg = 0, reciprocal = 0;
            for (int i = 0; i < Math.min(CUTOFF, ranking.size()); i++) {
                if (!gold.relevant(question, ranking.get(i))) continue;
                found++;
                precisions += (double) found / (i + 1);
                dcg += 1 / log2(i + 2);
                if (reciprocal == 0) reciprocal = 1.0 / (i + 1);
            }
            if (found > 0) {
                map += mode == EvalMode.RERANK ? precisions / found : precisions / Math.min(total, CUTOFF);
            }
            mrr += reciprocal;
            if (reciprocal == 1) p1++;
            if (total > 0) {
                double ideal = 0;
                for (int i = 0; i < Math.min(total, CUTOFF); i++) ideal += 1 / log2(i + 2);
                ndcg += dcg / ideal;
                recall += (double) found / total;
            }
        }
        int n = gold.questions().size();
        return new Scores(map / n, mrr / n, p1 / n, ndcg / n, recall / n);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
