package spikebot.index.bench;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import spikebot.knowledge.Note;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The same notes in plain Lucene, as anyone gets it out of the box: {@link EnglishAnalyzer}, BM25, title and body in
 * one field, the question parsed as plain words, the best {@link #TOP} read back by id, no snippet, no synonyms,
 * no relevance. The bench times it beside Spikebot's search to tell Spikebot's own cost from the machine's.
 *
 * <p>The recipe of the evaluation's {@link spikebot.index.eval.VanillaLucene}, but on disk in a memory-mapped
 * directory like Spikebot's own index (the evaluation's pool fits in memory, 100,000 notes should not be compared
 * from a heap against a page cache), and fed notes rather than forum threads.
 */
final class VanillaBaseline implements Closeable {
    /** As many as an answer shows. */
    static final int TOP = 5;
    private static final String ID = "id";
    private static final String TEXT = "text";

    private final EnglishAnalyzer analyzer;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private VanillaBaseline(EnglishAnalyzer analyzer, Directory directory, DirectoryReader reader) {
        this.analyzer = analyzer;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
    }

    /**
     * Indexes the first {@code count} notes of {@code notes} into {@code folder}, waits for the merges (as the bench
     * does for Spikebot's index) and opens the searcher.
     */
    static VanillaBaseline of(Path folder, SyntheticNotes notes, int count, Bench.Progress progress)
            throws IOException {
        EnglishAnalyzer analyzer = new EnglishAnalyzer();
        Directory directory = FSDirectory.open(folder);
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64))) {
            for (int i = 0; i < count; i++) {
                Note note = notes.next();
                Document doc = new Document();
                doc.add(new StoredField(ID, String.valueOf(i)));
                doc.add(new TextField(TEXT, note.title() + "\n" + note.body(), Field.Store.NO));
                writer.addDocument(doc);
                if (i % 500 == 0) progress.update("indexing in plain Lucene", (double) i / count);
            }
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(directory, analyzer);
            throw e;
        }
        return new VanillaBaseline(analyzer, directory, DirectoryReader.open(directory));
    }

    /** The ids of the best {@link #TOP} notes. */
    List<String> search(String question) throws IOException {
        try {
            var query = new QueryParser(TEXT, analyzer).parse(QueryParser.escape(question));
            StoredFields stored = searcher.storedFields();
            List<String> ids = new ArrayList<>(TOP);
            for (ScoreDoc sd : searcher.search(query, TOP).scoreDocs) ids.add(stored.document(sd.doc).get(ID));
            return ids;
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot parse the question '" + question + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        IOUtils.close(reader, directory, analyzer);
    }
}
