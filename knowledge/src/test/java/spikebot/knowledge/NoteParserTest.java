package spikebot.knowledge;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoteParserTest {

    /** The example of the issue, comments and all. */
    static final String ISSUE_EXAMPLE = """
            ---
            kind: spike            # spike | paper-check | solution
            title: Evaluate Polars as a Pandas replacement for the feature pipeline
            date: 2025-03-12
            authors: [alice, bob]
            tags: [dataframes, polars, etl]
            outcome: no-go         # spike: go | no-go | shelved | needs-more-time
            timebox: 2d            # spike and paper-check, optional
            paper: https://arxiv.org/abs/2401.00001   # paper-check, optional
            link: https://chat.example.com/t/123
            ---
            ## Problem
            The feature pipeline takes 40 minutes.

            - [x] installs
            - [ ] runs on our data
            """;

    @Nested
    class GoodNotes {
        @Test
        void readsEveryFieldOfTheIssueExample() throws Exception {
            Note note = NoteParser.parse(ISSUE_EXAMPLE, "spikes/polars.md");

            assertEquals(NoteKind.SPIKE, note.kind());
            assertEquals("Evaluate Polars as a Pandas replacement for the feature pipeline", note.title());
            assertEquals(LocalDate.of(2025, 3, 12), note.date());
            assertEquals(List.of("alice", "bob"), note.authors());
            assertEquals(List.of("dataframes", "polars", "etl"), note.tags());
            assertEquals("no-go", note.outcome());
            assertEquals("2d", note.timebox());
            assertEquals("https://arxiv.org/abs/2401.00001", note.paper());
            assertEquals("https://chat.example.com/t/123", note.link());
            assertEquals(Map.of(), note.extra());
            assertTrue(note.body().startsWith("## Problem\nThe feature pipeline"), note.body());
            assertTrue(note.body().endsWith("- [ ] runs on our data"), note.body());
        }

        @Test
        void paperCheckAndSolution() throws Exception {
            Note paper = NoteParser.parse("""
                    ---
                    kind: paper-check
                    title: Does TabNet beat XGBoost on our churn data?
                    outcome: partially-reproduced
                    ---
                    body""", "p.md");
            assertEquals(NoteKind.PAPER_CHECK, paper.kind());
            assertEquals("partially-reproduced", paper.outcome());

            Note solution = NoteParser.parse("---\nkind: solution\ntitle: Fix OOM\noutcome: none\n---\n", "s.md");
            assertEquals(NoteKind.SOLUTION, solution.kind());
            assertNull(solution.outcome(), "'none' means no outcome");
        }

        @Test
        void authorsAsSingleStringOrCommaSeparatedOrUnderAuthor() throws Exception {
            assertEquals(List.of("alice"), parse("authors: alice").authors());
            assertEquals(List.of("alice", "bob"), parse("authors: alice, bob").authors());
            assertEquals(List.of("carol"), parse("author: carol").authors());
            assertEquals(List.of("alice", "carol"), parse("authors: [alice]\nauthor: carol").authors());
            assertEquals(List.of("alice", "bob"), parse("authors:\n  - alice\n  - bob").authors());
            assertEquals(List.of("etl"), parse("tags: etl").tags());
        }

        @Test
        void knownFieldsKeepTheirTextEvenWhenYamlWouldReadANumberOrBoolean() throws Exception {
            assertEquals("1.10", parse("title: 1.10").title());
            assertEquals("yes", parse("title: yes").title());
            assertEquals("null value", parse("title: null value").title());
            assertEquals(List.of("2024", "1.0", "true"), parse("tags: [2024, 1.0, true]").tags());
        }

        @Test
        void unknownKeysAreKeptWithTheirTypes() throws Exception {
            Note note = parse("""
                    title: t
                    reviewed: true
                    score: 0.90
                    count: 3
                    reviewer: dana
                    nothing:
                    channel: {guild: 1, id: "42"}
                    refs: [a, b]""");
            assertEquals(true, note.extra().get("reviewed"));
            assertEquals(new BigDecimal("0.90"), note.extra().get("score"));
            assertEquals(3, note.extra().get("count"));
            assertEquals("dana", note.extraText("reviewer"));
            assertTrue(note.extra().containsKey("nothing"));
            assertNull(note.extra().get("nothing"));
            assertEquals(Map.of("guild", 1, "id", "42"), note.extra().get("channel"));
            assertEquals(List.of("a", "b"), note.extra().get("refs"));
            assertEquals(List.of("reviewed", "score", "count", "reviewer", "nothing", "channel", "refs"),
                    List.copyOf(note.extra().keySet()), "order as written");
        }

        @Test
        void withoutFrontMatterTheTitleIsTheFirstLevelOneHeading() throws Exception {
            Note note = NoteParser.parse("""
                    Some intro with a #hashtag.

                    ```bash
                    # not a heading, a shell comment
                    ```
                    ## Settings
                    # How we fixed the flaky GPU job #
                    text""", "solutions/gpu.md");
            assertEquals(NoteKind.NOTE, note.kind());
            assertEquals("How we fixed the flaky GPU job", note.title());
            assertTrue(note.body().startsWith("Some intro"));
            assertNull(note.outcome());
        }

        @Test
        void withoutFrontMatterOrHeadingTheTitleIsTheFileName() throws Exception {
            assertEquals("sql baseline beats lstm",
                    NoteParser.parse("just text", "notes/sql_baseline-beats-lstm.md").title());
            assertEquals("Untitled note", NoteParser.parse("text", ".md").title());
        }

        @Test
        void frontMatterWithoutTitleTakesTheHeading() throws Exception {
            assertEquals("Heading", NoteParser.parse("---\nkind: solution\n---\n# Heading\n", "x.md").title());
            assertEquals("Heading", NoteParser.parse("---\ntitle: '  '\n---\n# Heading\n", "x.md").title());
        }

        @Test
        void byteOrderMarkAndWindowsLineEndings() throws Exception {
            String text = "\uFEFF" + ISSUE_EXAMPLE.replace("\n", "\r\n");
            Note note = NoteParser.parse(text, "x.md");
            assertEquals(NoteParser.parse(ISSUE_EXAMPLE, "x.md"), note);
            assertTrue(!note.body().contains("\r"), "body lines end with \\n only");

            Note plain = NoteParser.parse("\uFEFF# Title\r\nbody\r\n", "x.md");
            assertEquals("Title", plain.title());
            assertEquals("# Title\nbody", plain.body());
        }

        @Test
        void dateMayCarryATimeAndKindAndOutcomeAreForgivingAboutCase() throws Exception {
            Note note = parse("kind: Paper_Check\ndate: 2025-03-12T10:15:00Z\noutcome: Not Reproduced");
            assertEquals(NoteKind.PAPER_CHECK, note.kind());
            assertEquals(LocalDate.of(2025, 3, 12), note.date());
            assertEquals("not-reproduced", note.outcome());
        }

        @Test
        void emptyFrontMatterAndFrontMatterOnly() throws Exception {
            assertEquals(NoteKind.NOTE, NoteParser.parse("---\n---\n# T\n", "x.md").kind());
            Note only = NoteParser.parse("---\nkind: spike\ntitle: T\n---", "x.md");
            assertEquals("T", only.title());
            assertEquals("", only.body());
        }

        @Test
        void anIndentedDashLineInsideABlockScalarDoesNotCloseTheFrontMatter() throws Exception {
            Note note = parse("title: T\nsummary: |\n  first\n  ---\n  second");
            assertEquals("first\n---\nsecond\n", note.extra().get("summary"));
        }

        @Test
        void titleIsOneLine() throws Exception {
            assertEquals("a b", parse("title: \"a\\n  b\"").title());
        }
    }

    @Nested
    class MalformedNotes {
        @Test
        void unclosedFrontMatter() {
            MalformedNoteException e = fails("---\nkind: spike\ntitle: T\n\nbody without end");
            assertEquals(1, e.line());
            assertTrue(e.getMessage().contains("no closing '---'"), e.getMessage());
        }

        @Test
        void invalidYamlPointsAtTheLine() {
            MalformedNoteException e = fails("---\nkind: spike\ntitle: Polars vs Pandas: a review\n---\n");
            assertEquals(3, e.line());
            assertTrue(e.getMessage().contains("put the value in quotes"), e.getMessage());
        }

        @Test
        void unclosedListPointsAtWhereItOpened() {
            MalformedNoteException e = fails("---\nkind: spike\ntags: [a, b\ntitle: x\n---\n");
            assertEquals(3, e.line());
            assertTrue(e.getMessage().contains("list opened with '[' is not closed"), e.getMessage());
        }

        @Test
        void tabIndentation() {
            MalformedNoteException e = fails("---\nkind: spike\n\ttitle: x\n---\n");
            assertEquals(3, e.line());
            assertTrue(e.getMessage().contains("indent with spaces"), e.getMessage());
        }

        @Test
        void commonSlipsGetAHint() {
            MalformedNoteException quote = fails("---\ntitle: \"Polars\nkind: spike\n---\n");
            assertEquals(2, quote.line());
            assertTrue(quote.getMessage().contains("the quoted value is not closed"), quote.getMessage());
            assertTrue(fails("---\nauthors: [@alice]\n---\n").getMessage().contains("write \"@alice\""));
            assertTrue(fails("---\ntitle: \"C:\\path\"\n---\n").getMessage().contains("backslash starts an escape"));
            assertTrue(fails("---\ntitle Polars\nkind: spike\n---\n").getMessage().contains("':' after a key"));
        }

        @Test
        void unknownKindIsAWarningAndThePlainNoteLoads() throws Exception {
            ParsedNote read = warned("---\ntitle: T\nkind: experiment\n---\n");
            assertEquals(NoteKind.NOTE, read.note().kind());
            assertEquals("T", read.note().title());
            assertEquals(List.of(new Problem("x.md", 3, "unknown kind 'experiment' (expected one of spike, "
                    + "paper-check, solution, decision, discussion, note); read as a plain note")), read.warnings());
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "spike|reproduced|expected one of go, no-go, shelved, needs-more-time",
                "paper-check|go|expected one of reproduced, partially-reproduced, not-reproduced, not-attempted",
                "solution|go|it takes none",
                "spike|none|expected one of go"})
        void outcomeNotFittingTheKindIsAWarning(String kind, String outcome, String hint) throws Exception {
            ParsedNote read = warned("---\nkind: " + kind + "\ntitle: T\n\noutcome: " + outcome + "\n---\n");
            assertNull(read.note().outcome());
            assertEquals(kind, read.note().kind().id());
            Problem warning = read.warnings().get(0);
            assertEquals(5, warning.line());
            assertTrue(warning.reason().startsWith("outcome '" + outcome + "' does not fit kind " + kind),
                    warning.reason());
            assertTrue(warning.reason().contains(hint), warning.reason());
        }

        @ParameterizedTest
        @CsvSource({"12/03/2025", "2025-13-01", "2025-02-30", "yesterday", "20250312", "2025-03-12abc"})
        void unreadableDateIsAWarningAndTheNoteLoadsWithoutIt(String date) throws Exception {
            ParsedNote read = warned("---\nkind: spike\ntitle: T\ndate: " + date + "\n---\nbody");
            assertNull(read.note().date());
            assertEquals("T", read.note().title());
            assertEquals(List.of(new Problem("x.md", 4, "date '" + date + "' is not a date Spikebot can read "
                    + "(write it like 2025-03-12); the note is read without it")), read.warnings());
            assertEquals("x.md:4: date '" + date + "' is not a date Spikebot can read (write it like 2025-03-12); "
                    + "the note is read without it", read.warnings().get(0).toString());
        }

        @Test
        void listWhereASingleValueBelongsCostsThatValueOnly() throws Exception {
            ParsedNote read = warned("---\nkind: spike\ntitle: [a, b]\n---\n# Heading\n");
            assertEquals("Heading", read.note().title());
            assertEquals(3, read.warnings().get(0).line());
            assertEquals("'title' must be a single value, not a list (write 'title: …' on one line); the note is "
                    + "read without it", read.warnings().get(0).reason());

            ParsedNote map = warned("---\nkind: spike\noutcome:\n  result: go\n---\n");
            assertNull(map.note().outcome());
            assertEquals(3, map.warnings().get(0).line());
            assertTrue(map.warnings().get(0).reason().contains("not a map"), map.warnings().toString());
        }

        @Test
        void nestedListsWhereNamesBelongCostThatItemOnly() throws Exception {
            ParsedNote read = warned("---\nkind: spike\nauthors: [alice, [bob]]\n---\n");
            assertEquals(List.of("alice"), read.note().authors());
            assertEquals(3, read.warnings().get(0).line());
            assertTrue(read.warnings().get(0).reason().contains("list inside the list"), read.warnings().toString());
        }

        @Test
        void duplicateKeys() {
            MalformedNoteException e = fails("---\ntitle: a\nkind: spike\ntitle: b\n---\n");
            assertEquals(4, e.line());
            assertEquals("key 'title' appears twice (first on line 2); keep one", e.getMessage());
        }

        @Test
        void frontMatterThatIsNotAMap() {
            assertEquals(2, fails("---\n- a\n- b\n---\n").line());
            assertTrue(fails("---\njust words\n---\n").getMessage().contains("'key: value' lines"));
        }

        @Test
        void aliasesAreRefusedSoBillionLaughsExpandsNothing() {
            StringBuilder yaml = new StringBuilder("---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
            for (char c = 'b'; c <= 'j'; c++) {
                yaml.append(c).append(": &").append(c).append(" [");
                for (int i = 0; i < 9; i++) yaml.append(i > 0 ? ", " : "").append('*').append((char) (c - 1));
                yaml.append("]\n");
            }
            MalformedNoteException e = fails(yaml.append("---\n").toString());
            assertEquals(3, e.line());
            assertTrue(e.getMessage().contains("alias '*a'"), e.getMessage());
        }

        @Test
        void deepNesting() {
            MalformedNoteException e = fails("---\ntitle: T\nx: " + "[".repeat(10_000) + "]".repeat(10_000)
                    + "\n---\n");
            assertEquals(3, e.line());
            assertTrue(e.getMessage().contains("nested more than"), e.getMessage());
        }

        @Test
        void hugeFrontMatter() {
            MalformedNoteException e = fails("---\ntitle: " + "x".repeat(NoteParser.MAX_FRONT_MATTER_CHARS)
                    + "\n---\n");
            assertEquals(1, e.line());
            assertTrue(e.getMessage().contains("larger than the 64 KB"), e.getMessage());
        }

        @Test
        void binaryContentAndControlCharacters() {
            MalformedNoteException binary = fails("# T\nline\nwith \0 NUL");
            assertEquals(3, binary.line());
            assertTrue(binary.getMessage().startsWith("binary file"));

            MalformedNoteException control = fails("---\nkind: spike\ntitle: a\u0007b\n---\n");
            assertEquals(3, control.line());
            assertTrue(control.getMessage().contains("U+0007"), control.getMessage());
        }

        @Test
        void emptyFile() {
            assertEquals("empty file: nothing to index", fails(" \n\r\n\t").getMessage());
            assertEquals(0, fails("\uFEFF").line());
        }

        @Test
        void complexKeys() {
            MalformedNoteException e = fails("---\n? [a, b]\n: c\n---\n");
            assertTrue(e.getMessage().contains("a key must be a plain word"), e.getMessage());
        }

        @Test
        void secondDocument() {
            MalformedNoteException e = fails("---\ntitle: a\n...\nkind: spike\n---\n");
            assertTrue(e.line() >= 3, "line " + e.line());
        }
    }

    private static Note parse(String frontMatter) throws MalformedNoteException {
        return NoteParser.parse("---\n" + frontMatter + "\n---\nbody\n", "x.md");
    }

    private static ParsedNote warned(String text) throws MalformedNoteException {
        ParsedNote read = NoteParser.read(text, "x.md");
        assertTrue(!read.warnings().isEmpty(), "expected a warning");
        return read;
    }

    private static MalformedNoteException fails(String text) {
        return assertThrows(MalformedNoteException.class, () -> NoteParser.parse(text, "x.md"));
    }
}
