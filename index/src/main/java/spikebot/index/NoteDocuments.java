package spikebot.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteFile;
import spikebot.knowledge.NoteKind;
import spikebot.knowledge.discussion.DiscussionNotes;
import spikebot.knowledge.text.Passages;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a note is laid out in the index: which fields are searched as text, which are filtered on exactly, which are
 * stored for showing a hit, and the file stamp kept in doc values so that a restart can tell changed files from
 * unchanged ones without reading a single note.
 */
final class NoteDocuments {
    /** Relative path: the note's identity, also in doc values for {@link NoteIndex#sync()}. */
    static final String PATH = "path";
    static final String MODIFIED = "modified";
    static final String SIZE = "size";

    /** Searched as text. */
    static final String TITLE = "title";
    static final String TAGS = "tags";
    static final String BODY = "body";
    /**
     * A discussion's opening message: the problem it asks about, weighed between a title and a body. A discussion
     * has no {@link #BODY}: its opening message is here and its replies in {@link #REPLIES}, so that each weighs
     * as what it is ({@link Concept}).
     */
    static final String QUESTION = "question";
    /** A discussion's replies. */
    static final String REPLIES = "replies";
    /** Front-matter values that are not title, tags or body (authors, paper, extra keys): searched, weighed least. */
    static final String META = "meta";
    static final List<String> TEXT_FIELDS = List.of(TITLE, TAGS, QUESTION, BODY, REPLIES, META);

    /** Filtered on exactly; lower case where people type them. */
    static final String KIND = "kind";
    static final String TAG = "tag";
    static final String AUTHOR = "author";
    static final String OUTCOME = "outcome";
    static final String CHANNEL = "channel";
    /** Epoch day: filter by range, sort by recency. */
    static final String DATE = "date";

    /** Stored only. */
    static final String AUTHORS = "authors";
    static final String LINK = "link";
    /**
     * A discussion's messages for its snippet, stored only: each message as its author's name, a line break, and
     * its {@code Passages.indexText}, the messages apart by {@link #POST_SEPARATOR}, so that a snippet can show the
     * one message that matches best with who wrote it ({@link Snippets}). Left-out messages are not in it.
     */
    static final String POSTS = "posts";
    /** Between the messages in {@link #POSTS}: a control character no message keeps ({@code DiscussionNotes}). */
    static final char POST_SEPARATOR = '\u001E';
    /** Extra keys of a discussion that are ids, counts and times, not words of it: not searched. */
    private static final Set<String> DISCUSSION_IDS = Set.of("guild", "channel", "thread", "updated", "messages");

    private NoteDocuments() {
    }

    static Term pathTerm(String path) {
        return new Term(PATH, path);
    }

