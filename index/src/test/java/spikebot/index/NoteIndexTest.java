package spikebot.index;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.index.embed.Embedder;
import spikebot.index.embed.Embeddings;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteFile;
import spikebot.knowledge.NoteKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoteIndexTest {
    @TempDir
    Path root;
    private KnowledgeBase kb;
    private TestNotes notes;
    private NoteIndex index;

    @BeforeEach
    void setUp() throws IOException {
        kb = new KnowledgeBase(root);
        notes = new TestNotes(root);
        notes.standardSet();
        index = NoteIndex.open(kb);
    }

    @AfterEach
    void tearDown() throws IOException {
        index.close();
    }

    private List<String> paths(String question) {
        return paths(SearchRequest.of(question));
    }

    private List<String> paths(SearchRequest request) {
        return index.search(request).stream().map(Hit::path).toList();
    }

    @Test
    void syncIndexesEveryNoteAndAnswersQuestions() throws IOException {
        SyncReport report = index.sync();
        assertEquals(6, report.added());
        assertEquals(0, report.changed());
        assertEquals(0, report.deleted());
        assertTrue(report.malformed().isEmpty());
        assertEquals(6, index.size());

        Hit hit = index.search(SearchRequest.of("has anyone tried polars instead of pandas?")).get(0);
        assertEquals("spikes/polars.md", hit.path());
        assertEquals(NoteKind.SPIKE, hit.kind());
        assertEquals("Evaluate Polars as a Pandas replacement for the feature pipeline", hit.title());
        assertEquals("no-go", hit.outcome());
        assertEquals(List.of("alice", "bob"), hit.authors());
        assertEquals(LocalDate.of(2025, 3, 12), hit.date());
        assertTrue(hit.score() > 0);
        assertEquals(1f, hit.relevance(), 1e-6, "both polars and pandas are in the note");
        assertTrue(hit.strong());
    }

    @Test
    void candidatesAreThePlainSearchWithoutSnippetsAndOnlyKeptOnesGetOne() throws IOException {
        index.sync();
        SearchRequest request = SearchRequest.of("training data pipeline gpus").withLimit(10);
        List<Hit> all = index.search(request);
        assertTrue(all.size() >= 3, "enough hits to drop some: " + all);

        List<Candidate> candidates = index.candidates(request, SearchMode.HYBRID);
        assertEquals(all.stream().map(Hit::path).toList(), candidates.stream().map(Candidate::path).toList(),
                "the same notes in the same order as a plain search");
        List<Hit> kept = index.snippets(request, List.of(candidates.get(1)));
        assertEquals(List.of(all.get(1)), kept, "the kept one only, with the same snippet and relevance");
        assertNotEquals(Snippet.EMPTY, kept.get(0).snippet(), "a snippet was made");
    }

    @Test
    void aCandidateWhoseNoteWentBeforeItsSnippetKeepsItsCardWithAnEmptySnippet() throws IOException {
        index.sync();
        SearchRequest request = SearchRequest.of("polars");
        Candidate polars = index.candidates(request, SearchMode.BM25).get(0);
        Files.delete(root.resolve(polars.path()));
        index.sync();
        assertEquals(List.of(polars.withSnippet(Snippet.EMPTY)), index.snippets(request, List.of(polars)));
    }

    @Test
    void aSecondSyncReadsNothingWhenNothingChanged() throws IOException {
        index.sync();
        SyncReport again = index.sync();
        assertEquals(List.of(0, 0, 0), List.of(again.added(), again.changed(), again.deleted()));
        assertFalse(again.changedAnything());
    }

    @Test
    void unchangedStampsAreTrustedSoUnchangedFilesAreNotReadAgain() throws IOException {
        index.sync();
        Path file = root.resolve("spikes/polars.md");
        FileTime time = Files.getLastModifiedTime(file);
        String text = Files.readString(file);
        // Same size, same time, different words: only a re-read would notice.
        Files.writeString(file, text.replace("Polars", "Dusk12"));
        Files.setLastModifiedTime(file, time);
        assertEquals(0, index.sync().changed());
        assertEquals("spikes/polars.md", paths("polars").get(0));
    }

    @Test
    void addedEditedAndDeletedNotesAreReflectedInAnswers() throws IOException {
        index.sync();
        notes.note("spikes/duckdb.md", "spike", "DuckDB for ad-hoc analytics on parquet", "duckdb", "go", "frank",
                "2025-06-01", "DuckDB queried the parquet lake directly, no warehouse needed.");
        notes.note("spikes/polars.md", "spike", "Evaluate Polars again", "polars", "go", "alice", "2025-07-01",
                "This time the lazy API was mature enough; we moved the feature pipeline to it.");
        Files.delete(root.resolve("solutions/k8s-oom.md"));

        SyncReport report = index.sync();
        assertEquals(List.of(1, 1, 1), List.of(report.added(), report.changed(), report.deleted()));
        assertEquals(List.of("spikes/duckdb.md"), paths("duckdb parquet").subList(0, 1));
        Hit polars = index.search(SearchRequest.of("polars")).get(0);
        assertEquals("Evaluate Polars again", polars.title());
        assertEquals("go", polars.outcome());
        assertTrue(paths("UDFs rewriting").isEmpty(), "the old text of an edited note is gone");
        assertFalse(paths("OOMKilled pods kubernetes").contains("solutions/k8s-oom.md"));
        assertEquals(6, index.size());
    }

    @Test
    void malformedNotesAreReportedWithLineAndTheRestIsIndexed() throws IOException {
        // An outcome that does not fit is only a warning now (issue 13); YAML that cannot be read costs the note.
        notes.write("spikes/broken.md", "---\nkind: spike\ntitle: Broken\noutcome: no: go\n---\nbody\n");
        notes.write("spikes/unclosed.md", "---\nkind: spike\ntitle: never closed\n");
        SyncReport report = index.sync();
        assertEquals(6, report.added());
        assertEquals(2, report.malformed().size());
        assertEquals("spikes/broken.md", report.malformed().get(0).path());
        assertEquals(4, report.malformed().get(0).line());
        assertTrue(report.malformed().get(0).reason().contains("not valid YAML"));
        assertEquals("spikes/unclosed.md", report.malformed().get(1).path());
    }

    @Test
    void aNoteThatBecomesMalformedIsRemovedAndReported() throws IOException {
        index.sync();
        notes.write("spikes/polars.md", "---\nkind: spike\ntitle: [unclosed\n---\nPolars\n");
        SyncReport report = index.sync();
        assertEquals(0, report.changed());
        assertEquals(List.of("spikes/polars.md"), report.malformed().stream().map(p -> p.path()).toList());
        assertFalse(paths("polars").contains("spikes/polars.md"));
        assertEquals(5, index.size());
    }

    @Test
    void rebuildIndexesEverythingAgain() throws IOException {
        index.sync();
        SyncReport report = index.rebuild();
        assertEquals(6, report.added());
        assertEquals(6, index.size());
        assertEquals("spikes/polars.md", paths("polars").get(0));
    }

    @Test
    void searchesDuringARebuildStillSeeTheNotes() throws Exception {
        index.sync();
        for (int i = 0; i < 300; i++) notes.note("bulk/n" + i + ".md", "solution", "Bulk note " + i, null, null, null, null, "filler text");
        index.sync();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<SyncReport> rebuild = pool.submit(() -> index.rebuild());
            while (!rebuild.isDone()) assertEquals("spikes/polars.md", paths("polars").get(0));
            assertEquals(306, rebuild.get().added());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void stampsSurviveARestartSoNothingIsReadAgain() throws IOException {
        index.sync();
        index.close();
        index = NoteIndex.open(kb);
        assertEquals(6, index.size(), "answers are there before any sync");
        assertEquals("spikes/polars.md", paths("polars").get(0));
        assertFalse(index.sync().changedAnything());
    }

    @Test
    void titleAndTagsWeighMoreThanTheBody() throws IOException {
        notes.note("a.md", "solution", "Data loader tuning", null, null, null, null,
                "Nothing about the topic here except one mention of quantization in passing, among many other words.");
        notes.note("b.md", "solution", "Quantization of the ranking model", null, null, null, null,
                "We shipped int8 weights.");
        notes.note("c.md", "solution", "Model size", "quantization", null, null, null, "Weights got smaller.");
        index.sync();
        List<String> found = paths("quantization");
        assertEquals("b.md", found.get(0));
        assertEquals("c.md", found.get(1));
        assertEquals("a.md", found.get(2));
    }

    @Test
    void technicalWordsAreFoundAsWrittenAndByTheirParts() throws IOException {
        index.sync();
        assertEquals("spikes/lightgbm-threads.md", paths("numThreads").get(0));
        assertEquals("spikes/lightgbm-threads.md", paths("max_bin").get(0));
        assertEquals("spikes/lightgbm-threads.md", paths("max bin setting").get(0));
        assertEquals("papers/resnet.md", paths("resnet").get(0));
        assertEquals("papers/resnet.md", paths("ResNet50").get(0));
        assertEquals("papers/resnet.md", paths("python 3.10 py3.10").get(0));
        assertEquals("solutions/k8s-oom.md", paths("k8s").get(0), "k8s finds kubernetes by synonym");
        assertEquals("solutions/k8s-oom.md", paths("out of memory on the cluster").get(0));
        assertEquals("spikes/sql-baseline.md", paths("GBDT vs rules").get(0));
    }

    @Test
    void aQuestionOfAskingWordsOnlyFindsNothing() throws IOException {
        index.sync();
        assertTrue(index.search(SearchRequest.of("Has anyone tried this before?")).isEmpty());
        assertTrue(index.search(SearchRequest.of("?!")).isEmpty());
    }

    @Test
    void filtersNarrowTheAnswers() throws IOException {
        index.sync();
        assertEquals(List.of("spikes/sql-baseline.md"),
                paths(SearchRequest.of("churn model polars").withKind(NoteKind.SPIKE).withOutcome("go")));
        assertEquals(java.util.Set.of("spikes/polars.md", "spikes/sql-baseline.md"),
                java.util.Set.copyOf(paths(SearchRequest.of("polars churn").withAuthor("ALICE"))));
        assertEquals(List.of("spikes/sql-baseline.md"), paths(SearchRequest.of("polars churn").withTag("Churn")));
        assertEquals(List.of("solutions/k8s-oom.md"), paths(SearchRequest.of("training").withKind(NoteKind.SOLUTION)));
        assertEquals(List.of("spikes/polars.md"),
                paths(SearchRequest.of("polars churn").withDates(LocalDate.of(2025, 1, 1), null)));
        assertEquals(List.of("spikes/sql-baseline.md"),
                paths(SearchRequest.of("polars churn").withDates(null, LocalDate.of(2024, 12, 31))));
        assertTrue(paths(SearchRequest.of("polars").withOutcome("go")).isEmpty());
    }

    @Test
    void aBlankQuestionListsTheNewestNotesThatPassTheFilters() throws IOException {
        index.sync();
        assertEquals(List.of("spikes/polars.md", "spikes/lightgbm-threads.md", "spikes/sql-baseline.md"),
                paths(new SearchRequest("", NoteKind.SPIKE, null, null, null, 10)));
    }

    @Test
    void limitIsRespectedAndChecked() throws IOException {
        index.sync();
        assertEquals(2, index.search(SearchRequest.of("training data").withLimit(2)).size());
        assertThrows(IllegalArgumentException.class, () -> SearchRequest.of("x").withLimit(0));
    }

    @Test
    void snippetsHighlightTheQuestionsWordsInTheBestPassage() throws IOException {
        index.sync();
        Hit hit = index.search(SearchRequest.of("max_bin training time")).get(0);
        Snippet snippet = hit.snippet();
        assertTrue(snippet.text().contains("max_bin 63"), snippet.text());
        assertTrue(snippet.highlighted().contains("max_bin"), snippet.highlighted().toString());
        assertTrue(snippet.highlighted().contains("training"), snippet.highlighted().toString());
        assertFalse(snippet.text().contains("\n"));
        String rendered = snippet.render(s -> s.replace("_", "\\_"), "**", "**");
        assertTrue(rendered.contains("**max\\_bin**"), rendered);
    }

    @Test
    void synonymsAreHighlightedToo() throws IOException {
        index.sync();
        Hit hit = index.search(SearchRequest.of("kubernetes OOM")).get(0);
        assertEquals("solutions/k8s-oom.md", hit.path());
        assertTrue(hit.snippet().highlighted().stream().anyMatch(w -> w.startsWith("OOM")),
                hit.snippet().highlighted().toString());
    }

    @Test
    void aNoteWithoutBodyShowsItsTitleAsSnippet() throws IOException {
        notes.note("empty.md", "solution", "Pin the CUDA driver version", null, null, null, null, "");
        index.sync();
        Hit hit = index.search(SearchRequest.of("cuda driver")).get(0);
        assertEquals("Pin the CUDA driver version", hit.snippet().text());
        assertEquals(List.of("CUDA", "driver"), hit.snippet().highlighted());
    }

    @Test
    void relevanceIsTheShareOfTheQuestionCovered() throws IOException {
        index.sync();
        Hit full = index.search(SearchRequest.of("polars pandas")).get(0);
        Hit half = index.search(SearchRequest.of("polars zebrafish")).get(0);
        assertEquals(1f, full.relevance(), 1e-6);
        assertTrue(half.relevance() > 0 && half.relevance() < 0.6f, "" + half.relevance());
        assertFalse(half.strong());
    }

    @Test
    void notesAddedOneByOneAreSearchableAtOnce() throws IOException {
        index.sync();
        NoteFile written = kb.write(new Note(NoteKind.SPIKE, "Try Ray for distributed hyperparameter search",
                LocalDate.of(2025, 8, 1), List.of("gina"), List.of("ray", "hpo"), "shelved", "4h", null,
                "https://discord.com/channels/1/2/3", Map.of("channel", "123456"), "Ray Tune worked but the cluster cost too much."));
        index.add(written);
        Hit hit = index.search(SearchRequest.of("ray tune")).get(0);
        assertEquals(written.path(), hit.path());
        assertEquals("https://discord.com/channels/1/2/3", hit.link());
        assertEquals("123456", hit.channel());
        assertFalse(index.sync().changedAnything(), "sync knows the note added by hand");
    }

    @Test
    void tagsAreOfferedMostUsedFirst() throws IOException {
        notes.note("x.md", "spike", "x", "Churn, polars", null, null, null, "x");
        notes.note("y.md", "spike", "y", "churn", null, null, null, "y");
        index.sync();
        assertEquals(List.of("churn"), index.tags("c", 10));
        assertEquals(List.of("churn"), index.tags("CH", 10));
        assertEquals(List.of("polars", "performance"), index.tags("p", 10));
        assertEquals(1, index.tags("", 1).size());
        Files.delete(root.resolve("spikes/lightgbm-threads.md"));
        index.sync();
        assertEquals(List.of("polars"), index.tags("p", 10), "a deleted note's tags go with it");
    }

    @Test
    void aTeamsOwnSynonymsApplyAndABrokenFileIsReported() throws IOException {
        notes.note("spikes/dwh.md", "spike", "Move reporting to the data warehouse", null, "go", null, null, "Done.");
        Files.createDirectories(kb.stateDir());
        Files.writeString(kb.stateDir().resolve("synonyms.txt"), "dwh, data warehouse\n");
        index.close();
        index = NoteIndex.open(kb);
        assertTrue(index.sync().malformed().isEmpty());
        assertEquals("spikes/dwh.md", paths("dwh").get(0));

        Files.writeString(kb.stateDir().resolve("synonyms.txt"), "dwh, data warehouse\na => b => c\n");
        index.close();
        index = NoteIndex.open(kb);
        SyncReport report = index.sync();
        assertEquals(List.of(), report.malformed(), "a settings file is not a note");
        assertEquals(".spikebot/synonyms.txt", index.settingsProblems().get(0).path());
        assertEquals(2, index.settingsProblems().get(0).line());
        assertEquals("spikes/dwh.md", paths("dwh").get(0), "the good line still applies");
        assertEquals("solutions/k8s-oom.md", paths("k8s").get(0), "the shipped synonyms still apply");
    }

    @Test
    void anotherProcessWritingMakesThisOneReadOnly() throws IOException {
        index.sync();
        try (NoteIndex second = NoteIndex.open(kb)) {
            assertTrue(second.readOnly());
            assertEquals("spikes/polars.md", second.search(SearchRequest.of("polars")).get(0).path());
            IndexBusyException busy = assertThrows(IndexBusyException.class, second::sync);
            assertTrue(busy.getMessage().contains("in use by another Spikebot process"));
            // The writer's later commits become visible to the reader.
            notes.note("spikes/new.md", "spike", "Vowpal Wabbit for bandits", null, "go", null, null, "fast");
            index.sync();
            assertEquals("spikes/new.md", second.search(SearchRequest.of("vowpal")).get(0).path());
        }
        assertFalse(index.readOnly());
    }

    @Test
    void aMissingKnowledgeBaseIsAClearErrorAndCreatesNothing(@TempDir Path elsewhere) {
        Path missing = elsewhere.resolve("nope");
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> NoteIndex.open(new KnowledgeBase(missing)));
        assertTrue(e.getMessage().contains("does not exist"));
        assertFalse(Files.exists(missing));
    }

    @Test
    void aCorruptIndexIsRebuiltOnOpen() throws IOException {
        index.sync();
        index.close();
        Path folder = kb.stateDir().resolve("index");
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) if (f.getFileName().toString().startsWith("segments")) Files.write(f, new byte[]{1, 2, 3});
        }
        index = NoteIndex.open(kb);
        assertEquals(6, index.sync().added());
        assertEquals("spikes/polars.md", paths("polars").get(0));
    }

    @Test
    void searchesRunWhileNotesAreAdded() throws Exception {
        index.sync();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                work.add(pool.submit(() -> {
                    index.add(kb.write(Note.of(NoteKind.SOLUTION, "Concurrent note " + n, "zeppelin " + n)));
                    return null;
                }));
                work.add(pool.submit(() -> index.search(SearchRequest.of("polars zeppelin"))));
            }
            for (Future<?> f : work) f.get();
        } finally {
            pool.shutdown();
        }
        assertEquals(20, index.search(SearchRequest.of("zeppelin").withLimit(50)).size());
        assertNull(index.search(SearchRequest.of("polars")).get(0).channel());
    }

    @Test
    void vectorsAreMadeFromTheNotesTextWithoutMarkup(@TempDir Path other) throws Exception {
        new TestNotes(other).write("spikes/libraries.md", """
                ---
                kind: spike
                title: Compare boosting libraries
                ---
                | library | AUC |
                |---|---|
                | LightGBM | 0.851 |

                <img src="auc.png"/> {% include figure.html %} See [[gbdt notes|our notes]].
                """);
        List<String> embedded = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Embeddings embeddings = Embeddings.start(Embedder::load, (title, text) -> {
            embedded.add(text);
            float[] unit = new float[Embedder.DIMENSION];
            unit[0] = 1;
            return unit;
        }); NoteIndex withVectors = NoteIndex.open(new KnowledgeBase(other), embeddings)) {
            withVectors.sync();
            embeddings.awaitIdle();
        }
        assertEquals(1, embedded.size());
        String text = embedded.get(0);
        assertTrue(text.contains("LightGBM · 0.851") && text.contains("our notes"), text);
        for (String markup : List.of("|", "---", "<img", "{%", "[[")) assertFalse(text.contains(markup), text);
    }

    @Test
    void anIndexOfTheSchemaBeforePassagesIsRebuiltOnOpen() throws Exception {
        index.sync();
        assertEquals(6, index.size());
        index.close();
        // Schema 1 stored raw Markdown bodies: as such an index would be left on disk by an older Spikebot.
        try (var directory = org.apache.lucene.store.FSDirectory.open(kb.stateDir().resolve("index"));
             var writer = new org.apache.lucene.index.IndexWriter(directory,
                     new org.apache.lucene.index.IndexWriterConfig())) {
            writer.setLiveCommitData(Map.of("spikebot.schema", "1").entrySet());
            writer.commit();
        }
        index = NoteIndex.open(kb);
        assertEquals(0, index.size(), "emptied, not misread");
        assertEquals(6, index.sync().added());
    }
}
