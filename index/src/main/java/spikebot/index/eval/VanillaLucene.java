package spikebot.index.eval;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline anyone gets from Lucene out of the box: {@link EnglishAnalyzer}, default BM25, subject and body in
 * one field, the question parsed as plain words. No tuning: it is what Spikebot's own search must beat.
 */
public final class VanillaLucene implements Retriever {
    private static final String ID = "id";
    private static final String TEXT = "text";

    private final EnglishAnalyzer analyzer = new EnglishAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private DirectoryReader reader;
    private IndexSearcher searcher;

    @Override
    public void index(Pool pool) throws Exception {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (RelatedQuestion r : pool.documents()) {
                Document doc = new Document();
                doc.add(new StringField(ID, r.id(), Field.Store.YES));
                doc.add(new TextField(TEXT, r.subject() + "\n" + r.body(), Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    @Override
    public List<Scored> search(OriginalQuestion question, int limit) throws Exception {
        QueryParser parser = new QueryParser(TEXT, analyzer);
        var query = parser.parse(QueryParser.escape(question.subject() + " " + question.body()));
        List<Scored> hits = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(query, limit).scoreDocs) {
            hits.add(new Scored(searcher.storedFields().document(sd.doc).get(ID), sd.score));
        }
        return hits;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) reader.close();
        directory.close();
        analyzer.close();
    }
}
