package spikebot.knowledge;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnowledgeBaseTest {
    @TempDir
    Path dir;

    @Nested
    class Loading {
        @Test
        void reportsEveryMalformedNoteWithFileLineAndReasonAndLoadsTheRest() throws IOException {
            write("spikes/polars.md", NoteParserTest.ISSUE_EXAMPLE);
            write("solutions/deep/gpu.md", "# How we fixed the GPU queue\nbody");
            write("paper-checks/tabnet.markdown", "---\nkind: paper-check\ntitle: TabNet\n---\nbody");
            write("spikes/unclosed.md", "---\nkind: spike\ntitle: never closed\n");
            write("spikes/bad-yaml.md", "---\nkind: spike\ntitle: Polars vs Pandas: again\n---\n");
            write("spikes/bad-kind.md", "---\ntitle: x\n\nkind: experiment\n---\n");
            write("spikes/bad-outcome.md", "---\nkind: spike\noutcome: reproduced\n---\n");
            Files.write(dir.resolve("latin1.md"), "# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
            Files.write(dir.resolve("huge.md"), new byte[(int) KnowledgeBase.MAX_NOTE_BYTES + 1]);
            // Never read as notes: hidden folders and files, other extensions.
            write(".spikebot/index/notes.md", "---\nbroken");
            write(".git/README.md", "# not a note");
            write("spikes/.polars.md.swp", "x");
            write("spikes/.draft.md", "---\nbroken");
            write("data.csv", "a,b");

            LoadReport report = new KnowledgeBase(dir).load();

            // A value that cannot be read costs that value and a warning, not the note (issue 13).
            assertEquals(List.of("paper-checks/tabnet.markdown", "solutions/deep/gpu.md", "spikes/bad-kind.md",
                            "spikes/bad-outcome.md", "spikes/polars.md"),
                    report.notes().stream().map(NoteFile::path).toList());
            assertEquals("How we fixed the GPU queue", report.notes().get(1).note().title());
            assertEquals(List.of(
                    "spikes/bad-kind.md:4: unknown kind 'experiment' (expected one of spike, paper-check, solution, "
                            + "decision, discussion, note); read as a plain note",
                    "spikes/bad-outcome.md:3: outcome 'reproduced' does not fit kind spike (expected one of go, "
                            + "no-go, shelved, needs-more-time); the note is read without it"),
                    report.warnings().stream().map(Problem::toString).toList());
            assertEquals(List.of(
                    "huge.md: file is 2048 KB, larger than the 2 MB a note may be",
                    "latin1.md:1: not UTF-8 text (first bad byte at offset 5): a binary file, or text saved in "
                            + "another encoding; save it as UTF-8",
                    "spikes/bad-yaml.md:3: front matter is not valid YAML: mapping values are not allowed here (a "
                            + "': ' inside a value? put the value in quotes; or a line indented by mistake?)",
                    "spikes/unclosed.md:1: front matter starts with '---' but has no closing '---' line"),
                    report.problems().stream().map(Problem::toString).toList());
        }

        @Test
        void symbolicLinksAreReportedNeverFollowedAndAliasesInsideSkippedQuietly() throws IOException {
            Path outside = Files.createDirectories(dir.resolve("outside"));
            Files.writeString(outside.resolve("secret.md"), "# secret\nTOKEN=hunter2");
            Path kb = Files.createDirectories(dir.resolve("kb"));
            Files.writeString(kb.resolve("good.md"), "# good");
            Files.createSymbolicLink(kb.resolve("leak.md"), outside.resolve("secret.md"));
            Files.createSymbolicLink(kb.resolve("passwd.md"), Path.of("/etc/passwd"));
            Files.createSymbolicLink(kb.resolve("alias.md"), kb.resolve("good.md"));
            Files.createSymbolicLink(kb.resolve("README.md"), Path.of("good.md")); // relative, as in an ADR folder
            Files.createSymbolicLink(kb.resolve("same-folder"), kb);
            Files.createDirectories(kb.resolve(".hidden"));
            Files.writeString(kb.resolve(".hidden/state.md"), "# state");
            Files.createSymbolicLink(kb.resolve("state.md"), kb.resolve(".hidden/state.md"));
            Files.createSymbolicLink(kb.resolve("dangling.md"), kb.resolve("nowhere.md"));
            Files.createSymbolicLink(kb.resolve("shared"), outside);

            KnowledgeBase base = new KnowledgeBase(kb);
            LoadReport report = base.load();

            assertEquals(List.of("good.md"), report.notes().stream().map(NoteFile::path).toList());
            // alias.md, README.md and same-folder lead to notes read under their own names: skipped quietly.
            assertEquals(Set.of("dangling.md", "leak.md", "passwd.md", "shared", "state.md"),
                    report.problems().stream().map(Problem::path).collect(Collectors.toSet()));
            assertTrue(report.problems().stream().allMatch(p -> p.reason().startsWith("symbolic link")),
                    report.problems().toString());
            // Asked directly (a stale index, a crafted path), the answer is the same.
            assertThrows(MalformedNoteException.class, () -> base.read("shared/secret.md"));
            assertThrows(MalformedNoteException.class, () -> base.read("leak.md"));
        }

        @Test
        void aKnowledgeBaseThatIsItselfALinkIsRead() throws IOException {
            Path real = Files.createDirectories(dir.resolve("real"));
            Files.writeString(real.resolve("a.md"), "# A");
            Path link = Files.createSymbolicLink(dir.resolve("link"), real);

            LoadReport report = new KnowledgeBase(link).load();

            assertEquals(List.of("a.md"), report.notes().stream().map(NoteFile::path).toList());
            assertTrue(report.problems().isEmpty(), report.problems().toString());
        }

        @Test
        void oddFileNamesAreReadAndReportedOnOneLine() throws IOException {
            List<String> names = List.of("with space.md", "ünïcødé 数据.md", "-rf.md", "--help.md",
                    "x".repeat(250) + ".md", "UPPER.MD");
            for (String name : names) write(name, "# " + name);
            write("line\nbreak.md", "---\nbroken");

            LoadReport report = new KnowledgeBase(dir).load();

            assertEquals(names.stream().sorted().toList(),
                    report.notes().stream().map(NoteFile::path).sorted().toList());
            assertEquals("line\\u000Abreak.md:1: front matter starts with '---' but has no closing '---' line",
                    report.problems().getFirst().toString());
        }

        @Test
        void specialFilesAreReportedNotOpened() throws Exception {
            Path fifo = dir.resolve("pipe.md");
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
            if (mkfifo.waitFor() != 0) return; // no mkfifo here: nothing to test
            LoadReport report = new KnowledgeBase(dir).load();
            assertEquals(List.of("pipe.md: not a regular file"),
                    report.problems().stream().map(Problem::toString).toList());
        }

        @Test
        void aMissingFolderIsAClearError() {
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> new KnowledgeBase(dir.resolve("nope")).scan());
            assertTrue(e.getMessage().contains("knowledge base folder does not exist"), e.getMessage());
        }

        @Test
        void scanSeesChangesWithoutReading() throws IOException {
            write("a.md", "# A");
            KnowledgeBase base = new KnowledgeBase(dir);
            FileStamp before = base.scan().getFirst();
            write("a.md", "# A, longer now");
            FileStamp after = base.scan().getFirst();
            assertEquals("a.md", after.path());
            assertTrue(after.size() > before.size());
        }
    }

    @Nested
    class Writing {
        @Test
        void writesUnderTheKindFolderAndReadsBackTheSameNote() throws Exception {
            KnowledgeBase base = new KnowledgeBase(dir);
            Note note = NoteParser.parse(NoteParserTest.ISSUE_EXAMPLE, "x.md");

            NoteFile written = base.write(note);

            assertEquals("spikes/evaluate-polars-as-a-pandas-replacement-for-the-feature.md", written.path());
            assertEquals(note, written.note());
            assertEquals(NoteFormat.render(note), Files.readString(dir.resolve(written.path())));
            assertEquals(note, base.read(written.path()).note());
            assertEquals(written.stamp(), base.scan().getFirst(), "the stamp lets the index skip re-reading it");
            assertEquals(List.of(written.path()), listFiles(), "no temporary file is left");
        }

        @Test
        void neverOverwrites() throws Exception {
            KnowledgeBase base = new KnowledgeBase(dir);
            write("solutions/fix-oom.md", "hand-written, must survive");

            NoteFile first = base.write(Note.of(NoteKind.SOLUTION, "Fix OOM", "one"));
            NoteFile second = base.write(Note.of(NoteKind.SOLUTION, "Fix: OOM!", "two"));

            assertEquals("solutions/fix-oom-2.md", first.path());
            assertEquals("solutions/fix-oom-3.md", second.path());
            assertEquals("hand-written, must survive", Files.readString(dir.resolve("solutions/fix-oom.md")));
            assertEquals("one", base.read(first.path()).note().body());
            assertEquals("two", base.read(second.path()).note().body());
        }

        @Test
        @Timeout(60)
        void concurrentWritersOfTheSameTitleGetOneFileEach() throws Exception {
            KnowledgeBase base = new KnowledgeBase(dir);
            int writers = 8;
            int each = 25;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                results.add(pool.submit(() -> {
                    List<String> paths = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        paths.add(base.write(Note.of(NoteKind.SPIKE, "Same title", writer + "/" + i)).path());
                    }
                    return paths;
                }));
            }
            Set<String> paths = new HashSet<>();
            for (Future<List<String>> result : results) paths.addAll(result.get());
            pool.shutdown();

            assertEquals(writers * each, paths.size(), "every write got its own file");
            Set<String> bodies = new HashSet<>();
            for (String path : paths) bodies.add(base.read(path).note().body());
            assertEquals(writers * each, bodies.size(), "and no write replaced another");
            assertEquals(writers * each, listFiles().size(), "no temporary file is left");
        }

        @Test
        @Timeout(60)
        void aReaderNeverSeesAHalfWrittenNote() throws Exception {
            KnowledgeBase base = new KnowledgeBase(dir);
            String big = "findings ".repeat(100_000) + "END";
            AtomicBoolean writing = new AtomicBoolean(true);
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                while (writing.get()) {
                    if (!Files.isDirectory(dir.resolve("spikes"))) continue;
                    LoadReport report = base.load();
                    if (!report.problems().isEmpty()) seen.add("problem: " + report.problems());
                    for (NoteFile file : report.notes()) {
                        if (!file.note().body().endsWith("END")) seen.add("partial: " + file.path());
                    }
                }
            });
            reader.start();
            for (int i = 0; i < 40; i++) base.write(Note.of(NoteKind.SPIKE, "Big " + i, big));
            writing.set(false);
            reader.join();

            assertEquals(List.of(), seen);
            assertEquals(40, base.load().notes().size());
        }

        @Test
        void theNoteGetsTheUsualPermissionsNotThoseOfATemporaryFile() throws Exception {
            Path folder = Files.createDirectories(dir.resolve("spikes"));
            Path ordinary = Files.createFile(folder.resolve("ordinary.txt"));
            NoteFile written = new KnowledgeBase(dir).write(Note.of(NoteKind.SPIKE, "T", "b"));
            assertEquals(Files.getPosixFilePermissions(ordinary),
                    Files.getPosixFilePermissions(dir.resolve(written.path())));
        }

        @ParameterizedTest
        @ValueSource(strings = {"../../etc/passwd", "/etc/passwd", "..", ".", "a\0b", "🚀🔥", "数据",
                "-rf --no-preserve-root", "spikes/../../x", "\n"})
        void noTitleEscapesTheKindFolder(String title) throws Exception {
            KnowledgeBase base = new KnowledgeBase(dir);
            NoteFile written = base.write(Note.of(NoteKind.SPIKE, title.isBlank() ? "x" + title : title, "b"));
            assertTrue(written.path().matches("spikes/[a-z0-9]+(-[a-z0-9]+)*\\.md"), written.path());
            assertEquals(List.of(written.path()), listFiles());
        }

        @Test
        void refusesToWriteThroughALinkedKindFolder() throws Exception {
            Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
            Path kb = Files.createDirectories(dir.resolve("kb"));
            Files.createSymbolicLink(kb.resolve("spikes"), elsewhere);
            IOException e = assertThrows(IOException.class,
                    () -> new KnowledgeBase(kb).write(Note.of(NoteKind.SPIKE, "T", "b")));
            assertTrue(e.getMessage().startsWith("spikes/ in the knowledge base is a symbolic link"), e.getMessage());
            try (Stream<Path> files = Files.list(elsewhere)) {
                assertEquals(0, files.count());
            }
        }

        @Test
        void veryLongTitlesGiveShortFileNames() throws Exception {
            NoteFile written = new KnowledgeBase(dir).write(Note.of(NoteKind.PAPER_CHECK, "long ".repeat(2000), ""));
            assertTrue(written.path().length() < 80, written.path());
            assertEquals("long ".repeat(2000).strip(), new KnowledgeBase(dir).read(written.path()).note().title());
        }

        @Test
        void scanningRemovesLeftoversOfInterruptedWritesOnlyWhenOld() throws Exception {
            Path old = write("spikes/.evaluate-polars-1a2b.tmp", "half a no");
            Path fresh = write("spikes/.fix-oom-3c4d.tmp", "a write going on now");
            Path oldState = write(".spikebot/.passive-channels.json-5e6f.tmp", "[\"12");
            Path oldSpike = write(".spikebot/spikes/.ab12.json-7a8b.tmp", "{");
            Path lucene = write(".spikebot/index/.lucene-own.tmp", "not ours");
            Path visible = write("spikes/draft.tmp", "a person's file, not a leftover");
            Path note = write("spikes/note.md", "# note");
            for (Path p : List.of(old, oldState, oldSpike, lucene, visible, note)) {
                Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(KnowledgeBase.UNFINISHED_AFTER)
                        .minusSeconds(5)));
            }

            List<FileStamp> scanned = new KnowledgeBase(dir).scan();

            assertEquals(List.of("spikes/note.md"), scanned.stream().map(FileStamp::path).toList());
            assertFalse(Files.exists(old));
            assertFalse(Files.exists(oldState));
            assertFalse(Files.exists(oldSpike));
            assertTrue(Files.exists(fresh), "may be a write going on in another process");
            assertTrue(Files.exists(lucene), "the index folder is Lucene's");
            assertTrue(Files.exists(visible));
            assertTrue(Files.exists(note));
        }
    }

    @Nested
    class Resolving {
        @ParameterizedTest
        @ValueSource(strings = {"../x.md", "/etc/passwd", "spikes/../../x.md", "", ".", "spikes/..", "a\0b.md"})
        void refusesPathsOutsideTheKnowledgeBase(String path) {
            KnowledgeBase base = new KnowledgeBase(dir);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> base.resolve(path));
            assertTrue(e.getMessage().startsWith("path '"), e.getMessage());
            assertFalse(e.getMessage().contains("\0"), "the message prints on one line");
        }

        @Test
        void acceptsPathsInside() {
            KnowledgeBase base = new KnowledgeBase(dir);
            assertEquals(dir.toAbsolutePath().resolve("spikes/a.md"), base.resolve("spikes/a.md"));
            assertEquals(dir.toAbsolutePath().resolve("b.md"), base.resolve("spikes/../b.md"));
        }

        @Test
        void readNamesTheNoteByItsNormalPath() throws Exception {
            write("spikes/a.md", "# A");
            assertEquals("spikes/a.md", new KnowledgeBase(dir).read("spikes/../spikes/a.md").path());
        }

        @Test
        void stateLivesInAHiddenFolder() {
            KnowledgeBase base = new KnowledgeBase(dir);
            assertEquals(dir.toAbsolutePath().resolve(".spikebot"), base.stateDir());
            assertFalse(KnowledgeBase.isNoteFileName(".spikebot"));
        }
    }

    @Test
    void readFailsClearlyForAFileThatVanished() {
        MalformedNoteException e = assertThrows(MalformedNoteException.class,
                () -> new KnowledgeBase(dir).read("gone.md"));
        assertEquals("file no longer exists", e.getMessage());
    }

    @Test
    void utf8WithByteOrderMarkIsRead() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "---\ntitle: Café\n---\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, bytes, 0, 3);
        System.arraycopy(text, 0, bytes, 3, text.length);
        Files.write(dir.resolve("bom.md"), bytes);
        assertEquals("Café", new KnowledgeBase(dir).read("bom.md").note().title());
        assertArrayEquals(bytes, Files.readAllBytes(dir.resolve("bom.md")), "reading changes nothing");
        Files.write(dir.resolve("utf16.md"), "\uFEFF# x".getBytes(StandardCharsets.UTF_16));
        assertEquals("UTF-16 text: save the file as UTF-8", assertThrows(MalformedNoteException.class,
                () -> new KnowledgeBase(dir).read("utf16.md")).getMessage());
    }

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private List<String> listFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
