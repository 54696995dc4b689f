package spikebot.index.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs every system on the same questions in the same run and scores them with {@link Scorer}.
 *
 * <p>Rerank mode orders each question's ten candidates. Retrievers search the whole pool (so that word statistics
 * come from a real collection, not from ten documents) and the candidates are ordered by their score; a candidate a
 * retriever did not return goes last, in a fixed order unrelated to the engine's. The forum engine's order is part
 * of the task's input, so each retriever is also scored blended with it ({@link #ENGINE_WEIGHT}).
 *
 * <p>Retrieve mode asks each question against the whole pool and scores the top ten.
 */
public final class EvalRun {
    /**
     * Weight of the engine's order against a retriever's max-normalised score. Tuned on dev and train part 2 (0 to
     * 0.5): 0.3 was best for bm25 on both; for hybrid every weight was within noise of none.
     */
    public static final double ENGINE_WEIGHT = 0.3;

    /** One system's figures. */
    public record Result(String name, String description, Scores scores) {
    }

    /** The whole comparison. */
    public record Report(EvalMode mode, int questions, int pool, List<Result> systems) {
    }

    private EvalRun() {
    }

    /**
     * @param progress told the name of each system as it starts
     */
    public static Report run(List<OriginalQuestion> questions, Relevancy gold, EvalMode mode,
                             List<Contender> contenders, Consumer<String> progress) throws Exception {
        Pool pool = Pool.of(questions);
        List<Result> results = new ArrayList<>();
        if (mode == EvalMode.RERANK) {
            results.add(new Result("engine", "the forum's own search engine (RELQ_RANKING_ORDER)",
                    Scorer.score(engineOrder(questions), gold, mode)));
        }
        Relevancy judged = mode == EvalMode.RETRIEVE ? gold.folded(pool.canonical()) : gold;
        for (Contender contender : contenders) {
            progress.accept(contender.name());
            Map<String, List<Retriever.Scored>> answers = new LinkedHashMap<>();
            try (Retriever retriever = contender.retriever().get()) {
                retriever.index(pool);
                int limit = mode == EvalMode.RERANK ? pool.documents().size() : Scorer.CUTOFF;
                for (OriginalQuestion q : questions) answers.put(q.id(), retriever.search(q, limit));
            }
            if (mode == EvalMode.RETRIEVE) {
                Map<String, List<String>> rankings = new HashMap<>();
                answers.forEach((q, hits) -> rankings.put(q, hits.stream().map(Retriever.Scored::id).toList()));
                results.add(new Result(contender.name(), contender.description(), Scorer.score(rankings, judged, mode)));
            } else {
                results.add(new Result(contender.name(), contender.description(),
                        Scorer.score(rerank(questions, pool, answers, 0), gold, mode)));
                results.add(new Result(contender.name() + "+engine", contender.description() + ", blended with the engine's order",
                        Scorer.score(rerank(questions, pool, answers, ENGINE_WEIGHT), gold, mode)));
            }
        }
        return new Report(mode, questions.size(), pool.documents().size(), List.copyOf(results));
    }

    static Map<String, List<String>> engineOrder(List<OriginalQuestion> questions) {
        Map<String, List<String>> rankings = new HashMap<>();
        for (OriginalQuestion q : questions) rankings.put(q.id(), q.related().stream().map(RelatedQuestion::id).toList());
        return rankings;
    }

    /**
     * Orders each question's candidates by the retriever's score, max-normalised, plus {@code engineWeight} times
     * the engine's order (1 for its first candidate down to 0.1 for its tenth).
     */
    static Map<String, List<String>> rerank(List<OriginalQuestion> questions, Pool pool,
                                            Map<String, List<Retriever.Scored>> answers, double engineWeight) {
        Map<String, List<String>> rankings = new HashMap<>();
        for (OriginalQuestion q : questions) {
            Map<String, Double> scores = new HashMap<>();
            for (Retriever.Scored hit : answers.get(q.id())) scores.putIfAbsent(hit.id(), hit.score());
            List<RelatedQuestion> candidates = q.related();
            double max = candidates.stream().mapToDouble(r -> scores.getOrDefault(pool.canonical(r.id()), 0.0)).max().orElse(0);
            Map<String, Double> blended = new HashMap<>();
            for (int i = 0; i < candidates.size(); i++) {
                RelatedQuestion r = candidates.get(i);
                double score = max > 0 ? scores.getOrDefault(pool.canonical(r.id()), 0.0) / max : 0;
                blended.put(r.id(), score + engineWeight * (candidates.size() - i) / candidates.size());
            }
            rankings.put(q.id(), candidates.stream().map(RelatedQuestion::id)
                    .sorted(Comparator.comparingDouble((String id) -> -blended.get(id))
                            .thenComparingInt(EvalRun::neutralOrder))
                    .toList());
        }
        return rankings;
    }

    /** A fixed order for ties that says nothing about the engine's rank (which the ids themselves encode). */
    private static int neutralOrder(String id) {
        return Integer.reverse(id.hashCode() * 0x9E3779B9);
    }
}
