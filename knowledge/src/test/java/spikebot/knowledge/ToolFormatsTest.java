package spikebot.knowledge;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: notes as the tools teams use write them (fixtures in {@code src/test/resources/spikebot/formats}, written
 * for this project in each tool's style), loaded through {@link KnowledgeBase} as the index loads them.
 */
class ToolFormatsTest {
    @TempDir
    Path dir;
    private KnowledgeBase kb;
    private LoadReport report;
    private Map<String, NoteFile> byPath;

    @BeforeEach
    void load() throws IOException, URISyntaxException {
        Path fixtures = Path.of(Objects.requireNonNull(getClass().getResource("/spikebot/formats")).toURI());
        try (Stream<Path> files = Files.walk(fixtures)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = dir.resolve(fixtures.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        Files.createSymbolicLink(dir.resolve("adr/README.md"), Path.of("index.md"));
        Files.writeString(dir.resolve("notebooks/broken.ipynb"), "{\"cells\": [{\"cell_type\": \"markdown\",");
        Files.writeString(dir.resolve("jekyll/_posts/undated.md"), "---\ntitle: Undated\ndate: sometime in spring\n"
                + "---\nbody");
        kb = new KnowledgeBase(dir);
        report = kb.load();
        byPath = report.notes().stream().collect(Collectors.toMap(NoteFile::path, f -> f));
    }

    private Note note(String path) {
        NoteFile file = byPath.get(path);
        assertTrue(file != null, path + " not loaded; problems: " + report.problems());
        return file.note();
    }

    @Test
    void everyFixtureLoadsAndOnlyTheBrokenNotebookIsMalformed() {
        assertEquals(List.of("notebooks/broken.ipynb"), report.problems().stream().map(Problem::path).toList());
        assertTrue(report.problems().get(0).reason().startsWith("not a valid notebook: broken JSON"),
                report.problems().toString());
        assertFalse(byPath.containsKey("adr/README.md"), "the README.md -> index.md link is skipped quietly");
        assertEquals("Architecture decision records", note("adr/index.md").title());
    }

    @Test
    void hugoTomlFrontMatter() {
        Note note = note("hugo/content/posts/feature-store-rollout.md");
        assertEquals("Rolling out a feature store: what broke", note.title());
        assertEquals(LocalDate.of(2023, 4, 18), note.date());
        assertEquals(List.of("feature-store", "feast", "mlops", "Engineering"), note.tags());
        assertEquals(List.of("Priya Raman"), note.authors());
        assertEquals(false, note.extra().get("draft"));
        assertEquals(Map.of("series", "MLOps diaries"), note.extra().get("params"));
        assertTrue(note.body().startsWith("We moved the churn features"), note.body());
    }

    @Test
    void zolaTaxonomies() {
        Note note = note("zola/content/gradient-checkpointing.md");
        assertEquals(LocalDate.of(2022, 9, 1), note.date());
        assertEquals(List.of("pytorch", "memory", "training"), note.tags());
    }

    @Test
    void obsidianFileNameTitleHashTagsNestedTagsAndAliases() {
        Note note = note("obsidian/Machine-Learning/Tokenizer choices.md");
        assertEquals("Tokenizer choices", note.title(), "a level-2 heading names a section, not the note");
        assertEquals(List.of("ml/nlp", "idea"), note.tags());
        assertEquals(List.of("BPE vs WordPiece", "tokenizers"), note.extra().get("aliases"));
        assertEquals(LocalDate.of(2023, 2, 11), note.date(), "Obsidian's created");
    }

    @Test
    void jekyllFileNameDateStringTagsAndCategories() {
        Note note = note("jekyll/_posts/2020-12-17-meta-learning-for-cold-start.md");
        assertEquals(LocalDate.of(2020, 12, 17), note.date());
        assertEquals(List.of("rl", "meta-learning", "recsys", "research"), note.tags());
        assertEquals(List.of("Jamie Ortiz"), note.authors());
        assertEquals("post", note.extraText("layout"));
    }

    @Test
    void dendronCreatedInEpochMilliseconds() {
        Note note = note("dendron/ml.nlp.tokenizers.md");
        assertEquals("Tokenizers", note.title());
        assertEquals(LocalDate.of(2020, 12, 17), note.date());
        assertEquals(1676109600000L, ((Number) note.extra().get("updated")).longValue(), "kept as written");
    }

    @Test
    void nygardAdrsTakeDateAndStatusFromTheirBody() {
        Note first = note("adr/0001-record-architecture-decisions.md");
        assertEquals(NoteKind.DECISION, first.kind());
        assertEquals("1. Record architecture decisions", first.title());
        assertEquals(LocalDate.of(2017, 8, 1), first.date());
        assertEquals("accepted", first.outcome());

        Note second = note("adr/0002-use-postgres-for-the-feature-log.md");
        assertEquals(LocalDate.of(2019, 3, 12), second.date(), "a human date");
        assertEquals("superseded", second.outcome());
        assertEquals(NoteKind.NOTE, note("adr/index.md").kind(), "no status: the folder's index is no decision");
    }

    @Test
    void madrFrontMatter() {
        Note note = note("decisions/0003-use-duckdb-for-adhoc-analytics.md");
        assertEquals(NoteKind.DECISION, note.kind());
        assertEquals("Use DuckDB for ad-hoc analytics", note.title());
        assertEquals("accepted", note.outcome());
        assertEquals(LocalDate.of(2024, 2, 5), note.date());
        assertEquals(List.of("Priya Raman", "Jamie Ortiz"), note.extra().get("deciders"));
    }

    @Test
    void alFolioAuthorMapsAndAHumanDate() {
        NoteFile file = byPath.get("al-folio/_posts/2020-11-15-distill-label-noise.md");
        assertEquals(List.of("Albert Einstein", "Boris Podolsky"), file.note().authors());
        assertEquals(LocalDate.of(2020, 11, 15), file.note().date());
        assertEquals(List.of("al-folio/_posts/2020-11-15-distill-label-noise.md:6: an author in 'authors' is a "
                + "map without a 'name'; left out"), file.warnings().stream().map(Problem::toString).toList());
    }

    @Test
    void mkdocsBlogDateMapAndWikiPages() {
        Note post = note("mkdocs/docs/blog/posts/spot-gpus.md");
        assertEquals(LocalDate.of(2024, 1, 31), post.date());
        assertEquals("Training on spot GPUs", post.title());
        assertEquals(List.of("Infrastructure"), post.tags());

        assertEquals("Getting Started", note("wiki/Getting-Started.md").title());
        assertNull(note("wiki/Getting-Started.md").date());
        assertEquals(List.of(), byPath.get("wiki/Home.md").warnings());
    }

    @Test
    void anUnreadableDateIsAWarningAndTheNoteLoads() {
        NoteFile file = byPath.get("jekyll/_posts/undated.md");
        assertNull(file.note().date());
        assertEquals(List.of("jekyll/_posts/undated.md:3: date 'sometime in spring' is not a date Spikebot can read "
                + "(write it like 2025-03-12); the note is read without it"),
                file.warnings().stream().map(Problem::toString).toList());
        assertTrue(report.warnings().contains(file.warnings().get(0)));
        assertEquals(report.warnings().stream().sorted(java.util.Comparator.comparing(Problem::path)).toList(),
                kb.warnings(), "what a command shows after a sync read these files");
    }

    @Test
    void notebooksAreNotesWithoutTheirOutputs() {
        Note note = note("notebooks/embedding-eval.ipynb");
        assertEquals("Evaluating sentence embeddings for ticket search", note.title());
        assertEquals(List.of("Dana Kim"), note.authors());
        assertEquals(List.of("embeddings", "search"), note.tags());
        assertTrue(note.body().contains("```python\nfrom sentence_transformers import SentenceTransformer\n"),
                note.body());
        assertTrue(note.body().contains("## Result\n\ne5-small wins"), note.body());
        assertFalse(note.body().contains("recall@10 0.81"), "outputs are dropped");
        assertFalse(note.body().contains("iVBOR"), "outputs are dropped");
        assertFalse(note.body().contains("newpage"), "raw cells are the output format's");

        Note untitled = note("notebooks/late_events.ipynb");
        assertEquals("late events", untitled.title());
        assertTrue(untitled.body().startsWith("```python\nimport pandas"), untitled.body());
    }
}
