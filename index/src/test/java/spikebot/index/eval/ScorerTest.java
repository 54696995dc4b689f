package spikebot.index.eval;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScorerTest {
    private static final double EPS = 1e-9;

    /** q1: relevant a, c. q2: relevant y. q3: nothing relevant. */
    private static final Relevancy GOLD = gold(Map.of(
            "q1", Map.of("a", true, "b", false, "c", true, "d", false),
            "q2", Map.of("x", false, "y", true),
            "q3", Map.of("m", false, "n", false)));

    @Test
    void officialMapAveragesPrecisionAtEachRelevantRankAndCountsQuestionsWithoutRelevantAsZero() {
        Map<String, List<String>> rankings = Map.of(
                "q1", List.of("b", "a", "d", "c"),   // precisions 1/2, 2/4 → AP 0.5
                "q2", List.of("y", "x"),             // AP 1
                "q3", List.of("m", "n"));            // no relevant → 0
        Scores s = Scorer.score(rankings, GOLD, EvalMode.RERANK);
        assertEquals((0.5 + 1 + 0) / 3, s.map(), EPS);
        assertEquals((0.5 + 1 + 0) / 3, s.mrr(), EPS);
        assertEquals(1.0 / 3, s.p1(), EPS);
    }

    @Test
    void aQuestionMissingFromTheRankingsScoresZero() {
        Scores s = Scorer.score(Map.of("q2", List.of("y")), GOLD, EvalMode.RERANK);
        assertEquals(1.0 / 3, s.map(), EPS);
        assertEquals(1.0 / 3, s.mrr(), EPS);
    }

    @Test
    void onlyTheTopTenCount() {
        Relevancy gold = gold(Map.of("q", Map.of("r", true)));
        List<String> ranking = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "r");
        Scores late = Scorer.score(Map.of("q", ranking), gold, EvalMode.RERANK);
        assertEquals(0, late.map(), EPS);
        assertEquals(0, late.mrr(), EPS);
        Scores tenth = Scorer.score(Map.of("q", ranking.subList(1, 11)), gold, EvalMode.RERANK);
        assertEquals(0.1, tenth.map(), EPS);
        assertEquals(0.1, tenth.mrr(), EPS);
    }

    @Test
    void officialMapDividesByRelevantFoundWhileRetrievalMapDividesByRelevantThatExist() {
        // Three relevant exist, one is found at rank 1.
        Relevancy gold = gold(Map.of("q", Map.of("a", true, "b", true, "c", true)));
        Map<String, List<String>> rankings = Map.of("q", List.of("a", "z"));
        assertEquals(1.0, Scorer.score(rankings, gold, EvalMode.RERANK).map(), EPS);
        Scores retrieve = Scorer.score(rankings, gold, EvalMode.RETRIEVE);
        assertEquals(1.0 / 3, retrieve.map(), EPS);
        assertEquals(1.0 / 3, retrieve.recall10(), EPS);
        // DCG 1 / IDCG (1 + 1/log2(3) + 1/2)
        assertEquals(1 / (1 + 1 / (Math.log(3) / Math.log(2)) + 0.5), retrieve.ndcg10(), EPS);
    }

    @Test
    void ndcgAndRecallOfAPerfectRankingAreOne() {
        Scores s = Scorer.score(Map.of("q1", List.of("c", "a", "b"), "q2", List.of("y")),
                gold(Map.of("q1", Map.of("a", true, "b", false, "c", true), "q2", Map.of("y", true))),
                EvalMode.RETRIEVE);
        assertEquals(1, s.map(), EPS);
        assertEquals(1, s.ndcg10(), EPS);
        assertEquals(1, s.recall10(), EPS);
        assertEquals(1, s.p1(), EPS);
    }

    @Test
    void foldingDuplicatesKeepsACopyRelevantWhenAnyCopyWas() {
        Relevancy folded = gold(Map.of("q", Map.of("a", false, "a-copy", true))).folded(Map.of("a-copy", "a"));
        assertEquals(1, folded.relevantCount("q"));
        assertEquals(true, folded.relevant("q", "a"));
    }

    private static Relevancy gold(Map<String, Map<String, Boolean>> judgements) {
        return new Relevancy(new LinkedHashMap<>(judgements));
    }
}
