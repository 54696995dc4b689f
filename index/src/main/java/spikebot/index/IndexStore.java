package spikebot.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOUtils;
import spikebot.knowledge.FileStamp;
import spikebot.knowledge.KnowledgeBase;

import java.io.Closeable;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The index's files on disk and the two ways into them: the one {@link IndexWriter} (absent when another process
 * holds the write lock) and the near-real-time searchers. Knows how to open what it finds there, whatever state it
 * is in: a corrupt or half-written index, or one of an older {@link #SCHEMA}, is emptied (it is derived data, the
 * next sync fills it again) rather than handed to a person to repair; a locked one is opened read-only.
 *
 * <p>Kept apart from {@link NoteIndex} so that the rules for getting at the index (who may write, how a reader sees
 * another process's commits, how an I/O failure surfaces in a search) live in one place; the classes that sync,
 * search and back-fill vectors only use it.
 */
final class IndexStore implements Closeable {
    /** Bumped whenever analysis or the document layout changes, so that old indexes are rebuilt, not misread. */
    /**
     * 2: the body is stored and indexed as {@code Passages.indexText} (no markup), and embedded the same way.
     * 3: a discussion's opening message and replies are fields of their own, its messages stored for snippets.
     * 4: a note's body is searched with its code blocks whole ({@code Passages.searchText}), stored as before.
     */
    private static final String SCHEMA = "4";
    private static final String SCHEMA_KEY = "spikebot.schema";

    private final Path kbRoot;
    private final Directory directory;
    /** Null when another process writes the index: this one can only search it. */
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private IndexStore(Path kbRoot, Directory directory, IndexWriter writer, SearcherManager searchers) {
        this.kbRoot = kbRoot;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
    }

    /**
     * Opens (or creates) the index of a knowledge base, in {@code <kb>/.spikebot/index}, read-only when another
     * process holds its write lock.
     *
     * @throws IndexBusyException when another process holds the lock and has not committed a first index yet
     */
    static IndexStore open(KnowledgeBase kb, Analyzer analyzer) throws IOException {
        Path folder = kb.stateDir().resolve("index");
        Files.createDirectories(folder);
        Directory directory = FSDirectory.open(folder);
        try {
            IndexWriter writer = openWriter(directory, analyzer);
            SearcherManager searchers = new SearcherManager(writer, true, true, new SearcherFactory());
            return new IndexStore(kb.root(), directory, writer, searchers);
        } catch (LockObtainFailedException busy) {
            try {
                if (!DirectoryReader.indexExists(directory)) {
                    throw new IndexBusyException("the index in " + folder + " is being created by another Spikebot "
                            + "process; try again in a moment");
                }
                SearcherManager searchers = new SearcherManager(directory, new SearcherFactory());
                return new IndexStore(kb.root(), directory, null, searchers);
            } catch (IOException | RuntimeException e) {
                IOUtils.closeWhileHandlingException(directory);
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(directory);
            throw e;
        }
    }

    private static IndexWriter openWriter(Directory directory, Analyzer analyzer) throws IOException {
        IndexWriter writer;
        try {
            writer = new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException
                 | NoSuchFileException | FileNotFoundException | EOFException unreadable) {
            // Derived data: start again rather than ask a person to repair it. A file the commit names may be
            // missing or short after a crash or a full disk: that too is an index to rebuild.
            for (String file : directory.listAll()) directory.deleteFile(file);
            writer = new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.CREATE));
        }
        String schema = null;
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) for (Map.Entry<String, String> e : data) if (e.getKey().equals(SCHEMA_KEY)) schema = e.getValue();
        if (!SCHEMA.equals(schema)) {
            writer.deleteAll();
            writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA).entrySet());
            writer.commit();
        }
        return writer;
    }

    private static IndexWriterConfig config(Analyzer analyzer, IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(analyzer)
                .setOpenMode(mode)
                .setRAMBufferSizeMB(64)
                .setCommitOnClose(true);
    }

    boolean readOnly() {
        return writer == null;
    }

    /** The writer, for changing the index; throws {@link IndexBusyException} when this process may not. */
    IndexWriter writable() {
        if (writer == null) {
            throw new IndexBusyException("the index of " + kbRoot + " is in use by another Spikebot process "
                    + "(is the bot running?); searching works, changing the index must wait for it to stop");
        }
        return writer;
    }

    /** Commits what was written and makes it visible to the next search; waits for the new searcher. */
    void commitAndRefresh() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** Makes what was written visible to the next search, waiting for it. */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /**
     * As {@link #commitAndRefresh()} without waiting when another thread is refreshing already: for the embedding
     * thread, whose vectors may show up a moment later.
     */
    void commitAndMaybeRefresh() throws IOException {
        writer.commit();
        searchers.maybeRefresh();
    }

    @FunctionalInterface
    interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /**
     * Runs work on the current searcher and releases it. Searches are called from request handlers everywhere, so
     * the rare disk failure surfaces as {@link UncheckedIOException}. Read-only, it first picks up what the writing
     * process committed since: a cheap check when nothing was.
     */
    <T> T withSearcher(SearcherWork<T> work) {
        try {
            if (writer == null) searchers.maybeRefresh();
            return withCurrentSearcher(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #withSearcher}, for writers' bookkeeping: no refresh, and I/O failures stay checked. */
    <T> T withCurrentSearcher(SearcherWork<T> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /** The stamp of every indexed note, read from doc values: no stored document is loaded. */
    Map<String, FileStamp> indexedStamps() throws IOException {
        return withCurrentSearcher(searcher -> {
            Map<String, FileStamp> stamps = new HashMap<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                SortedDocValues paths = leaf.reader().getSortedDocValues(NoteDocuments.PATH);
                NumericDocValues modified = leaf.reader().getNumericDocValues(NoteDocuments.MODIFIED);
                NumericDocValues sizes = leaf.reader().getNumericDocValues(NoteDocuments.SIZE);
                if (paths == null || modified == null || sizes == null) continue;
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = paths.nextDoc(); doc != SortedDocValues.NO_MORE_DOCS; doc = paths.nextDoc()) {
                    if (live != null && !live.get(doc)) continue;
                    String path = paths.lookupOrd(paths.ordValue()).utf8ToString();
                    long time = modified.advanceExact(doc) ? modified.longValue() : -1;
                    long size = sizes.advanceExact(doc) ? sizes.longValue() : -1;
                    stamps.put(path, new FileStamp(path, time, size));
                }
            }
            return stamps;
        });
    }

    /** Closes the searchers, then the writer (which commits and waits for running merges), then the files. */
    @Override
    public void close() throws IOException {
        IOUtils.close(searchers, writer, directory);
    }
}