    static String lower(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    static Document of(NoteFile file) {
        Note note = file.note();
        Document doc = new Document();
        doc.add(new StringField(PATH, file.path(), Field.Store.YES));
        doc.add(new SortedDocValuesField(PATH, new BytesRef(file.path())));
        doc.add(new NumericDocValuesField(MODIFIED, file.lastModified()));
        doc.add(new NumericDocValuesField(SIZE, file.size()));

        doc.add(new TextField(TITLE, note.title(), Field.Store.YES));
        for (String tag : note.tags()) {
            doc.add(new TextField(TAGS, tag, Field.Store.NO));
            doc.add(new StringField(TAG, lower(tag), Field.Store.YES));
        }
        if (note.kind() == NoteKind.DISCUSSION) {
            addDiscussion(doc, DiscussionNotes.posts(note));
        } else {
            // Without markup; searched with its code whole, stored for snippets with code cut short.
            doc.add(new TextField(BODY, Passages.searchText(note.body()), Field.Store.NO));
            doc.add(new StoredField(BODY, Passages.indexText(note.body())));
        }
        for (String value : metaValues(note)) doc.add(new TextField(META, value, Field.Store.NO));

        doc.add(new StringField(KIND, note.kind().id(), Field.Store.YES));
        for (String author : note.authors()) {
            doc.add(new StringField(AUTHOR, lower(author), Field.Store.NO));
            doc.add(new StoredField(AUTHORS, author));
        }
        if (note.outcome() != null) doc.add(new StringField(OUTCOME, lower(note.outcome()), Field.Store.YES));
        if (note.date() != null) doc.add(new LongField(DATE, note.date().toEpochDay(), Field.Store.YES));
        if (note.link() != null) doc.add(new StoredField(LINK, note.link()));
        String channel = note.extraText("channel");
        if (channel != null && !channel.isBlank()) doc.add(new StringField(CHANNEL, channel.strip(), Field.Store.YES));
        return doc;
    }

    /** The opening message as the question, the rest as replies, and the messages for snippets. */
    private static void addDiscussion(Document doc, List<DiscussionNotes.Post> posts) {
        StringBuilder replies = new StringBuilder();
        StringBuilder stored = new StringBuilder();
        for (int i = 0; i < posts.size(); i++) {
            String text = Passages.indexText(posts.get(i).text()).replace(POST_SEPARATOR, ' ');
            if (text.isEmpty()) continue;
            if (i == 0) {
                doc.add(new TextField(QUESTION, text, Field.Store.NO));
            } else {
                if (!replies.isEmpty()) replies.append(Passages.SEPARATOR);
                replies.append(text);
            }
            if (!stored.isEmpty()) stored.append(POST_SEPARATOR);
            String author = posts.get(i).author().replaceAll("\\s+", " ").replace(POST_SEPARATOR, ' ').strip();
            stored.append(author).append('\n').append(text);
        }
        if (!replies.isEmpty()) doc.add(new TextField(REPLIES, replies.toString(), Field.Store.NO));
        if (!stored.isEmpty()) doc.add(new StoredField(POSTS, stored.toString()));
    }

    /**
     * The text a note's vector is made from: its body without markup; for a discussion, its opening message alone
     * (with the title, which the embedder adds). The question is what a later, similar question resembles; replies
     * wander ("thanks", side remarks) and pulled the vector away: on SemEval's tuning set (train part 2) hybrid
     * rerank MAP was 0.8005 with the opening message alone against 0.7813 with the replies after it (retrieve
     * 0.468 against 0.472, within noise). The replies are still searched by their words ({@link #REPLIES}).
     */
    static String embeddingText(Note note) {
        if (note.kind() != NoteKind.DISCUSSION) return Passages.indexText(note.body());
        return Passages.indexText(DiscussionNotes.question(note));
    }

    /** What a snippet of the stored note is cut from: the body; a discussion's messages. */
    static String snippetText(Document doc, NoteKind kind) {
        return doc.get(kind == NoteKind.DISCUSSION ? POSTS : BODY);
    }

    private static List<String> metaValues(Note note) {
        java.util.ArrayList<String> values = new java.util.ArrayList<>(note.authors());
        if (note.paper() != null) values.add(note.paper());
        boolean discussion = note.kind() == NoteKind.DISCUSSION;
        for (Map.Entry<String, Object> e : note.extra().entrySet()) {
            Object value = e.getValue();
            if (discussion && DISCUSSION_IDS.contains(e.getKey())) continue;
            if (value != null && !(value instanceof Map) && !(value instanceof List) && !e.getKey().equals("channel")) {
                values.add(value.toString());
            }
            if (value instanceof List<?> list) { // aliases, categories, deciders: words of the note too
                for (Object item : list) {
                    if (item != null && !(item instanceof Map || item instanceof List)) values.add(item.toString());
                }
            }
        }
        return values;
    }

    /** The parts of a hit that come from the stored note; the caller adds score, relevance and snippet. */
    static Hit hit(Document doc, float score, float relevance, Snippet snippet) {
        String kindId = doc.get(KIND);
        NoteKind kind = NoteKind.parse(kindId).orElse(NoteKind.NOTE);
        var date = doc.getField(DATE);
        return new Hit(doc.get(PATH), kind, doc.get(TITLE), doc.get(OUTCOME), List.of(doc.getValues(AUTHORS)),
                date == null ? null : LocalDate.ofEpochDay(date.numericValue().longValue()),
                score, relevance, snippet, doc.get(LINK), doc.get(CHANNEL));
    }
}
