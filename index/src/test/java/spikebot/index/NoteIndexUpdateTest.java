package spikebot.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteFile;
import spikebot.knowledge.NoteKind;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A batch of notes written and removed at once, as captured discussions are kept in step with their threads. */
class NoteIndexUpdateTest {
    @TempDir
    Path root;

    @Test
    void aBatchIsSearchableAtOnceReplacesEarlierVersionsAndForgetsRemovedNotes() throws IOException {
        KnowledgeBase kb = new KnowledgeBase(root);
        try (NoteIndex index = NoteIndex.open(kb)) {
            index.sync();
            NoteFile quantize = kb.put("discussions/ml/quantize-1.md",
                    Note.of(NoteKind.DISCUSSION, "Quantizing the ranker", "int8 quantization halved latency"));
            NoteFile dedup = kb.put("discussions/ml/dedup-2.md",
                    Note.of(NoteKind.DISCUSSION, "Dedup images", "perceptual hashing found near duplicates"));
            index.update(List.of(quantize, dedup), List.of());
            assertEquals(List.of("discussions/ml/quantize-1.md"), paths(index, "int8 quantization"));
            assertEquals(List.of("discussions/ml/dedup-2.md"), paths(index, "perceptual hashing"));

            NoteFile edited = kb.put(quantize.path(),
                    Note.of(NoteKind.DISCUSSION, "Quantizing the ranker", "distillation beat quantization"));
            kb.delete(dedup.path());
            index.update(List.of(edited), List.of(dedup.path()));
            assertEquals(List.of("discussions/ml/quantize-1.md"), paths(index, "distillation"));
            assertTrue(paths(index, "perceptual hashing").isEmpty(), "the removed note is gone");
            assertTrue(paths(index, "halved latency").isEmpty(), "the earlier version is replaced");
            assertEquals(1, index.size());
        }
    }

    private static List<String> paths(NoteIndex index, String question) {
        return index.search(SearchRequest.of(question)).stream().map(Hit::path).toList();
    }
}
