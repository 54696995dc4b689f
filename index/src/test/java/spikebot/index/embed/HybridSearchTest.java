package spikebot.index.embed;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.index.Candidate;
import spikebot.index.Hit;
import spikebot.index.NoteIndex;
import spikebot.index.SearchMode;
import spikebot.index.SearchRequest;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteFormat;
import spikebot.knowledge.NoteKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reason hybrid search exists: a question worded unlike the note that answers it. Uses the real model. */
class HybridSearchTest {
    private static final String ANSWER = "solutions/preemptible.md";
    /** Shares no word (nor stem, nor synonym) with the answer's title or text. */
    private static final String QUESTION = "ways to lower what we pay for compute when training?";

    private static Embeddings embeddings;

    @TempDir
    static Path root;

    @BeforeAll
    static void writeNotes() throws Exception {
        write(ANSWER, Note.of(NoteKind.SOLUTION, "Halving the cloud bill of model fitting",
                "We moved the jobs to preemptible machines, saved checkpoints every ten minutes, and the monthly "
                        + "invoice fell by sixty percent."));
        write("spikes/polars.md", Note.of(NoteKind.SPIKE, "Evaluate Polars for the feature pipeline",
                "Polars ran the joins four times faster than pandas on the clickstream files."));
        write("spikes/forecast.md", Note.of(NoteKind.SPIKE, "Seasonal baseline for store demand",
                "A seasonal naive forecast was within two percent of Prophet on weekly store sales."));
        write("papers/segment.md", Note.of(NoteKind.PAPER_CHECK, "Reproduce DeepLabV3+ on factory photos",
                "The reported mIoU held on our defect images after longer fine-tuning."));
        write("solutions/dq.md", Note.of(NoteKind.SOLUTION, "Catching duplicated rows after a backfill",
                "A row count check in dbt tests now fails the run when a partition doubles."));
        embeddings = Embeddings.start();
    }

    @AfterAll
    static void stop() {
        embeddings.close();
    }

    private static void write(String path, Note note) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, NoteFormat.render(note));
    }

    @Test
    void aParaphraseThatBm25MissesIsFoundByHybridSearch() throws Exception {
        KnowledgeBase kb = new KnowledgeBase(root);
        try (NoteIndex index = NoteIndex.open(kb, null)) {
            index.sync();
            List<Hit> keyword = index.search(SearchRequest.of(QUESTION));
            assertFalse(keyword.stream().anyMatch(h -> h.path().equals(ANSWER)), "BM25 alone found it: " + keyword);
        }
        try (NoteIndex index = NoteIndex.open(kb, embeddings)) {
            index.rebuild();
            embeddings.awaitIdle();
            List<Hit> hybrid = index.search(SearchRequest.of(QUESTION));
            assertFalse(hybrid.isEmpty());
            assertEquals(ANSWER, hybrid.get(0).path(), "hybrid answers: " + hybrid);
            List<Candidate> wordsOnly = index.candidates(SearchRequest.of(QUESTION), SearchMode.BM25);
            assertFalse(wordsOnly.stream().anyMatch(h -> h.path().equals(ANSWER)),
                    "asked for words alone: " + wordsOnly);
            // Words still count: a question that names a note's words finds that note first.
            assertEquals("spikes/polars.md", index.search(SearchRequest.of("polars joins")).get(0).path());
        }
    }

    @Test
    void aNewNoteIsFoundByItsWordsAtOnceBeforeItsVectorExists() throws Exception {
        Path kbRoot = Files.createDirectories(root.resolve("../fresh-" + System.nanoTime()).normalize());
        Files.writeString(kbRoot.resolve("a.md"), NoteFormat.render(Note.of(NoteKind.SPIKE, "Try LightGBM for churn", "Worked.")));
        // A model that never finishes loading: answers must not wait for it.
        try (Embeddings stuck = Embeddings.start(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("interrupted");
        }); NoteIndex index = NoteIndex.open(new KnowledgeBase(kbRoot), stuck)) {
            long start = System.nanoTime();
            index.sync();
            List<Hit> hits = index.search(SearchRequest.of("lightgbm churn"));
            assertTrue((System.nanoTime() - start) / 1e9 < 10, "waited for the model");
            assertEquals("a.md", hits.get(0).path());
            assertFalse(stuck.ready());
        }
    }
}
