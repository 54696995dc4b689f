package spikebot.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoteFormatTest {

    @Test
    void writesFieldsInReadingOrderWithListsOnOneLine() {
        Note note = new Note(NoteKind.SPIKE, "Evaluate Polars", LocalDate.of(2025, 3, 12), List.of("alice", "bob"),
                List.of("dataframes", "etl"), "no-go", "2d", null, "https://chat.example.com/t/1",
                Map.of(), "## Problem\nslow");
        assertEquals("""
                ---
                kind: spike
                title: Evaluate Polars
                date: 2025-03-12
                authors: [alice, bob]
                tags: [dataframes, etl]
                outcome: no-go
                timebox: 2d
                link: https://chat.example.com/t/1
                ---
                ## Problem
                slow
                """, NoteFormat.render(note));
    }

    @Test
    void theIssueExampleSurvivesARoundTrip() throws Exception {
        Note note = NoteParser.parse(NoteParserTest.ISSUE_EXAMPLE, "x.md");
        assertEquals(note, roundTrip(note));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Polars vs Pandas: which is faster?", "Why \"quotes\" and 'apostrophes' matter",
            "C# and F# # not a comment",
            "#1 priority", "- starts like a list item", "[draft] bracketed", "{braces}", "100% of GPUs idle",
            "3 ways to cut GPU cost", "2025-03-12", "1.10", "0x1F", "1e5", ".inf", "~", "yes", "No", "NULL", "off",
            "true", "y", "Ünïcödé 数据 naïve Bayes", "🚀🔥", "tab\there", "back\\slash", "ends with colon:",
            "key: value", "a | b > c", "&anchor", "*alias", "!tag", "%directive", "@mention", "`code`",
            "trailing space ", "  leading space", "line\u2028separator", "next\u0085line", "del\u007Fchar",
            "---", "...", "? question", "comma, separated", "ends with ,", "a ,b", "=", "url https://x.org/a?b=c#d"})
    void awkwardTitlesTagsAndAuthorsSurviveARoundTrip(String text) throws Exception {
        Note note = new Note(NoteKind.PAPER_CHECK, text, LocalDate.of(2024, 1, 2), List.of(text, "bob"),
                List.of(text), "not-attempted", text, text, text, Map.of(text, text), "body " + text);
        Note back = roundTrip(note);
        assertEquals(note, back);
    }

    @Test
    void unknownKeysAreWrittenBackWithTheirTypes() throws Exception {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("reviewed", true);
        extra.put("score", new BigDecimal("0.90"));
        extra.put("count", 3);
        extra.put("big", new java.math.BigInteger("123456789012345678901234567890"));
        extra.put("nothing", null);
        extra.put("channel", Map.of("guild", 1, "id", "42"));
        extra.put("refs", List.of("a", "yes", 2, List.of("x"), Map.of("k", "v: w")));
        extra.put("multi line", "first\nsecond");
        Note note = Note.of(NoteKind.SOLUTION, "T", "b").withExtra("x", 1);
        note = new Note(note.kind(), note.title(), null, List.of(), List.of(), null, null, null, null, extra, "b");
        assertEquals(note, roundTrip(note));
    }

    @Test
    void parsedUnknownKeysAreWrittenBackAsTheyWere() throws Exception {
        String text = """
                ---
                kind: spike
                title: T
                reviewed: true
                score: 0.90
                hex: 0x1F
                inf: .inf
                when: 2025-03-12T10:00:00Z
                nested: {a: [1, 2], b: {c: d}}
                ---
                body
                """;
        Note note = NoteParser.parse(text, "x.md");
        String rendered = NoteFormat.render(note);
        assertTrue(rendered.contains("reviewed: true\n"), rendered);
        assertTrue(rendered.contains("score: 0.90\n"), rendered);
        assertTrue(rendered.contains("nested: {a: [1, 2], b: {c: d}}\n"), rendered);
        assertEquals(note, NoteParser.parse(rendered, "x.md"));
    }

    @Test
    void outcomeNoneAndBlankBodiesAreLeftOut() {
        String rendered = NoteFormat.render(Note.of(NoteKind.SOLUTION, "T", "  \n "));
        assertEquals("---\nkind: solution\ntitle: T\n---\n", rendered);
    }

    /** Random titles from an alphabet of everything YAML treats specially, with a fixed seed so failures repeat. */
    @Test
    void randomTextSurvivesARoundTrip() throws Exception {
        String alphabet = "aZ09 -_:#,'\"[]{}&*!|>%@`?~=\\/.\t\n\r"
                + "\u00e9\u00df\u4e2d\u0085\u2028\u2029\u007f\u0001\ufeff";
        Random random = new Random(20250312);
        for (int i = 0; i < 3000; i++) {
            String title = randomText(random, alphabet, 1 + random.nextInt(20));
            if (title.isBlank()) continue;
            List<String> tags = new ArrayList<>();
            for (int t = random.nextInt(3); t > 0; t--) {
                String tag = randomText(random, alphabet, 1 + random.nextInt(8));
                tags.add(tag);
            }
            Note note = new Note(NoteKind.SPIKE, title, null, List.of(), tags, null,
                    randomText(random, alphabet, 3), null, null,
                    Map.of("k" + i, randomText(random, alphabet, 10)), randomText(random, alphabet, 30));
            assertEquals(note, roundTrip(note), "seed 20250312, case " + i + ": " + NoteFormat.render(note));
        }
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return out.toString();
    }

    private static Note roundTrip(Note note) throws MalformedNoteException {
        return NoteParser.parse(NoteFormat.render(note), "x.md");
    }
}
