package spikebot.index.analysis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoteAnalyzerTest {
    private final NoteAnalyzer analyzer = new NoteAnalyzer();

    @Test
    void technicalWordsAreKeptWholeWithTheirPartsStackedOnThem() throws IOException {
        assertEquals(List.of("set", "numthread|num|thread", "to", "4"), Tokens.positions(analyzer, "Set numThreads to 4"));
        assertEquals(List.of("max_bin|max|bin"), Tokens.positions(analyzer, "max_bin"));
        assertEquals(List.of("resnet50|resnet|re|net|50"), Tokens.positions(analyzer, "ResNet50"));
        assertEquals(List.of("xgboost|xg|boost"), Tokens.positions(analyzer, "XGBoost"));
        assertEquals(List.of("py3.10|py|3.10"), Tokens.positions(analyzer, "py3.10"));
        assertEquals(List.of("on", "k8"), Tokens.positions(analyzer, "on k8s"));
    }

    @Test
    void englishWordsAreStemmedSoThatFormsMeet() throws IOException {
        assertEquals(List.of("forecast", "the", "churn", "predict"),
                Tokens.of(analyzer, "Forecasting the churn predictions"));
        assertEquals(List.of("team", "gpu", "cost"), Tokens.of(analyzer, "team's GPUs costs"));
        assertEquals(List.of("cafe", "retrain"), Tokens.of(analyzer, "café retraining"));
    }

    @Test
    void hyphenatedWordsBecomeAdjacentWords() throws IOException {
        assertEquals(List.of("fine", "tune", "bert", "base"), Tokens.of(analyzer, "fine-tuning bert-base"));
    }

    @Test
    void stopWordsStaySoThatPhrasesMatch() throws IOException {
        assertTrue(Tokens.of(analyzer, "out of memory").contains("of"));
    }
}
