package spikebot.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleKnowledgeBaseTest {
    /** The sample as it is in the source tree; Maven runs tests from the module folder. */
    private static final Path SOURCE = Path.of("src/main/resources/spikebot/sample-kb");

    @Test
    void manifestListsExactlyTheNotesInTheSourceFolder() throws IOException {
        Set<String> onDisk;
        try (Stream<Path> files = Files.walk(SOURCE)) {
            onDisk = files.filter(Files::isRegularFile)
                    .map(p -> SOURCE.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".md"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        List<String> listed = SampleKnowledgeBase.paths();
        assertEquals(listed.size(), Set.copyOf(listed).size(), "manifest lists a path twice");
        assertEquals(onDisk, new TreeSet<>(listed), "MANIFEST.txt and the sample folder differ");
    }

    @Test
    void copiedSampleLoadsWithoutProblemsAndCoversEveryKindAndOutcome(@TempDir Path dir) throws IOException {
        int copied = SampleKnowledgeBase.copyTo(dir);

        LoadReport report = new KnowledgeBase(dir).load();
        assertEquals(List.of(), report.problems());
        assertEquals(copied, report.notes().size());
        assertTrue(copied >= 45, "the sample should hold at least 45 notes, has " + copied);

        Map<NoteKind, List<Note>> byKind = report.notes().stream().map(NoteFile::note)
                .collect(Collectors.groupingBy(Note::kind));
        // Decisions come from the ADR folders teams already keep; the sample is a data team's own notes.
        assertEquals(Set.of(NoteKind.SPIKE, NoteKind.PAPER_CHECK, NoteKind.SOLUTION, NoteKind.NOTE), byKind.keySet());
        for (NoteKind kind : List.of(NoteKind.SPIKE, NoteKind.PAPER_CHECK)) {
            Set<String> outcomes = byKind.get(kind).stream().map(Note::outcome).collect(Collectors.toSet());
            assertTrue(outcomes.containsAll(kind.outcomes()), kind.id() + " outcomes used: " + outcomes);
        }
    }

    @Test
    void everyNoteWithFrontMatterIsCompleteAndInItsKindsFolder(@TempDir Path dir) throws IOException {
        SampleKnowledgeBase.copyTo(dir);
        for (NoteFile file : new KnowledgeBase(dir).load().notes()) {
            Note note = file.note();
            assertTrue(file.path().startsWith(note.kind().folder() + "/"), file.path() + " is not in its kind's folder");
            if (note.kind() == NoteKind.NOTE) continue;
            String where = file.path();
            assertNotNull(note.date(), where + ": date");
            assertTrue(!note.date().isBefore(LocalDate.of(2023, 1, 1))
                    && !note.date().isAfter(LocalDate.of(2026, 10, 31)), where + ": date " + note.date());
            assertFalse(note.authors().isEmpty(), where + ": authors");
            assertFalse(note.tags().isEmpty(), where + ": tags");
            assertTrue(note.extra().isEmpty(), where + ": unexpected keys " + note.extra().keySet());
            if (note.kind() != NoteKind.SOLUTION) {
                assertNotNull(note.outcome(), where + ": outcome");
                assertNotNull(note.timebox(), where + ": timebox");
            }
            assertTrue(note.body().contains("## "), where + ": body has no sections");
        }
    }

    @Test
    void refusesToOverwriteANoteThatIsAlreadyThere(@TempDir Path dir) throws IOException {
        String first = SampleKnowledgeBase.paths().getFirst();
        Path existing = dir.resolve(first);
        Files.createDirectories(existing.getParent());
        Files.writeString(existing, "# Ours\n");

        assertThrows(FileAlreadyExistsException.class, () -> SampleKnowledgeBase.copyTo(dir));
        assertEquals("# Ours\n", Files.readString(existing));
    }

    @Test
    void copiesFromInsideAJar(@TempDir Path work) throws Exception {
        Path classes = Path.of(SampleKnowledgeBase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = work.resolve("sample.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            addToJar(out, classes, classes.resolve("spikebot/knowledge/SampleKnowledgeBase.class"));
            try (Stream<Path> files = Files.walk(classes.resolve("spikebot/sample-kb"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) addToJar(out, classes, file);
            }
        }
        Path target = work.resolve("kb");
        // The platform loader as parent: the class and the sample can come only from the jar.
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> fromJar = loader.loadClass(SampleKnowledgeBase.class.getName());
            assertEquals(loader, fromJar.getClassLoader());
            int copied = (int) fromJar.getMethod("copyTo", Path.class).invoke(null, target);
            assertEquals(SampleKnowledgeBase.paths().size(), copied);
        }
        assertEquals(Files.readString(SOURCE.resolve("spikes/polars-vs-pandas.md")),
                Files.readString(target.resolve("spikes/polars-vs-pandas.md")));
    }

    private static void addToJar(JarOutputStream out, Path root, Path file) throws IOException {
        out.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(file));
        out.closeEntry();
    }
}
