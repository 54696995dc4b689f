package spikebot.index.eval;

import org.junit.jupiter.api.Test;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteFormat;
import spikebot.knowledge.NoteKind;
import spikebot.knowledge.NoteParser;
import spikebot.knowledge.discussion.DiscussionNotes;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForumDiscussionsTest {
    private static final RelatedQuestion BANK = new RelatedQuestion("Q1_R1", 1, "Best bank", "Which bank is best?",
            null, new RelatedQuestion.User("U1", "ankukuma"), Instant.parse("2013-05-02T19:43:00Z"), List.of(
            new RelatedQuestion.Comment("Q1_R1_C1", new RelatedQuestion.User("U2", "Dilgeer"),
                    Instant.parse("2013-05-03T07:23:20Z"), "Commercial bank/IBQ"),
            new RelatedQuestion.Comment("Q1_R1_C2", new RelatedQuestion.User("U3", null), null,
                    "<!-- forum HTML ---\n# not a heading of the note"),
            new RelatedQuestion.Comment("Q1_R1_C3", new RelatedQuestion.User("U2", "Dilgeer"),
                    Instant.parse("2013-05-04T07:00:00Z"), "QNB")));

    @Test
    void aForumThreadIsADiscussionWhoseQuestionIsTheRelatedQuestion() throws Exception {
        Note note = ForumDiscussions.note(BANK, true);
        assertEquals(NoteKind.DISCUSSION, note.kind());
        assertEquals("Best bank", note.title());
        assertEquals("Which bank is best?", DiscussionNotes.question(note));
        assertEquals(List.of("Dilgeer", "ankukuma", "U3"), note.authors());
        List<DiscussionNotes.Post> posts = DiscussionNotes.posts(note);
        assertEquals(4, posts.size());
        assertEquals("\\<!-- forum HTML ---\n# not a heading of the note", posts.get(2).text());
        assertTrue(DiscussionNotes.replies(note).startsWith("> Commercial bank/IBQ"));
        assertEquals(note, NoteParser.parse(NoteFormat.render(note), "Q1_R1.md"));
    }

    @Test
    void withoutRepliesOnlyTheQuestionIsKept() {
        Note note = ForumDiscussions.note(BANK, false);
        assertEquals(1, DiscussionNotes.posts(note).size());
        assertEquals("", DiscussionNotes.replies(note));
        assertEquals(1, note.extra().get("messages"));
    }
}
