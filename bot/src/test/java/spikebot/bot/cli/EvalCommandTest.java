package spikebot.bot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void repliesAddsTheForumQuestionsAsDiscussionsAloneAndWithTheirReplies() throws Exception {
        assertEquals(0, run("eval", "--questions", devSet().toString(), "--search", "bm25", "--replies", "--json"),
                err.toString());
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        Map<String, Double> map = new HashMap<>();
        report.get("systems").forEach(s -> map.put(s.get("name").asText(), s.get("map").asDouble()));
        for (String name : new String[]{"spikebot-bm25", "spikebot-bm25-thread", "spikebot-bm25-replies",
                "spikebot-bm25-replies+engine"}) {
            assertTrue(map.containsKey(name), name + " missing from " + map.keySet());
            assertTrue(map.get(name) > 0.5 && map.get(name) <= 0.86, name + " MAP " + map.get(name));
        }
        assertTrue(!map.get("spikebot-bm25-thread").equals(map.get("spikebot-bm25-replies")),
                "the replies are indexed: " + map);
    }

    @Test
    void repliesIsRefusedWithNotes(@TempDir Path dir) throws Exception {
        Path tsv = Files.writeString(dir.resolve("q.tsv"), "");
        assertEquals(2, run("eval", "--notes", dir.toString(), "--questions", tsv.toString(), "--gold",
                tsv.toString(), "--replies"));
        assertTrue(err.toString().contains("--replies is for SemEval"), err.toString());
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

    @Test
    void notesTableGivesTopOneTopThreeAndMrrPerHalfAndListsOnlyTuningMisses(@TempDir Path dir) throws Exception {
        Path notes = dir.resolve("notes");
        Files.createDirectories(notes.resolve("til/git"));
        Files.writeString(notes.resolve("til/git/undo.md"), "# Undo the last commit\n\ngit reset --soft HEAD~1\n");
        Files.writeString(notes.resolve("til/git/tags.md"), "# Delete remote tags\n\ngit push origin :refs/tags/v1\n");
        Path questions = Files.writeString(dir.resolve("q.tsv"),
                "q1\ttil\ttune\ttake back my last git commit\nq2\ttil\treport\tremove a tag on origin\n"
                        + "q3\ttil\ttune\tremove a tag on origin\n");
        Path gold = Files.writeString(dir.resolve("g.tsv"), "q1\tgit/undo.md\nq2\tgit/tags.md\nq3\tgit/undo.md\n");
        assertEquals(0, run("eval", "--notes", notes.toString(), "--questions", questions.toString(),
                "--gold", gold.toString(), "--search", "bm25", "--misses"), err.toString());
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("Real notes: 3 questions over 1 collections"), table);
        assertTrue(table.matches("(?s).*tuning half\\s+bm25\\s+2\\s+1/2\\s+1/2\\s+0\\.500.*"), table);
        assertTrue(table.matches("(?s).*reporting half\\s+bm25\\s+1\\s+1/1\\s+1/1\\s+1\\.000.*"), table);
        assertTrue(table.contains("q3") && !table.contains("q2 "), "only the tuning half's misses: " + table);
        assertTrue(!table.contains("hybrid"), "--search bm25 must not load the model");
    }

    @Test
    void notesOptionsAreCheckedWithOneLine(@TempDir Path dir) throws Exception {
        assertEquals(2, run("eval", "--notes", dir.resolve("none").toString(), "--questions", "q", "--gold", "g"));
        assertTrue(err.toString().contains("no such folder"), err.toString());
        Path q = Files.writeString(dir.resolve("q.tsv"), "q1\tmissing\ttune\ttext\n");
        Path g = Files.writeString(dir.resolve("g.tsv"), "q1\ta.md\n");
        assertEquals(2, run("eval", "--notes", dir.toString(), "--questions", q.toString(), "--gold", g.toString(),
                "--search", "bm25"));
        assertTrue(err.toString().contains("collection folder missing"), err.toString());
        assertEquals(2, run("eval", "--notes", dir.toString(), "--questions", q.toString(), "--gold", g.toString(),
                "--mode", "retrieve"));
        assertTrue(err.toString().contains("--notes has no modes"), err.toString());
    }
}
