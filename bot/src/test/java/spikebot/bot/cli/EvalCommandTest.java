package spikebot.bot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import spikebot.bot.Main;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvalCommandTest {
    private static final String DATA = "shared/data/semeval2016-task3-dev/SemEval2016-Task3-CQA-QL-dev.xml";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Console console = new Console(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return Main.run(args, console);
    }

    private static Path devSet() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(DATA))) return dir.resolve(DATA);
        }
        Assumptions.abort("SemEval data not found: no " + DATA + " above " + Path.of("").toAbsolutePath());
        throw new AssertionError("unreachable");
    }

    @Test
    void rerankJsonComparesEveryKeywordSystemOnTheSameData() throws Exception {
        assertEquals(0, run("eval", "--questions", devSet().toString(), "--search", "bm25", "--json"), err.toString());
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("rerank", report.get("mode").asText());
        assertEquals(50, report.get("questions").asInt());
        Map<String, JsonNode> systems = new HashMap<>();
        report.get("systems").forEach(s -> systems.put(s.get("name").asText(), s));
        assertEquals(0.7135, systems.get("engine").get("map").asDouble(), 0.00005);
        assertEquals(0.7667, systems.get("engine").get("mrr").asDouble(), 0.00005);
        for (String name : new String[]{"lucene", "spikebot-bm25", "spikebot-bm25+engine"}) {
            assertTrue(systems.containsKey(name), name + " missing from " + systems.keySet());
            double map = systems.get(name).get("map").asDouble();
            assertTrue(map > 0.5 && map <= 0.86, name + " MAP " + map);
        }
        assertTrue(!systems.containsKey("spikebot-hybrid"), "--search bm25 must not load the model");
    }

    @Test
    void retrieveTablePrintsRetrievalMeasures() {
        assertEquals(0, run("eval", "--questions", devSet().toString(), "--mode", "retrieve", "--search", "bm25"), err.toString());
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("retrieve mode: 50 questions"), table);
        assertTrue(table.contains("nDCG@10") && table.contains("R@10"), table);
        assertTrue(table.contains("spikebot-bm25"), table);
    }

    @Test
    void badOptionsGetOneLineAndExitTwo() {
        assertEquals(2, run("eval", "--questions", "/no/such.xml"));
        assertTrue(err.toString().contains("no such file"), err.toString());
        err.reset();
        assertEquals(2, run("eval", "--questions", devSet().toString(), "--mode", "sideways"));
        assertTrue(err.toString().contains("--mode must be rerank or retrieve"), err.toString());
    }
}
