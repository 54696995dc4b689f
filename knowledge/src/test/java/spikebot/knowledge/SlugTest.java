package spikebot.knowledge;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlugTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Evaluate Polars as a Pandas replacement|evaluate-polars-as-a-pandas-replacement",
            "../../etc/passwd|etc-passwd",
            "/etc/passwd|etc-passwd",
            "C:\\Windows\\system32|c-windows-system32",
            "Naïve Bayes für Ärzte|naive-bayes-fur-arzte",
            "3 ways to cut GPU cost|3-ways-to-cut-gpu-cost",
            "ResNet50 on k8s (py3.10)|resnet50-on-k8s-py3-10",
            "  --Leading and trailing--  |leading-and-trailing",
            "🚀🔥|note",
            "数据质量|note",
            "..|note",
            "'.'|note"})
    void slugs(String title, String slug) {
        assertEquals(slug, Slug.of(title));
    }

    static Stream<String> hostileTitles() {
        return Stream.of("a\0b/../c", "\n\r\t", "x".repeat(10_000), "word ".repeat(500), "-rf --no-preserve-root",
                "con", "%2e%2e%2f", "\u202Eevil\u200B");
    }

    @ParameterizedTest
    @MethodSource("hostileTitles")
    void everySlugIsAShortPlainFileName(String title) {
        String slug = Slug.of(title);
        assertTrue(slug.matches("[a-z0-9]+(-[a-z0-9]+)*"), slug);
        assertTrue(slug.length() <= Slug.MAX_LENGTH, slug);
    }

    @ParameterizedTest
    @CsvSource({"'Evaluate Polars, Pandas, DuckDB, Vaex, Modin and cuDF for the nightly feature pipeline',"
            + "evaluate-polars-pandas-duckdb-vaex-modin-and-cudf-for-the"})
    void longTitlesAreCutAtAWordBoundary(String title, String slug) {
        assertEquals(slug, Slug.of(title));
    }
}
