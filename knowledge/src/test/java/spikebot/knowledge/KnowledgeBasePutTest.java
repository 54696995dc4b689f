package spikebot.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notes written at a chosen path and replaced in place: how captured discussions follow their threads. */
class KnowledgeBasePutTest {
    @TempDir
    Path dir;

    @Test
    void putCreatesFoldersReplacesInPlaceAndReadsBack() throws IOException, MalformedNoteException {
        KnowledgeBase kb = new KnowledgeBase(dir);
        Note first = Note.of(NoteKind.DISCUSSION, "Dedup images", "first version");
        NoteFile written = kb.put("discussions/ml-help/dedup-1.md", first);
        assertEquals("discussions/ml-help/dedup-1.md", written.path());
        assertEquals(first, kb.read(written.path()).note());

        Note second = Note.of(NoteKind.DISCUSSION, "Dedup images", "second version");
        kb.put(written.path(), second);
        assertEquals(second, kb.read(written.path()).note());
        assertEquals(1, kb.load().notes().size(), "replaced in place, not a second file");
    }

    @Test
    void deleteRemovesTheNoteAndIsQuietWhenItIsGone() throws IOException {
        KnowledgeBase kb = new KnowledgeBase(dir);
        kb.put("discussions/a/b.md", Note.of(NoteKind.DISCUSSION, "B", "x"));
        kb.delete("discussions/a/b.md");
        assertFalse(Files.exists(dir.resolve("discussions/a/b.md")));
        kb.delete("discussions/a/b.md");
        assertTrue(kb.load().notes().isEmpty());
    }

    @Test
    void refusesPathsItWouldNeverReadOrThatLeaveTheFolder() throws IOException {
        KnowledgeBase kb = new KnowledgeBase(dir);
        Note note = Note.of(NoteKind.DISCUSSION, "T", "x");
        for (String path : List.of("../outside.md", "discussions/a/b.txt", ".spikebot/x.md", "a/.hidden/x.md")) {
            assertThrows(IllegalArgumentException.class, () -> kb.put(path, note), path);
        }
        Path elsewhere = Files.createDirectory(dir.resolveSibling(dir.getFileName() + "-elsewhere"));
        Files.createSymbolicLink(dir.resolve("discussions"), elsewhere);
        IOException e = assertThrows(IOException.class, () -> kb.put("discussions/a.md", note));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertFalse(Files.exists(elsewhere.resolve("a.md")));
    }
}
