package spikebot.index;

import org.junit.jupiter.api.Test;
import spikebot.index.analysis.NoteAnalyzer;
import spikebot.index.analysis.QuestionAnalyzer;
import spikebot.index.analysis.QuestionWords;
import spikebot.index.analysis.Synonyms;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnippetsTest {
    private final NoteAnalyzer notes = new NoteAnalyzer();
    private final Snippets snippets = new Snippets(notes);
    private final QueryPlanner planner = new QueryPlanner(new QuestionAnalyzer(Synonyms.bundledOnly()), notes,
            new QuestionWords(QuestionAnalyzer.withoutSynonyms()));

    private Snippet snippet(String question, String body) {
        return snippets.of(planner.plan(question).query(), "A title", body);
    }

    @Test
    void markdownLineMarkersAreLeftOutAndHeadingsReadAsLabels() {
        Snippet s = snippet("polars install", """
                ## Findings
                - [x] Polars installs cleanly
                - [ ] Port the UDFs
                > quoted remark""");
        assertEquals("Findings: Polars installs cleanly Port the UDFs quoted remark", s.text());
        assertEquals(List.of("Polars", "installs"), s.highlighted());
    }

    @Test
    void highlightsSurviveWhitespaceCollapsing() {
        Snippet s = snippet("memory limit", "The   memory\n\n\tlimit was low.");
        assertEquals("The memory limit was low.", s.text());
        assertEquals(List.of("memory", "limit"), s.highlighted());
    }

    @Test
    void longPassagesAreCutAroundTheFirstMatchWithEllipses() {
        String filler = "word ".repeat(200);
        Snippet s = snippet("zeppelin", filler + "we tried zeppelin notebooks " + filler);
        assertTrue(s.text().length() <= Snippets.MAX_CHARS + 40, s.text().length() + ": " + s.text());
        assertTrue(s.text().startsWith("…") && s.text().endsWith("…"), s.text());
        assertEquals(List.of("zeppelin"), s.highlighted());
    }

    @Test
    void aPassageDoesNotStartWithThePreviousSentencesFullStop() {
        Snippet s = Snippets.SnippetFormatter.snippet("First part. Second part with zeppelin.", 10, 38,
                List.of(new int[]{29, 37}));
        assertEquals("…Second part with zeppelin.", s.text());
        assertEquals(List.of("zeppelin"), s.highlighted());
    }

    @Test
    void aPassageWithoutMatchesIsStillShown() {
        Snippet s = snippet("kafka", "Nothing about it here.");
        assertEquals("Nothing about it here.", s.text());
        assertTrue(s.highlights().isEmpty());
    }

    @Test
    void renderEscapesTextButNotTheMarkers() {
        Snippet s = new Snippet("a*b c_d", List.of(new Snippet.Span(4, 7)));
        assertEquals("a\\*b **c\\_d**", s.render(t -> t.replace("*", "\\*").replace("_", "\\_"), "**", "**"));
        assertFalse(s.render(t -> t, "[", "]").contains("**"));
    }
}
