package spikebot.bot.hardening;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import spikebot.index.NoteIndex;
import spikebot.index.SearchRequest;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteKind;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5, "nothing lost": the index is derived data. Whatever a crash, a full disk or a careless hand leaves of it,
 * the next start opens it and catches up with the notes without help.
 */
class IndexRecoveryTest {
    private static final int NOTES = 30;

    @TempDir
    Path dir;

    enum Damage {
        /** Every file cut to half its length, as a crash in the middle of writing each one would leave it. */
        TRUNCATED,
        /** Every file emptied, as a power loss before the data reached the disk can leave it. */
        EMPTIED,
        /** Random bytes in place of every file. */
        GARBAGE,
        /** The commit point is gone, the segments it named are still there. */
        COMMIT_POINT_DELETED,
        /** The commit point is there, a file it names is gone. */
        SEGMENT_FILE_DELETED,
        /** Random bytes in place of the commit point only. */
        COMMIT_POINT_GARBAGE,
        /** The whole index folder is gone. */
        FOLDER_DELETED
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedIndexIsRebuiltFromTheNotesOnTheNextOpen(Damage damage) throws IOException {
        KnowledgeBase kb = new KnowledgeBase(Files.createDirectories(dir.resolve("kb")));
        for (int i = 0; i < NOTES; i++) {
            kb.write(Note.of(NoteKind.SOLUTION, "Recovered note " + i + " about " + word(i), "Body of " + word(i)));
        }
        try (NoteIndex index = NoteIndex.open(kb)) {
            index.sync();
            assertEquals(NOTES, index.size());
        }

        damage(kb.stateDir().resolve("index"), damage);

        try (NoteIndex index = NoteIndex.open(kb)) {
            index.sync();
            assertEquals(NOTES, index.size(), "every note is back in the index");
            for (int i = 0; i < NOTES; i++) {
                String word = word(i);
                assertTrue(index.search(SearchRequest.of(word)).stream()
                        .anyMatch(hit -> hit.title().endsWith(word)), "found " + word + " after " + damage);
            }
        }
    }

    private static void damage(Path folder, Damage damage) throws IOException {
        Random random = new Random(damage.ordinal());
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> !p.getFileName().toString().equals("write.lock")).sorted().toList();
        }
        Path commit = files.stream().filter(p -> p.getFileName().toString().startsWith("segments_")).findFirst()
                .orElseThrow();
        switch (damage) {
            case TRUNCATED -> {
                for (Path f : files) {
                    try (FileChannel channel = FileChannel.open(f, StandardOpenOption.WRITE)) {
                        channel.truncate(channel.size() / 2);
                    }
                }
            }
            case EMPTIED -> {
                for (Path f : files) Files.write(f, new byte[0]);
            }
            case GARBAGE -> {
                for (Path f : files) Files.write(f, bytes(random, (int) Math.max(1, Files.size(f))));
            }
            case COMMIT_POINT_DELETED -> Files.delete(commit);
            case SEGMENT_FILE_DELETED -> Files.delete(files.stream().filter(p -> !p.equals(commit))
                    .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow());
            case COMMIT_POINT_GARBAGE -> Files.write(commit, bytes(random, (int) Files.size(commit)));
            case FOLDER_DELETED -> {
                for (Path f : files) Files.delete(f);
                Files.deleteIfExists(folder.resolve("write.lock"));
                Files.delete(folder);
            }
        }
    }

    private static byte[] bytes(Random random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A distinct made-up word per note. */
    private static String word(int i) {
        return "zx" + (char) ('a' + i % 26) + (char) ('a' + i / 26) + "qlorp";
    }
}
