package spikebot.index.eval;

import org.junit.jupiter.api.Test;
import spikebot.index.Hit;
import spikebot.index.MatchGrade;
import spikebot.index.embed.Embeddings;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The answer grades ({@link MatchGrade}) on data nobody here wrote: SemEval-2016 Task 3 subtask B in retrieve mode
 * (each original question asked against every related question of its file, as notes). Prints, for BM25 and hybrid,
 * how often a question with a relevant related question in the pool would be told "nothing", how the relevant
 * related questions are graded, and how often a strong hit is relevant. Thresholds were not tuned here. It fails
 * when more than {@link #FALSE_NOTHING_ALLOWED} of the questions that have a relevant related question would be told
 * "nothing" (measured: 0 of 43 and 1 of 61 with BM25, none with hybrid).
 */
class GradeSemEvalTest {
    /** What the bot shows, and how deep a relevant related question is looked for. */
    static final int SHOWN = 5;
    static final int DEPTH = 10;
    static final double FALSE_NOTHING_ALLOWED = 0.05;

    @Test
    void gradesOnSemEval() throws Exception {
        try (Embeddings embeddings = Embeddings.start()) {
            for (String file : List.of(SemEvalFiles.DEV, SemEvalFiles.TRAIN2)) {
                report(file, "bm25", null);
                report(file, "hybrid", embeddings);
            }
        }
    }

    private static void report(String file, String mode, Embeddings embeddings) throws Exception {
        List<OriginalQuestion> questions = SemEvalReader.read(SemEvalFiles.questions(file));
        Pool pool = Pool.of(questions);
        Relevancy gold = Relevancy.read(SemEvalFiles.gold(file)).folded(pool.canonical());
        int withRelevant = 0, falseNothing = 0, without = 0, honestNothing = 0;
        int relevantPairs = 0, strongPairs = 0, relatedPairs = 0, nonePairs = 0, notFound = 0;
        int strongHits = 0, strongRight = 0;
        try (SpikebotSearch search = new SpikebotSearch(embeddings)) {
            search.index(pool);
            for (OriginalQuestion q : questions) {
                List<Hit> hits = search.hits(q, DEPTH);
                List<Hit> shown = MatchGrade.plausible(hits.subList(0, Math.min(SHOWN, hits.size())));
                MatchGrade answer = MatchGrade.ofAnswer(shown);
                for (Hit hit : shown) {
                    if (MatchGrade.of(hit) != MatchGrade.STRONG) continue;
                    strongHits++;
                    if (gold.relevant(q.id(), SpikebotSearch.id(hit))) strongRight++;
                }
                int relevant = gold.relevantCount(q.id());
                if (relevant > 0) {
                    withRelevant++;
                    if (answer == MatchGrade.NONE) falseNothing++;
                } else {
                    without++;
                    if (answer == MatchGrade.NONE) honestNothing++;
                }
                relevantPairs += relevant;
                int found = 0;
                for (Hit hit : hits) {
                    if (!gold.relevant(q.id(), SpikebotSearch.id(hit))) continue;
                    found++;
                    switch (MatchGrade.of(hit)) {
                        case STRONG -> strongPairs++;
                        case RELATED -> relatedPairs++;
                        case NONE -> nonePairs++;
                    }
                }
                notFound += relevant - found;
            }
        }
        System.out.printf(Locale.ROOT, "SemEval %s, %s: %d questions, pool %d | 'nothing' while a relevant one is in "
                        + "the pool %d/%d = %.1f%% | no relevant in pool, 'nothing' %d/%d | strong precision %d/%d = "
                        + "%.1f%% | relevant related questions (%d): top %d strong %d, related %d, nothing %d, "
                        + "not in top %d %d%n",
                file.replace("SemEval2016-Task3-CQA-QL-", ""), mode, questions.size(), pool.documents().size(),
                falseNothing, withRelevant, 100.0 * falseNothing / Math.max(1, withRelevant), honestNothing, without,
                strongRight, strongHits, 100.0 * strongRight / Math.max(1, strongHits), relevantPairs, DEPTH,
                strongPairs, relatedPairs, nonePairs, DEPTH, notFound);
        assertTrue(falseNothing <= FALSE_NOTHING_ALLOWED * withRelevant,
                file + " " + mode + ": 'nothing' for " + falseNothing + " of " + withRelevant + " answerable questions");
    }
}
