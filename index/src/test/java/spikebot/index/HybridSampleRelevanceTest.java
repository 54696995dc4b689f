package spikebot.index;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.index.embed.Embeddings;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.SampleKnowledgeBase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hybrid search on the bundled sample, with the real model (50 notes, a few seconds): it must keep every answer the
 * words find in the top 3, and its meaning-based relevance must not make a topic the sample lacks look answered.
 */
class HybridSampleRelevanceTest {
    @TempDir
    static Path root;
    private static Embeddings embeddings;
    private static NoteIndex index;

    @BeforeAll
    static void indexTheSample() throws Exception {
        SampleKnowledgeBase.copyTo(root);
        embeddings = Embeddings.start();
        index = NoteIndex.open(new KnowledgeBase(root), embeddings);
        index.sync();
        embeddings.awaitIdle();
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
        embeddings.close();
    }

    @Test
    void everyExpectedNoteIsInTheTopThreeAndGoodEnough() throws Exception {
        double reciprocalRanks = 0;
        List<String> misses = new ArrayList<>();
        List<SampleRelevanceTest.Question> questions = SampleRelevanceTest.questions();
        for (SampleRelevanceTest.Question q : questions) {
            List<Hit> hits = index.search(SearchRequest.of(q.text()).withLimit(10));
            int rank = 0;
            for (int i = 0; i < hits.size() && rank == 0; i++) if (hits.get(i).path().equals(q.expected())) rank = i + 1;
            if (rank > 0) reciprocalRanks += 1.0 / rank;
            if (rank == 0 || rank > 3 || !hits.get(rank - 1).goodEnough()) {
                misses.add(q.text() + " -> rank " + rank + "; top: " + hits.stream().limit(3).map(Hit::path).toList());
            }
        }
        System.out.printf(Locale.ROOT, "Hybrid relevance on the sample: %d questions, MRR %.3f%n", questions.size(),
                reciprocalRanks / questions.size());
        assertTrue(misses.isEmpty(), "hybrid lost answers:\n" + String.join("\n", misses));
    }

    @Test
    void topicsTheSampleLacksStayBelowGoodEnough() {
        List<String> answered = new ArrayList<>();
        for (String question : SampleRelevanceTest.UNCOVERED) {
            List<Hit> hits = index.search(SearchRequest.of(question));
            if (!hits.isEmpty() && hits.get(0).goodEnough()) {
                answered.add(question + " -> " + hits.get(0).path() + " " + hits.get(0).relevance());
            }
        }
        assertTrue(answered.isEmpty(), "looks answered though the sample has no note on it:\n" + String.join("\n", answered));
    }
}
