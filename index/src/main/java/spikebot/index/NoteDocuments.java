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
import spikebot.knowledge.text.Passages;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    /** Front-matter values that are not title, tags or body (authors, paper, extra keys): searched, weighed least. */
    static final String META = "meta";
    static final List<String> TEXT_FIELDS = List.of(TITLE, TAGS, BODY, META);

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
        doc.add(new TextField(BODY, Passages.indexText(note.body()), Field.Store.YES)); // without markup
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

    private static List<String> metaValues(Note note) {
        java.util.ArrayList<String> values = new java.util.ArrayList<>(note.authors());
        if (note.paper() != null) values.add(note.paper());
        for (Map.Entry<String, Object> e : note.extra().entrySet()) {
            Object value = e.getValue();
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
