package spikebot.knowledge.spike;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplatesTest {
    @TempDir
    Path dir;

    @Test
    void shippedTemplatesAreLightAndCarryThePractice() {
        Templates t = Templates.shipped();
        assertEquals(List.of("library", "problem", "paper", "general"), t.names());
        for (String name : t.names()) {
            int n = t.get(name).orElseThrow().items().size();
            assertTrue(n >= 5 && n <= 7, name + " has " + n + " items");
        }
        String library = String.join("\n", t.get("library").orElseThrow().items()).toLowerCase(Locale.ROOT);
        for (String step : List.of("install", "hello-world", "tests pass", "tutorial", "our data", "same criteria")) {
            assertTrue(library.contains(step), "library template lacks: " + step);
        }
        String problem = String.join("\n", t.get("problem").orElseThrow().items()).toLowerCase(Locale.ROOT);
        assertTrue(problem.contains("baseline"));
        String paper = String.join("\n", t.get("paper").orElseThrow().items()).toLowerCase(Locale.ROOT);
        for (String step : List.of("code", "data", "compute cost", "adopted")) assertTrue(paper.contains(step), step);
    }

    @Test
    void aTeamFileReplacesAShippedTemplateAndAddsNewOnes() throws Exception {
        Files.writeString(dir.resolve("library.yaml"), "title: Our library check\nitems: [Licence is fine, Runs]\n");
        Files.writeString(dir.resolve("forecast.yml"), "items:\n  - Seasonality looked at\n");
        Templates t = Templates.load(dir);
        assertEquals(List.of("Licence is fine", "Runs"), t.get("library").orElseThrow().items());
        assertEquals("Our library check", t.get("library").orElseThrow().title());
        assertEquals(List.of("Seasonality looked at"), t.get("forecast").orElseThrow().items());
        assertEquals(List.of(), t.problems());
    }

    @Test
    void aBrokenTeamFileIsReportedAndTheShippedOneKept() throws Exception {
        Files.writeString(dir.resolve("library.yaml"), "items: [unclosed\n");
        Files.writeString(dir.resolve("problem.yaml"), "items: []\n");
        Files.writeString(dir.resolve("general.yaml"), "itmes: [typo]\n");
        Templates t = Templates.load(dir);
        assertEquals(Templates.shipped().get("library"), t.get("library"));
        assertEquals(Templates.shipped().get("problem"), t.get("problem"));
        assertEquals(Templates.shipped().get("general"), t.get("general"));
        assertEquals(3, t.problems().size(), t.problems().toString());
        assertTrue(t.problems().stream().anyMatch(p -> p.startsWith(".spikebot/templates/library.yaml:")),
                "named by file and line: " + t.problems());
        assertTrue(t.problems().stream().noneMatch(p -> p.contains("java.") || p.contains("Creator")),
                "in plain words: " + t.problems());
    }

    @Test
    void namesAreCaseInsensitiveAndUnknownOnesEmpty() {
        assertTrue(Templates.shipped().get(" Paper ").isPresent());
        assertTrue(Templates.shipped().get("nope").isEmpty());
    }
}
