package spikebot.index.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotesEvalTest {
    @TempDir
    Path dir;

    private Path write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void readsQuestionsWithTheirRelevantNotes() throws IOException {
        Path questions = write("q.tsv", """
                # comment
                q1\tcoll\ttune\thow do I undo a commit
                q2\tcoll\treport\tcurl with a bearer token
                """);
        Path gold = write("g.tsv", "q1\tgit/undo.md\nq1\tgit/reset.md\n\nq2\tcurl/token.md\n");
        List<NoteQuestion> read = NoteQuestion.read(questions, gold);
        assertEquals(2, read.size());
        assertEquals(new NoteQuestion("q1", "coll", NoteQuestion.Half.TUNE, "how do I undo a commit",
                Set.of("git/undo.md", "git/reset.md")), read.get(0));
        assertEquals(NoteQuestion.Half.REPORT, read.get(1).half());
    }

    @Test
    void badLinesAreNamedWithFileAndLine() throws IOException {
        Path gold = write("g.tsv", "q1\ta.md\n");
        var wrongHalf = assertThrows(IllegalArgumentException.class,
                () -> NoteQuestion.read(write("q.tsv", "q1\tc\tlater\ttext\n"), gold));
        assertTrue(wrongHalf.getMessage().contains("q.tsv:1") && wrongHalf.getMessage().contains("tune or report"),
                wrongHalf.getMessage());
        var missingField = assertThrows(IllegalArgumentException.class,
                () -> NoteQuestion.read(write("q.tsv", "q1\tc\ttune\n"), gold));
        assertTrue(missingField.getMessage().contains("expected 4"), missingField.getMessage());
        var unknown = assertThrows(IllegalArgumentException.class,
                () -> NoteQuestion.read(write("q.tsv", "q1\tc\ttune\ttext\n"), write("g.tsv", "q9\ta.md\n")));
        assertTrue(unknown.getMessage().contains("no question with id q9"), unknown.getMessage());
        var unanswered = assertThrows(IllegalArgumentException.class, () -> NoteQuestion.read(
                write("q.tsv", "q1\tc\ttune\ttext\nq2\tc\ttune\tmore\n"), write("g.tsv", "q1\ta.md\n")));
        assertTrue(unanswered.getMessage().contains("question q2"), unanswered.getMessage());
    }

    @Test
    void ranksTheRelevantNoteOfEachQuestionInItsOwnCollection() throws Exception {
        write("notes/til/git/undo.md", "# Undo the last commit\n\nUse git reset --soft HEAD~1 to take it back.\n");
        write("notes/til/curl/token.md", "# Send a bearer token\n\ncurl -H 'Authorization: Bearer TOKEN' URL\n");
        write("notes/til/docker/prune.md", "# Clean up docker\n\ndocker system prune removes stopped containers.\n");
        write("notes/adr/0001-kafka.md", "# Use Kafka for events\n\nWe chose Kafka over RabbitMQ for replay.\n");
        Path questions = write("q.tsv", """
                q1\ttil\ttune\ttake back my last git commit
                q2\ttil\treport\tauthorization header with curl
                q3\ttil\ttune\tnothing matches this whatsoever
                q4\tadr\treport\twhy kafka and not rabbitmq
                """);
        Path gold = write("g.tsv", "q1\tgit/undo.md\nq2\tcurl/token.md\nq3\tdocker/prune.md\nq4\t0001-kafka.md\n");

        NotesEval.Report report = NotesEval.run(dir.resolve("notes"), NoteQuestion.read(questions, gold), null,
                line -> { });

        assertEquals(Map.of("til", 3, "adr", 1), report.notesIndexed());
        Map<String, Integer> ranks = new java.util.HashMap<>();
        for (NotesEval.Answer a : report.answers()) ranks.put(a.question().id(), a.rank());
        assertEquals(Map.of("q1", 1, "q2", 1, "q3", 0, "q4", 1), ranks);
        NotesEval.Figures tune = report.figures(a -> a.question().half() == NoteQuestion.Half.TUNE);
        assertEquals(new NotesEval.Figures(2, 1, 1, 0.5), tune);
        assertEquals(new NotesEval.Figures(4, 3, 3, 0.75), report.figures(a -> true));
    }

    @Test
    void aMissingCollectionFolderIsNamed() throws IOException {
        Path questions = write("q.tsv", "q1\tnowhere\ttune\ttext\n");
        Path gold = write("g.tsv", "q1\ta.md\n");
        Files.createDirectories(dir.resolve("notes"));
        var e = assertThrows(NoSuchFileException.class,
                () -> NotesEval.run(dir.resolve("notes"), NoteQuestion.read(questions, gold), null, line -> { }));
        assertTrue(e.getFile().endsWith("nowhere"), e.getFile());
    }

    @Test
    void theCommittedLabelledSetReads() throws Exception {
        Path questions = resource("/realnotes/questions.tsv");
        Path gold = resource("/realnotes/gold.tsv");
        List<NoteQuestion> read = NoteQuestion.read(questions, gold);
        assertTrue(read.size() >= 60, "at least 60 questions: " + read.size());
        assertTrue(NotesEval.collections(read).size() >= 3);
        for (NoteQuestion.Half half : NoteQuestion.Half.values()) {
            assertTrue(read.stream().filter(q -> q.half() == half).count() >= 30, half + " half too small");
        }
    }

    private Path resource(String name) throws IOException {
        try (InputStream in = NotesEvalTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, name + " missing");
            return Files.write(dir.resolve(Path.of(name).getFileName()), in.readAllBytes());
        }
    }
}
