package spikebot.index.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuestionAnalyzerTest {
    private final QuestionAnalyzer analyzer = new QuestionAnalyzer(Synonyms.bundledOnly());

    @Test
    void oneWordSynonymsStackOnTheWord() throws IOException {
        List<String> positions = Tokens.positions(analyzer, "run on k8s");
        assertEquals(3, positions.size(), positions.toString());
        assertEquals(java.util.Set.of("k8", "kubernet"), java.util.Set.of(positions.get(2).split("\\|")));
        assertEquals(java.util.Set.of("k8", "kubernet"),
                java.util.Set.of(Tokens.positions(analyzer, "Kubernetes").get(0).split("\\|")));
    }

    @Test
    void multiWordSynonymsAddPathsBothWays() throws IOException {
        List<String> terms = Tokens.of(analyzer, "OOM");
        assertTrue(terms.containsAll(List.of("oom", "out", "of", "memori")), terms.toString());
        List<String> back = Tokens.of(analyzer, "out of memory");
        assertTrue(back.contains("oom"), back.toString());
        assertTrue(Tokens.of(analyzer, "GBDT").containsAll(List.of("gradient", "boost")));
        assertTrue(Tokens.of(analyzer, "finetuning").containsAll(List.of("fine", "tune")));
        assertTrue(Tokens.of(analyzer, "large language models").contains("llm"));
    }

    @Test
    void questionsHaveNoWordParts() throws IOException {
        assertEquals(List.of("numthread"), Tokens.positions(analyzer, "numThreads"));
    }

    @Test
    void aTeamFileExtendsTheShippedSynonyms(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("synonyms.txt");
        Files.writeString(file, "# ours\nsnowflake, dwh, data warehouse\n");
        Synonyms.Loaded loaded = Synonyms.load(file, ".spikebot/synonyms.txt");
        assertEquals(List.of(), loaded.problems());
        try (QuestionAnalyzer team = new QuestionAnalyzer(loaded.map())) {
            assertTrue(Tokens.of(team, "dwh").containsAll(List.of("snowflak", "data", "warehous")));
            assertTrue(Tokens.of(team, "k8s").contains("kubernet"), "the shipped synonyms still apply");
        }
    }

    @Test
    void eachBadLineIsReportedInPlainWordsAndTheGoodLinesStillApply(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("synonyms.txt");
        Files.writeString(file, "good, fine\nbroken => \n???, !!!\na => b => c\ndwh, data warehouse\n");
        Synonyms.Loaded loaded = Synonyms.load(file, ".spikebot/synonyms.txt");
        assertEquals(List.of(".spikebot/synonyms.txt:2: a side of the rule is empty: write 'a, b' or 'a => b'",
                        ".spikebot/synonyms.txt:3: a term has no word that search keeps (only common words such as "
                                + "'the' or punctuation)",
                        ".spikebot/synonyms.txt:4: a rule has one '=>' at most"),
                loaded.problems().stream().map(Object::toString).toList());
        assertFalse(loaded.problems().toString().contains("analyzer"), "no Lucene internals");
        try (QuestionAnalyzer team = new QuestionAnalyzer(loaded.map())) {
            assertTrue(Tokens.of(team, "k8s").contains("kubernet"), "the shipped synonyms apply");
            assertTrue(Tokens.of(team, "good").contains("fine"), "so do the team's good lines");
            assertTrue(Tokens.of(team, "dwh").contains("warehous"));
        }
    }

    @Test
    void askingWordsAreRecognisedAfterStemming() {
        QuestionWords asking = new QuestionWords(QuestionAnalyzer.withoutSynonyms());
        assertTrue(asking.isAsking("anyon"));
        assertTrue(asking.isAsking("tri"), "tried, as Porter stems it");
        assertFalse(asking.isAsking("polar"));
    }

    @Test
    void wordsThatMayBeTheTopicAreWeakNotDropped() {
        QuestionWords asking = new QuestionWords(QuestionAnalyzer.withoutSynonyms());
        for (String word : List.of("make", "find", "page", "up")) {
            assertFalse(asking.isAsking(word), word);
            assertTrue(asking.isWeak(word), word);
        }
        assertFalse(asking.isWeak("polar"));
        assertFalse(asking.isWeak("anyon"));
    }
}
