package spikebot.index;

import org.apache.lucene.util.IOUtils;
import spikebot.index.analysis.NoteAnalyzer;
import spikebot.index.analysis.Synonyms;
import spikebot.index.embed.Embeddings;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.NoteFile;
import spikebot.knowledge.Problem;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * The Lucene index of a knowledge base: derived from the notes, kept in {@code <kb>/.spikebot/index}, and
 * rebuildable at any time. Safe to use from many threads: searches run on a near-real-time searcher while notes are
 * being added.
 *
 * <p>Opening is cheap and reads no note: {@link #sync()} compares each file's time and size with the stamp stored in
 * the index's doc values and reads only what changed. An index written by an older version of this class, or found
 * corrupt, is emptied and filled again by the next sync.
 *
 * <p>Only one process may write the index. When another holds it (the bot is running while someone types
 * {@code spikebot ask}), the index opens {@linkplain #readOnly() read-only}: searches see what the other process
 * last committed, and {@link #sync()}, {@link #rebuild()} and {@link #add} throw {@link IndexBusyException}.
 *
 * <p>Writes throw {@link IOException}; searches, being called from request handlers everywhere, throw
 * {@link UncheckedIOException} on the rare disk failure.
 *
 * <p>This class only wires the parts together and keeps the public API small; each part has one job:
 * {@link IndexStore} (opening, recovery, read-only), {@link IndexSync} (catching up with the folder),
 * {@link VectorBackfill} (vectors after text, hybrid only), {@link NoteSearch} (ranking and snippets) and
 * {@link TagSuggestions}.
 */
public final class NoteIndex implements Closeable {
    private final KnowledgeBase kb;
    private final NoteAnalyzer noteAnalyzer;
    private final IndexStore store;
    /** Null without a model. */
    private final VectorBackfill vectors;
    private final IndexSync sync;
    private final NoteSearch search;
    private final TagSuggestions tags;
    /** Lines of the team's synonyms file left out, as this index read it when it opened. */
    private final List<Problem> settingsProblems;

    private NoteIndex(KnowledgeBase kb, NoteAnalyzer noteAnalyzer, IndexStore store, Synonyms.Loaded synonyms,
                      Embeddings embeddings) {
        this.kb = kb;
        this.noteAnalyzer = noteAnalyzer;
        this.store = store;
        this.vectors = embeddings == null ? null : new VectorBackfill(kb, store, embeddings);
        this.sync = new IndexSync(kb, store, vectors);
        this.settingsProblems = synonyms.problems();
        this.search = new NoteSearch(store, noteAnalyzer, synonyms, embeddings);
        this.tags = new TagSuggestions(store);
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
        Synonyms.Loaded synonyms = Synonyms.load(kb.stateDir().resolve("synonyms.txt"), ".spikebot/synonyms.txt");
        NoteAnalyzer analyzer = new NoteAnalyzer();
        try {
            return new NoteIndex(kb, analyzer, IndexStore.open(kb, analyzer), synonyms, embeddings);
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(analyzer);
            throw e;
        }
    }

    /** True when another process writes this index and this one can only search it. */
    public boolean readOnly() {
        return store.readOnly();
    }

    /** The knowledge base this index is derived from. */
    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /**
     * Lines of the team's own search settings ({@code .spikebot/synonyms.txt}) that were left out, each with its
     * line and why; the rest of the file applies. Read when the index opens: reopen to pick up an edit.
     */
    public List<Problem> settingsProblems() {
        return settingsProblems;
    }

    /** How many notes the index holds. */
    public int size() {
        return store.withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Brings the index up to date with the notes, reading only files that were added or changed. */
    public SyncReport sync() throws IOException {
        return sync.update(false, SyncProgress.NONE);
    }

    /** As {@link #sync()}, telling {@code progress} as files are read (for a person waiting on a large folder). */
    public SyncReport sync(SyncProgress progress) throws IOException {
        return sync.update(false, progress);
    }

    /** Indexes every note again from scratch. */
    public SyncReport rebuild() throws IOException {
        return sync.update(true, SyncProgress.NONE);
    }

    /** As {@link #rebuild()}, telling {@code progress} as files are read. */
    public SyncReport rebuild(SyncProgress progress) throws IOException {
        return sync.update(true, progress);
    }

    /**
     * Indexes one note now, replacing any earlier version of the same path; it is found by searches (of this
     * process, and of others once this returns) as soon as this returns.
     */
    public void add(NoteFile file) throws IOException {
        sync.add(file);
    }

    /**
     * Indexes several notes (replacing earlier versions of their paths) and forgets the notes at {@code removed},
     * in one commit: a batch of captured discussions costs one disk sync, not one per note.
     */
    public void update(List<NoteFile> written, List<String> removed) throws IOException {
        sync.update(List.copyOf(written), List.copyOf(removed));
    }

    /**
     * The notes that best answer a question, best first, with their snippets: for callers that show every hit. A
     * question made only of asking words ("has anyone tried this?") finds nothing; a blank question lists the newest
     * notes that pass the filters.
     */
    public List<Hit> search(SearchRequest request) {
        return search(request, SearchTimings.NONE);
    }

    /** As {@link #search(SearchRequest)}, adding the time each stage took to {@code timings}: for the bench. */
    public List<Hit> search(SearchRequest request, SearchTimings timings) {
        return search.search(request, timings);
    }

    /**
     * The best {@code request.limit()} notes for a question, best first, without snippets, for callers that drop
     * some (notes the reader may not see, weak matches) before showing the rest with {@link #snippets}. Holds
     * nothing once it returns. A caller that drops many should ask for more than it will show.
     *
     * @param mode {@link SearchMode#BM25} ranks by words alone even when the model is ready: embedding a question
     *             costs about twice as much as searching it, so a caller with a backlog of questions may trade the
     *             vectors for answering them all in time. {@link SearchMode#HYBRID} blends in meaning when this
     *             index was opened with a model and it has loaded, and is BM25 otherwise
     */
    public List<Candidate> candidates(SearchRequest request, SearchMode mode) {
        return search.candidates(request, mode, SearchTimings.NONE);
    }

    /**
     * The kept candidates of {@link #candidates} for the same request, in their order, each with the passage of
     * the note that best shows why it answers (the question's words marked).
     */
    public List<Hit> snippets(SearchRequest request, List<Candidate> kept) {
        return search.snippets(request, kept, SearchTimings.NONE);
    }

    /** Tags that start with a prefix (any case), most used first: for autocompletion. */
    public List<String> tags(String prefix, int limit) {
        return tags.startingWith(prefix, limit);
    }

    @Override
    public void close() throws IOException {
        if (vectors != null) vectors.close();
        IOUtils.close(store, noteAnalyzer, search);
    }

    /** Runs {@code work} on the current searcher; package-private for {@link NoteListing}. */
    <T> T withSearcher(IndexStore.SearcherWork<T> work) {
        return store.withSearcher(work);
    }
}
