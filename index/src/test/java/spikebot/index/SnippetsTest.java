package spikebot.index;

import org.junit.jupiter.api.Test;
import spikebot.index.analysis.NoteAnalyzer;
import spikebot.index.analysis.QuestionAnalyzer;
import spikebot.index.analysis.QuestionWords;
import spikebot.index.analysis.Synonyms;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteKind;
import spikebot.knowledge.NoteParser;
import spikebot.knowledge.SampleKnowledgeBase;
import spikebot.knowledge.text.Passages;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnippetsTest {
    private final NoteAnalyzer notes = new NoteAnalyzer();
    private final Snippets snippets = new Snippets(notes);
    private final QueryPlanner planner = new QueryPlanner(new QuestionAnalyzer(Synonyms.bundledOnly()), notes,
            new QuestionWords(QuestionAnalyzer.withoutSynonyms()));

    /** As a search makes it: from the body as stored, {@link Passages#indexText} of the Markdown. */
    private Snippet snippet(String question, NoteKind kind, String markdown) {
        return snippets.of(planner.plan(question).query(), kind, "A title", Passages.indexText(markdown));
    }

    private Snippet snippet(String question, String markdown) {
        return snippet(question, NoteKind.NOTE, markdown);
    }

    private static Note sample(String path) throws Exception {
        try (InputStream in = SnippetsTest.class.getResourceAsStream("/spikebot/sample-kb/" + path)) {
            assertNotNull(in, path);
            return NoteParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), path);
        }
    }

    /** Every highlight is a whole word: no letter or digit right before or after it. */
    private static void assertWholeWords(Snippet s) {
        for (Snippet.Span span : s.highlights()) {
            String text = s.text();
            assertFalse(span.start() > 0 && Character.isLetterOrDigit(text.charAt(span.start() - 1)), s.toString());
            assertFalse(span.end() < text.length() && Character.isLetterOrDigit(text.charAt(span.end())), s.toString());
        }
    }

    private static void assertNoMarkup(Snippet s) {
        for (String markup : List.of("|", "---", "[x]", "[ ]", "```", "<", "{%", "{{", "{:", "[[", "](", "# ", "- [")) {
            assertFalse(s.text().contains(markup), () -> "'" + markup + "' in " + s.text());
        }
    }

    @Test
    void checklistItemsStayApartWithoutTheirBoxes() {
        Snippet s = snippet("polars install", """
                ## Findings
                - [x] Read the licence before the library
                - [x] Polars installs cleanly
                - [ ] Port the UDFs
                > quoted remark""");
        // Items end with ";" and never run into each other; the heading right above reads as their label.
        assertEquals("Findings: Read the licence before the library; Polars installs cleanly; Port the UDFs; quoted remark",
                s.text());
        assertEquals(List.of("Polars", "installs"), s.highlighted());
    }

    @Test
    void tableRowsReadAsCellsWithoutPipes() throws Exception {
        Snippet s = snippet("sklearn train time", sample("spikes/gbdt-library-comparison-churn.md").body());
        assertNoMarkup(s);
        assertTrue(s.text().contains("Findings: library · train time · AUC"), s.text());
        assertTrue(s.text().contains("sklearn GBC (current) · 55 min · 0.842"), s.text());
        assertTrue(s.highlighted().contains("sklearn"), s.highlighted().toString());
    }

    @Test
    void aSpikeShowsItsDecisionWhenItHoldsTheQuestionsWords() throws Exception {
        String body = sample("spikes/gbdt-library-comparison-churn.md").body();
        Snippet decided = snippet("which gbdt library for churn lightgbm catboost", NoteKind.SPIKE, body);
        assertTrue(decided.text().startsWith("Decision: Go with LightGBM"), decided.text());
        assertTrue(decided.highlighted().contains("LightGBM"), decided.highlighted().toString());
        assertWholeWords(decided);

        // The same note as a plain note: the best-scoring passage, not necessarily the decision.
        Snippet plain = snippet("which gbdt library for churn lightgbm catboost", NoteKind.NOTE, body);
        assertFalse(plain.text().startsWith("Decision:"), plain.text());
    }

    @Test
    void aDecisionWithoutTheQuestionsWordsGivesWayToTheBestPassage() {
        String body = """
                ## Findings
                Kafka consumers lagged by minutes under load.
                ## Decision
                No-go for now.""";
        Snippet s = snippet("kafka lag", NoteKind.SPIKE, body);
        assertTrue(s.text().contains("Kafka consumers lagged"), s.text());
        assertFalse(s.text().startsWith("Decision"), s.text());
    }

    @Test
    void decisiveSectionsAreFoundInTheStoredText() {
        String stored = Passages.indexText("""
                ## Problem
                Slow.
                ## Decision outcome
                Go with A.

                Keep B in mind.
                ## Results
                - A: 2x faster
                ## Links
                none""");
        assertEquals(List.of(new Snippets.Section("Decision outcome", "Go with A.\u2029\nKeep B in mind."),
                new Snippets.Section("Results", "- A: 2x faster;")), Snippets.decisiveSections(stored));
    }

    @Test
    void aPassageRightUnderAHeadingTakesItAlong() {
        String stored = Passages.indexText("Intro.\n\n## Plan\n\nRun it twice.");
        assertEquals(stored.indexOf("# Plan"), Snippets.SnippetFormatter.underItsHeading(stored, stored.indexOf("Run")));
        assertEquals(stored.indexOf("# Plan"),
                Snippets.SnippetFormatter.underItsHeading(stored, stored.indexOf("Run") - 1), "from the line break");
        assertEquals(0, Snippets.SnippetFormatter.underItsHeading(stored, 0));
        assertEquals(stored.indexOf("twice"), Snippets.SnippetFormatter.underItsHeading(stored, stored.indexOf("twice")));
    }

    @Test
    void aHeadingInsideThePassageReadsAsALabel() {
        Snippet s = snippet("polars", """
                Intro sentence.

                ## Findings
                Polars installs cleanly.""");
        assertEquals("Intro sentence. Findings: Polars installs cleanly.", s.text());
    }

    @Test
    void highlightsCoverWholeWordsNeverPartOfOne() {
        Snippet s = snippet("gbm", "We picked LightGBM for speed.");
        assertEquals(List.of("LightGBM"), s.highlighted());
        assertWholeWords(s);
        assertEquals("We picked **LightGBM** for speed.", s.render(t -> t, "**", "**"));
    }

    @Test
    void wordPartsOfOneWordMergeIntoOneHighlight() {
        List<int[]> merged = Snippets.SnippetFormatter.wholeWords("use LightGBM now",
                List.of(new int[]{4, 9}, new int[]{9, 12}, new int[]{4, 12}));
        assertEquals(1, merged.size());
        assertEquals(4, merged.get(0)[0]);
        assertEquals(12, merged.get(0)[1]);
    }

    @Test
    void codeIsShortAndMarkedAndACutSpanIsClosed() {
        StringBuilder code = new StringBuilder("```python\n");
        for (int i = 0; i < 20; i++) code.append("frame = frame.with_columns(pl.col('amount_").append(i).append("') * 2)\n");
        Snippet s = snippet("with_columns amount", "Polars lazy frames.\n\n" + code + "```\n\nAfter the code.");
        assertFalse(s.text().contains("```"), s.text());
        assertTrue(s.text().contains("`frame"), s.text());
        assertEquals(0, s.text().chars().filter(c -> c == '`').count() % 2, s.text());
        assertTrue(s.text().length() <= Snippets.MAX_CHARS + 40, s.text());
    }

    @Test
    void htmlLiquidAndWikiLinksAreNotShown() {
        Snippet s = snippet("reranker recall", """
                <img src="plot.png"/> The reranker raised recall {: .caption}
                {% include figure.html %} as [[Reranking notes|our notes]] show <!--more-->""");
        assertNoMarkup(s);
        assertTrue(s.text().contains("our notes"), s.text());
        assertEquals(List.of("reranker", "recall"), s.highlighted());
    }

    @Test
    void longPassagesAreCutAtSentenceEndsAroundTheFirstMatch() {
        String filler = "This sentence is only filler for the test. ".repeat(20);
        Snippet s = snippet("zeppelin", filler + "We tried zeppelin notebooks last spring. " + filler);
        assertTrue(s.text().length() <= Snippets.MAX_CHARS + 40, s.text().length() + ": " + s.text());
        assertTrue(s.text().startsWith("…This sentence") || s.text().startsWith("…We tried"), s.text());
        assertTrue(s.text().endsWith(".…"), s.text());
        assertEquals(List.of("zeppelin"), s.highlighted());
    }

    @Test
    void aPassageWithoutSentenceEndsIsCutAtWordsAroundTheFirstMatch() {
        String filler = "word ".repeat(200);
        Snippet s = snippet("zeppelin", filler + "we tried zeppelin notebooks " + filler);
        assertTrue(s.text().length() <= Snippets.MAX_CHARS + 40, s.text().length() + ": " + s.text());
        assertTrue(s.text().startsWith("…word") && s.text().endsWith("word…"), s.text());
        assertEquals(List.of("zeppelin"), s.highlighted());
    }

    @Test
    void noSampleNoteShowsMarkupOrHalfWords() throws Exception {
        for (String path : SampleKnowledgeBase.paths()) {
            Note note = sample(path);
            for (String question : List.of(note.title(), String.join(" ", note.tags()), "decision results")) {
                Snippet s = snippet(question, note.kind(), note.body());
                assertNoMarkup(s);
                assertWholeWords(s);
                assertFalse(s.text().isBlank(), path);
            }
        }
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
