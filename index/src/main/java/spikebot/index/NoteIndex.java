package spikebot.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;
import spikebot.index.analysis.NoteAnalyzer;
import spikebot.index.analysis.QuestionAnalyzer;
import spikebot.index.analysis.QuestionWords;
import spikebot.index.analysis.Synonyms;
import spikebot.index.embed.Embeddings;
import spikebot.index.embed.Fusion;
import spikebot.knowledge.FileStamp;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.MalformedNoteException;
import spikebot.knowledge.NoteFile;
import spikebot.knowledge.Problem;

import java.io.Closeable;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Lucene index of a knowledge base: derived from the notes, kept in {@code <kb>/.spikebot/index}, and
 * rebuildable at any time. Safe to use from many threads: searches run on a near-real-time searcher while notes are
 * being added.
 *
 * <p>Opening is cheap and reads no note: {@link #sync()} compares each file's time and size with the stamp stored in
 * the index's doc values and reads only what changed. An index written by an older version of this class (a
 * different {@link #SCHEMA}), or found corrupt, is emptied and filled again by the next sync.
 *
 * <p>Only one process may write the index. When another holds it (the bot is running while someone types
 * {@code spikebot ask}), the index opens {@linkplain #readOnly() read-only}: searches see what the other process
 * last committed, and {@link #sync()}, {@link #rebuild()} and {@link #add} throw {@link IndexBusyException}.
 *
 * <p>Writes throw {@link IOException}; searches, being called from request handlers everywhere, throw
 * {@link UncheckedIOException} on the rare disk failure.
 */
public final class NoteIndex implements Closeable {
    /** Bumped whenever analysis or the document layout changes, so that old indexes are rebuilt, not misread. */
    static final String SCHEMA = "1";
    private static final String SCHEMA_KEY = "spikebot.schema";
    /** Fewer files than this are parsed on the calling thread; more are spread over the cores. */
    private static final int PARALLEL_THRESHOLD = 64;
    /** Autocomplete shows a handful; a prefix like "a" should not make it walk every tag. */
    private static final int MAX_TAGS_EXAMINED = 2000;
    /** Hybrid search blends this many of the best keyword and vector matches. */
    static final int HYBRID_CANDIDATES = 50;
    /** While vectors stream in, they are committed and seen by searches in batches of this many. */
    private static final int VECTORS_PER_REFRESH = 256;

    private final KnowledgeBase kb;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer noteAnalyzer;
    private final Analyzer questionAnalyzer;
    private final QueryPlanner planner;
    private final Snippets snippets;
    private final Optional<Problem> synonymsProblem;
    private final ReentrantLock syncLock = new ReentrantLock();
    /** The model for hybrid search, or null for BM25 alone. Shared, not owned: whoever made it closes it. */
    private final Embeddings embeddings;
    /** Notes indexed without their vector yet, by the version indexed: a vector of an older version is dropped. */
    private final Map<String, FileStamp> awaitingVector = new ConcurrentHashMap<>();
    private final AtomicInteger vectorsSinceRefresh = new AtomicInteger();
    /** Held by the embedding thread while it writes a vector, and by close: a closing index takes no more. */
    private final Object vectorWrites = new Object();
    private boolean closed;

    private NoteIndex(KnowledgeBase kb, Directory directory, IndexWriter writer, SearcherManager searchers,
                      Analyzer noteAnalyzer, Synonyms.Loaded synonyms, Embeddings embeddings) {
        this.kb = kb;
        this.embeddings = embeddings;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.noteAnalyzer = noteAnalyzer;
        this.questionAnalyzer = new QuestionAnalyzer(synonyms.map());
        this.planner = new QueryPlanner(questionAnalyzer, noteAnalyzer,
                new QuestionWords(QuestionAnalyzer.withoutSynonyms()));
        this.snippets = new Snippets(noteAnalyzer);
        this.synonymsProblem = synonyms.problem();
    }

    /**
     * Opens (or creates) the index of a knowledge base. Reads no note; call {@link #sync()} to catch up with the
     * files. Falls back to read-only when another process is writing the index.
     *
     * @throws NoSuchFileException when the knowledge base folder does not exist
     */
    public static NoteIndex open(KnowledgeBase kb) throws IOException {
        return open(kb, null);
    }

    /**
     * Opens the index for hybrid search when {@code embeddings} is given: notes are found by their words at once
     * and by their meaning once the embedding thread has given them a vector; questions use the vectors as soon as
     * the model has loaded, and BM25 alone until then. Notes the index holds without a vector (the process stopped
     * before they got one) get theirs after the next {@link #sync()}.
     *
     * @param embeddings the model, or null for BM25 alone
     */
    public static NoteIndex open(KnowledgeBase kb, Embeddings embeddings) throws IOException {
        if (!Files.isDirectory(kb.root())) {
            throw new NoSuchFileException(kb.root().toString(), null, "knowledge base folder does not exist");
        }
        Path folder = kb.stateDir().resolve("index");
        Files.createDirectories(folder);
        Synonyms.Loaded synonyms = Synonyms.load(kb.stateDir().resolve("synonyms.txt"), ".spikebot/synonyms.txt");
        NoteAnalyzer analyzer = new NoteAnalyzer();
        Directory directory = FSDirectory.open(folder);
        try {
            IndexWriter writer = openWriter(directory, analyzer);
            SearcherManager searchers = new SearcherManager(writer, true, true, new SearcherFactory());
            return new NoteIndex(kb, directory, writer, searchers, analyzer, synonyms, embeddings);
        } catch (LockObtainFailedException busy) {
            try {
                if (!DirectoryReader.indexExists(directory)) {
                    throw new IndexBusyException("the index in " + folder + " is being created by another Spikebot "
                            + "process; try again in a moment");
                }
                return new NoteIndex(kb, directory, null, new SearcherManager(directory, new SearcherFactory()),
                        analyzer, synonyms, embeddings);
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

    /** True when another process writes this index and this one can only search it. */
    public boolean readOnly() {
        return writer == null;
    }

    /** The knowledge base this index is derived from. */
    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /** How many notes the index holds. */
    public int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Brings the index up to date with the notes, reading only files that were added or changed. */
    public SyncReport sync() throws IOException {
        return update(false);
    }

    /** Indexes every note again from scratch. */
    public SyncReport rebuild() throws IOException {
        return update(true);
    }

    private SyncReport update(boolean fromScratch) throws IOException {
        IndexWriter w = writable();
        syncLock.lock();
        try {
            long started = System.nanoTime();
            // Searches keep seeing the old notes during a rebuild: the searcher is refreshed only once it is done.
            if (fromScratch) w.deleteAll();
            else searchers.maybeRefreshBlocking();
            Map<String, FileStamp> indexed = fromScratch ? Map.of() : indexedStamps();
            List<FileStamp> files = scan();
            List<FileStamp> added = new ArrayList<>(), changed = new ArrayList<>();
            for (FileStamp file : files) {
                FileStamp known = indexed.get(file.path());
                if (known == null) added.add(file);
                else if (known.lastModified() != file.lastModified() || known.size() != file.size()) changed.add(file);
            }
            List<Problem> malformed = readAndIndex(w, added, changed);
            Set<String> unreadable = new HashSet<>();
            for (Problem problem : malformed) {
                unreadable.add(problem.path());
                // Its old text must not go on answering questions.
                if (indexed.containsKey(problem.path())) {
                    awaitingVector.remove(problem.path());
                    w.deleteDocuments(NoteDocuments.pathTerm(problem.path()));
                }
            }
            Set<String> present = new HashSet<>();
            for (FileStamp file : files) present.add(file.path());
            int deleted = 0;
            for (String path : indexed.keySet()) {
                if (!present.contains(path)) {
                    awaitingVector.remove(path);
                    w.deleteDocuments(NoteDocuments.pathTerm(path));
                    deleted++;
                }
            }
            int addedOk = (int) added.stream().filter(f -> !unreadable.contains(f.path())).count();
            int changedOk = (int) changed.stream().filter(f -> !unreadable.contains(f.path())).count();
            if (fromScratch || !added.isEmpty() || !changed.isEmpty() || deleted > 0) {
                w.commit();
                searchers.maybeRefreshBlocking();
            }
            if (embeddings != null) queueMissingVectors();
            List<Problem> problems = new ArrayList<>(malformed);
            problems.sort(Comparator.comparing(Problem::path));
            synonymsProblem.ifPresent(p -> problems.add(0, p));
            return new SyncReport(addedOk, changedOk, deleted, problems, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            syncLock.unlock();
        }
    }

    private List<FileStamp> scan() throws IOException {
        try {
            return kb.scan();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Reads and indexes the given files, spread over the cores when there are many (parsing YAML costs about as
     * much as indexing); returns the files that are not notes.
     */
    private List<Problem> readAndIndex(IndexWriter w, List<FileStamp> added, List<FileStamp> changed)
            throws IOException {
        List<FileStamp> files = new ArrayList<>(added);
        files.addAll(changed);
        Set<String> mayExist = new HashSet<>();
        for (FileStamp file : changed) mayExist.add(file.path());
        ConcurrentLinkedQueue<Problem> malformed = new ConcurrentLinkedQueue<>();
        try {
            (files.size() < PARALLEL_THRESHOLD ? files.stream() : files.parallelStream()).forEach(file -> {
                try {
                    index(w, kb.read(file.path()), mayExist.contains(file.path()));
                } catch (MalformedNoteException e) {
                    malformed.add(e.problemIn(file.path()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new ArrayList<>(malformed);
    }

    /**
     * Indexes one note now, replacing any earlier version of the same path; it is found by searches (of this
     * process, and of others once this returns) as soon as this returns.
     */
    public void add(NoteFile file) throws IOException {
        IndexWriter w = writable();
        // Waits for a running sync, which adds new files without looking for an older copy: it must not add this
        // note a second time.
        syncLock.lock();
        try {
            index(w, file, true);
            w.commit();
            searchers.maybeRefreshBlocking();
        } finally {
            syncLock.unlock();
        }
    }

    /**
     * Indexes a note's text now; in hybrid mode, queues its vector, which is added to the document later.
     *
     * @param mayExist false when the index certainly holds no version of this note: adding then skips the delete,
     *                 which is most of the cost of indexing a large knowledge base for the first time
     */
    private void index(IndexWriter w, NoteFile note, boolean mayExist) throws IOException {
        if (embeddings == null) {
            if (mayExist) w.updateDocument(NoteDocuments.pathTerm(note.path()), NoteDocuments.of(note));
            else w.addDocument(NoteDocuments.of(note));
            return;
        }
        // Atomic with attachVector for the same path, so that an older version's vector never lands on a newer text.
        awaitingVector.compute(note.path(), (path, older) -> {
            try {
                w.updateDocument(NoteDocuments.pathTerm(path), NoteDocuments.of(note));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return note.stamp();
        });
        embeddings.submit(() -> attachVector(note));
    }

    /** On the embedding thread: indexes the note again, with its vector, unless it changed or went meanwhile. */
    private void attachVector(NoteFile note) {
        if (!note.stamp().equals(awaitingVector.get(note.path()))) return;
        float[] vector = embeddings.document(note.note().title(), note.note().body());
        synchronized (vectorWrites) {
            if (!closed) storeVector(note, vector);
        }
    }

    private void storeVector(NoteFile note, float[] vector) {
        awaitingVector.computeIfPresent(note.path(), (path, awaited) -> {
            if (!awaited.equals(note.stamp())) return awaited;
            Document doc = NoteDocuments.of(note);
            doc.add(NoteVectors.field(vector));
            try {
                writer.updateDocument(NoteDocuments.pathTerm(path), doc);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
        try {
            // Refreshing and committing per vector would cost more than embedding: in batches, and when the queue
            // is empty. A process stopped halfway keeps what was committed.
            if (embeddings.pending() <= 1 || vectorsSinceRefresh.incrementAndGet() >= VECTORS_PER_REFRESH) {
                writer.commit();
                searchers.maybeRefresh();
                vectorsSinceRefresh.set(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Queues the notes that the index holds without a vector and that are not queued already. */
    private void queueMissingVectors() throws IOException {
        List<String> missing;
        IndexSearcher searcher = searchers.acquire();
        try {
            missing = NoteVectors.missing(searcher);
        } finally {
            searchers.release(searcher);
        }
        missing.removeIf(awaitingVector::containsKey);
        if (missing.isEmpty()) return;
        Map<String, FileStamp> stamps = indexedStamps();
        for (String path : missing) {
            FileStamp indexed = stamps.get(path);
            if (indexed == null || awaitingVector.putIfAbsent(path, indexed) != null) continue;
            embeddings.submit(() -> {
                try {
                    NoteFile note = kb.read(path);
                    if (note.stamp().equals(indexed)) attachVector(note);
                } catch (MalformedNoteException e) {
                    awaitingVector.remove(path, indexed); // the next sync reports and removes it
                }
            });
        }
    }

    /** The stamp of every indexed note, read from doc values: no stored document is loaded. */
    private Map<String, FileStamp> indexedStamps() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
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
        } finally {
            searchers.release(searcher);
        }
    }

    private IndexWriter writable() {
        if (writer == null) {
            throw new IndexBusyException("the index of " + kb.root() + " is in use by another Spikebot process "
                    + "(is the bot running?); searching works, changing the index must wait for it to stop");
        }
        return writer;
    }

    /**
     * The notes that best answer a question, best first. A question made only of asking words ("has anyone tried
     * this?") finds nothing; a blank question lists the newest notes that pass the filters.
     */
    public List<Hit> search(SearchRequest request) {
        return search(request, hit -> true, request.limit(), true);
    }

    /**
     * As {@link #search(SearchRequest)}, for callers that drop some hits (notes the reader may not see, weak
     * matches): the best {@code request.limit()} notes are looked at, each shown to {@code keep} before its snippet
     * is made (its snippet is then empty), and the first {@code atMost} it accepts are returned with their snippets.
     * Highlighting is most of a search's time, so dropped hits should not pay for it.
     *
     * @param byMeaning false ranks by words alone even when the model is ready: embedding a question costs about
     *                  twice as much as searching it, so a caller with a backlog of questions may trade the vectors
     *                  for answering them all in time
     */
    public List<Hit> search(SearchRequest request, Predicate<Hit> keep, int atMost, boolean byMeaning) {
        QueryPlan plan = planner.plan(request.text());
        boolean listing = request.text().isBlank();
        if (plan.isEmpty() && !listing) return List.of();
        return withSearcher(searcher -> {
            Query text = listing ? new MatchAllDocsQuery() : plan.query();
            BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
            List<Query> filters = filters(request);
            for (Query filter : filters) query.add(filter, BooleanClause.Occur.FILTER);
            Map<Integer, Float> similarity = new HashMap<>();
            ScoreDoc[] top = listing
                    ? searcher.search(query.build(), request.limit(),
                    new Sort(new SortedNumericSortField(NoteDocuments.DATE, SortField.Type.LONG, true))).scoreDocs
                    : rank(searcher, query.build(), filters, request, similarity, byMeaning);
            QueryPlan.Coverage coverage = listing ? null : plan.coverage(searcher);
            var stored = searcher.storedFields();
            List<Hit> hits = new ArrayList<>(top.length);
            for (ScoreDoc scoreDoc : top) {
                Document doc = stored.document(scoreDoc.doc);
                float relevance = listing ? 1f : Math.max(coverage.of(scoreDoc.doc),
                        NoteVectors.relevance(similarity.getOrDefault(scoreDoc.doc, 0f)));
                float score = listing ? 0f : scoreDoc.score;
                if (!keep.test(NoteDocuments.hit(doc, score, relevance, Snippet.EMPTY)) || hits.size() >= atMost) {
                    continue;
                }
                Snippet snippet = snippets.of(text, doc.get(NoteDocuments.TITLE), doc.get(NoteDocuments.BODY));
                hits.add(NoteDocuments.hit(doc, score, relevance, snippet));
            }
            return hits;
        });
    }

    /**
     * BM25 alone, or, once the model is ready, BM25 and the nearest vectors blended ({@link Fusion}). Both sides
     * take the same filters; each contributes its best {@link #HYBRID_CANDIDATES}. Fills {@code similarity} with the
     * cosine of each nearest note, for its relevance.
     */
    private ScoreDoc[] rank(IndexSearcher searcher, Query keyword, List<Query> filters, SearchRequest request,
                            Map<Integer, Float> similarity, boolean byMeaning) throws IOException {
        Optional<float[]> vector = embeddings == null || !byMeaning ? Optional.empty()
                : embeddings.query(request.text());
        if (vector.isEmpty()) return searcher.search(keyword, request.limit()).scoreDocs;
        int candidates = Math.max(request.limit(), HYBRID_CANDIDATES);
        Query filter = null;
        if (!filters.isEmpty()) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (Query f : filters) all.add(f, BooleanClause.Occur.FILTER);
            filter = all.build();
        }
        ScoreDoc[] words = searcher.search(keyword, candidates).scoreDocs;
        ScoreDoc[] meaning = searcher.search(
                new KnnFloatVectorQuery(NoteVectors.FIELD, vector.get(), candidates, filter), candidates).scoreDocs;
        // Lucene scores a unit-vector dot product as (1 + cosine) / 2.
        for (ScoreDoc d : meaning) similarity.put(d.doc, 2 * d.score - 1);
        List<ScoreDoc> fused = Fusion.blend(words, meaning, Fusion.SEMANTIC_WEIGHT,
                doc -> NoteVectors.has(searcher, doc));
        return fused.subList(0, Math.min(request.limit(), fused.size())).toArray(ScoreDoc[]::new);
    }

    /** The request's filters as queries; package-private for {@link NoteListing}. */
    static List<Query> filters(SearchRequest request) {
        List<Query> filters = new ArrayList<>();
        if (request.kind() != null) filters.add(new TermQuery(new Term(NoteDocuments.KIND, request.kind().id())));
        if (blankToNull(request.tag()) != null) {
            filters.add(new TermQuery(new Term(NoteDocuments.TAG, NoteDocuments.lower(request.tag()))));
        }
        if (blankToNull(request.author()) != null) {
            filters.add(new TermQuery(new Term(NoteDocuments.AUTHOR, NoteDocuments.lower(request.author()))));
        }
        if (blankToNull(request.outcome()) != null) {
            String outcome = NoteDocuments.lower(request.outcome()).replace(' ', '-');
            filters.add(new TermQuery(new Term(NoteDocuments.OUTCOME, outcome)));
        }
        if (request.since() != null || request.until() != null) {
            long from = request.since() == null ? Long.MIN_VALUE : request.since().toEpochDay();
            long to = request.until() == null ? Long.MAX_VALUE : request.until().toEpochDay();
            filters.add(LongField.newRangeQuery(NoteDocuments.DATE, from, to));
        }
        return filters;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Tags that start with a prefix (any case), most used first: for autocompletion. */
    public List<String> tags(String prefix, int limit) {
        String start = prefix == null ? "" : NoteDocuments.lower(prefix);
        return withSearcher(searcher -> {
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), NoteDocuments.TAG);
            if (terms == null || limit <= 0) return List.of();
            Map<String, Integer> counts = new LinkedHashMap<>();
            TermsEnum each = terms.iterator();
            BytesRef wanted = new BytesRef(start);
            if (each.seekCeil(wanted) == TermsEnum.SeekStatus.END) return List.of();
            int examined = 0;
            for (BytesRef term = each.term(); term != null && examined < MAX_TAGS_EXAMINED; term = each.next()) {
                String tag = term.utf8ToString();
                if (!tag.startsWith(start)) break;
                examined++;
                // docFreq counts deleted notes until segments merge; a tag must not outlive its notes.
                int count = searcher.count(new TermQuery(new Term(NoteDocuments.TAG, tag)));
                if (count > 0) counts.put(tag, count);
            }
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .map(Map.Entry::getKey)
                    .toList();
        });
    }

    @FunctionalInterface
    interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Runs work on a current searcher; package-private for {@link NoteListing}. */
    <T> T withSearcher(SearcherWork<T> work) {
        try {
            // Read-only: pick up what the writing process committed since; a cheap check when nothing did.
            if (writer == null) searchers.maybeRefresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (vectorWrites) {
            closed = true; // vectors still being embedded are dropped; the next sync queues them again
        }
        IOUtils.close(searchers, writer, directory, noteAnalyzer, questionAnalyzer);
    }
}
