package spikebot.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurableFilesTest {
    @TempDir
    Path dir;

    @Test
    void replaceCreatesFoldersAndReplacesWholeFilesLeavingNoTemporaryFile() throws Exception {
        Path file = dir.resolve("state/spikes/ab12.json");
        DurableFiles.replace(file, bytes("{\"v\":1}"));
        DurableFiles.replace(file, bytes("{\"v\":2}"));
        assertEquals("{\"v\":2}", Files.readString(file));
        assertEquals(List.of("ab12.json"), names(file.getParent()));
    }

    @Test
    void createNewTakesTheFirstFreeNameAndNeverReplaces() throws Exception {
        Files.writeString(dir.resolve("polars.md"), "someone else's note");
        Path written = DurableFiles.createNew(dir, n -> n == 1 ? "polars.md" : "polars-" + n + ".md", bytes("mine"));
        assertEquals(dir.resolve("polars-2.md"), written);
        assertEquals("someone else's note", Files.readString(dir.resolve("polars.md")));
        assertEquals("mine", Files.readString(written));
        assertEquals(List.of("polars-2.md", "polars.md"), names(dir));
    }

    @Test
    void appendLineEndsAPartialLineACrashLeftBeforeAddingItsOwn() throws Exception {
        Path log = dir.resolve("logs/feedback.jsonl");
        DurableFiles.appendLine(log, "{\"a\":1}");
        Files.writeString(log, "{\"b\":", java.nio.file.StandardOpenOption.APPEND); // a crash mid-append
        DurableFiles.appendLine(log, "{\"c\":3}");
        assertEquals(List.of("{\"a\":1}", "{\"b\":", "{\"c\":3}"), Files.readAllLines(log));
        assertThrows(IllegalArgumentException.class, () -> DurableFiles.appendLine(log, "two\nlines"));
    }

    @Test
    void deleteIsQuietForAMissingFile() throws Exception {
        Path file = Files.writeString(dir.resolve("x.json"), "{}");
        DurableFiles.delete(file);
        DurableFiles.delete(file);
        assertFalse(Files.exists(file));
    }

    @Test
    void removeUnfinishedRemovesOnlyOldHiddenTemporaryFiles() throws Exception {
        Path old = Files.writeString(dir.resolve(".a.json-1f.tmp"), "{");
        Path young = Files.writeString(dir.resolve(".b.json-2f.tmp"), "{");
        Path visible = Files.writeString(dir.resolve("c.tmp"), "mine");
        Files.setLastModifiedTime(old, FileTime.fromMillis(1_000));
        Files.setLastModifiedTime(visible, FileTime.fromMillis(1_000));
        Files.setLastModifiedTime(young, FileTime.fromMillis(9_000));

        assertEquals(1, DurableFiles.removeUnfinished(dir, 5_000));
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(young));
        assertTrue(Files.exists(visible));
        assertEquals(0, DurableFiles.removeUnfinished(dir.resolve("missing"), 5_000));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
