package spikebot.index.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WordPartsFilterTest {
    private static List<String> parts(String word) {
        return WordPartsFilter.parts(word).stream().map(WordPartsFilter.Part::text).toList();
    }

    @Test
    void camelCaseSplitsAtEachCaseChange() {
        assertEquals(List.of("num", "Threads"), parts("numThreads"));
        assertEquals(List.of("XG", "Boost"), parts("XGBoost"));
        assertEquals(List.of("Light", "GBM"), parts("LightGBM"));
        assertEquals(List.of("Py", "Torch"), parts("PyTorch"));
    }

    @Test
    void snakeCaseAndDottedNamesSplitAtTheirSeparators() {
        assertEquals(List.of("max", "bin"), parts("max_bin"));
        assertEquals(List.of("min", "child", "weight"), parts("min_child_weight"));
        assertEquals(List.of("node", "js"), parts("node.js"));
    }

    @Test
    void lettersAndDigitsSplitButDecimalsStayWhole() {
        assertEquals(List.of("ResNet", "Res", "Net", "50"), parts("ResNet50"));
        assertEquals(List.of("py", "3.10"), parts("py3.10"));
        assertEquals(List.of("gpt"), parts("gpt4"));
    }

    @Test
    void wordsWithoutUsefulPartsAreLeftAlone() {
        assertEquals(List.of(), parts("k8s"), "single letters and digits are not worth finding");
        assertEquals(List.of(), parts("GPUs"), "a plural acronym is one word");
        assertEquals(List.of(), parts("LLMs"));
        assertEquals(List.of(), parts("pipeline"));
        assertEquals(List.of(), parts("3.10"));
    }

    @Test
    void partOffsetsPointIntoTheWord() {
        List<WordPartsFilter.Part> parts = WordPartsFilter.parts("numThreads");
        assertEquals(new WordPartsFilter.Part("Threads", 3, 10), parts.get(1));
    }
}
