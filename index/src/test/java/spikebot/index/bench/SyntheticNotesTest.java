package spikebot.index.bench;

import org.junit.jupiter.api.Test;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteFormat;
import spikebot.knowledge.NoteParser;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticNotesTest {
    @Test
    void notesAreValidVariedAndRepeatable() throws Exception {
        SyntheticNotes a = new SyntheticNotes(7), b = new SyntheticNotes(7);
        Set<String> titles = new HashSet<>(), kinds = new HashSet<>(), questions = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            Note note = a.next();
            assertEquals(note, b.next());
            // Every note survives the trip through the file format the knowledge base reads.
            Note read = NoteParser.parse(NoteFormat.render(note), "n.md");
            assertEquals(note.title(), read.title());
            assertEquals(note.outcome(), read.outcome());
            titles.add(note.title());
            kinds.add(note.kind().id());
            questions.add(a.question());
            b.question();
        }
        assertEquals(Set.of("spike", "paper-check", "solution"), kinds);
        assertTrue(titles.size() > 1200, "only " + titles.size() + " distinct titles");
        assertTrue(questions.size() > 1000, "only " + questions.size() + " distinct questions");
    }
}
