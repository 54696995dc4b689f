package spikebot.bot.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import spikebot.bot.Main;
import spikebot.index.bench.BenchReport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench at a small size: the output must be complete and well-formed; the figures themselves are not judged. */
class BenchCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new Console(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    @Test
    void jsonHasEveryMeasure() throws Exception {
        assertEquals(0, run("bench", "--notes", "300", "--queries", "50", "--warm-up", "20", "--json"), err.toString());
        JsonNode r = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(300, r.get("notes").asInt());
        assertEquals("bm25", r.get("mode").asText());
        assertEquals(50, r.get("queries").asInt());
        assertTrue(r.get("indexNotesPerSecond").asDouble() > 0);
        double p50 = r.get("p50Millis").asDouble(), p95 = r.get("p95Millis").asDouble(), p99 = r.get("p99Millis").asDouble();
        assertTrue(0 < p50 && p50 <= p95 && p95 <= p99, p50 + " " + p95 + " " + p99);
        assertTrue(r.get("restartToFirstMillis").asDouble() > 0);
        assertTrue(r.get("indexBytes").asLong() > 0);
        assertTrue(r.get("heapBytes").asLong() > 0);
        assertTrue(r.get("vanillaP50Millis").asDouble() > 0, "plain Lucene is timed beside");
        assertTrue(r.get("stageMeanMillis").get("snippets").asDouble() > 0, "the stages are named: " + r.get("stageMeanMillis"));
        assertTrue(err.toString().contains("%"), "no progress shown: " + err);
    }

    @Test
    void tableNamesEachMeasure() {
        assertEquals(0, run("bench", "--notes", "200", "--queries", "20"), err.toString());
        String table = out.toString(StandardCharsets.UTF_8);
        for (String row : new String[]{"indexing", "answer p50", "answer p99", "restart to first answer", "index on disk", "heap in use",
                "plain Lucene p50", "plain Lucene p99", "snippets"}) {
            assertTrue(table.contains(row), row + " missing:\n" + table);
        }
    }

    @Test
    void standInVectorsAreNamedInJsonAndTable() throws Exception {
        assertEquals(0, run("bench", "--notes", "60", "--search", "hybrid", "--vectors", "stand-in", "--queries", "20", "--warm-up", "20", "--json"),
                err.toString());
        JsonNode r = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("hybrid", r.get("mode").asText());
        assertEquals("stand-in", r.get("vectors").asText());
        assertEquals(6, r.get("standInBases").asInt());
        assertTrue(r.get("modelNotesPerSecond").asDouble() > 0, "the model's own speed is still measured");
        double p50 = r.get("p50Millis").asDouble(), p99 = r.get("p99Millis").asDouble();
        assertTrue(0 < p50 && p50 <= p99, p50 + " " + p99);
        assertTrue(err.toString().contains("stand-in"), "progress names the stand-in stage: " + err);

        out.reset();
        ObjectMapper lenient = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        BenchCli.table(lenient.treeToValue(r, BenchReport.class), new PrintStream(out, true, StandardCharsets.UTF_8));
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("STAND-IN note vectors"), table);
        assertTrue(table.contains("indexing *"), "indexing figures are marked as not the model's:\n" + table);
    }

    @Test
    void standInVectorsNeedHybrid() {
        assertEquals(2, run("bench", "--vectors", "stand-in"));
        assertTrue(err.toString().contains("--vectors needs --search hybrid"), err.toString());
        assertEquals(2, run("bench", "--search", "hybrid", "--vectors", "random"));
        assertTrue(err.toString().contains("--vectors must be model or stand-in"), err.toString());
    }

    @Test
    void refusesAnUnknownSearchMode() {
        assertEquals(2, run("bench", "--search", "psychic"));
        assertTrue(err.toString().contains("--search must be bm25 or hybrid"), err.toString());
    }
}
