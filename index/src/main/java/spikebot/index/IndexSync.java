package spikebot.index;

import org.apache.lucene.index.IndexWriter;
import spikebot.knowledge.FileStamp;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.MalformedNoteException;
import spikebot.knowledge.NoteFile;
import spikebot.knowledge.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the index in step with the folder of notes. A sync compares each file's time and size with the stamp the
 * index keeps in doc values and reads only what was added or changed, so that a restart over 100,000 unchanged
 * notes reads none of them; notes added by the bot itself go in one at a time through {@link #add}.
 *
 * <p>One writer at a time: a sync and an {@link #add} never run together (a sync adds new files without looking
 * for an older copy, which a concurrent add could have written). Searches go on meanwhile on the last refreshed
 * searcher.
 */
final class IndexSync {
    /** Fewer files than this are parsed on the calling thread; more are spread over the cores. */
    private static final int PARALLEL_THRESHOLD = 64;

    private final KnowledgeBase kb;
    private final IndexStore store;
    /** Null without a model: notes are indexed by their words alone. */
    private final VectorBackfill vectors;
    private final ReentrantLock syncLock = new ReentrantLock();

    IndexSync(KnowledgeBase kb, IndexStore store, VectorBackfill vectors) {
        this.kb = kb;
        this.store = store;
        this.vectors = vectors;
    }

    /** Catches up with the folder; from scratch deletes everything first (searches see the old notes until done). */
    SyncReport update(boolean fromScratch, SyncProgress progress) throws IOException {
        IndexWriter w = store.writable();
        syncLock.lock();
        try {
            long started = System.nanoTime();
            // Searches keep seeing the old notes during a rebuild: the searcher is refreshed only once it is done.
            if (fromScratch) w.deleteAll();
            else store.refresh();
            Map<String, FileStamp> indexed = fromScratch ? Map.of() : store.indexedStamps();
            List<FileStamp> files = scan();
            List<FileStamp> added = new ArrayList<>(), changed = new ArrayList<>();
            for (FileStamp file : files) {
                FileStamp known = indexed.get(file.path());
                if (known == null) added.add(file);
                else if (known.lastModified() != file.lastModified() || known.size() != file.size()) changed.add(file);
            }
            List<Problem> malformed = readAndIndex(w, added, changed, progress);
            Set<String> unreadable = new HashSet<>();
            for (Problem problem : malformed) {
                unreadable.add(problem.path());
                // Its old text must not go on answering questions.
                if (indexed.containsKey(problem.path())) remove(w, problem.path());
            }
            Set<String> present = new HashSet<>();
            for (FileStamp file : files) present.add(file.path());
            int deleted = 0;
            for (String path : indexed.keySet()) {
                if (!present.contains(path)) {
                    remove(w, path);
                    deleted++;
                }
            }
            int addedOk = (int) added.stream().filter(f -> !unreadable.contains(f.path())).count();
            int changedOk = (int) changed.stream().filter(f -> !unreadable.contains(f.path())).count();
            if (fromScratch || !added.isEmpty() || !changed.isEmpty() || deleted > 0) store.commitAndRefresh();
            if (vectors != null) vectors.queueMissing();
            List<Problem> problems = new ArrayList<>(malformed);
            problems.sort(Comparator.comparing(Problem::path));
            return new SyncReport(addedOk, changedOk, deleted, problems, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            syncLock.unlock();
        }
    }

    /** Indexes one note now, replacing any earlier version, and makes it searchable before returning. */
    void add(NoteFile file) throws IOException {
        IndexWriter w = store.writable();
        // Waits for a running sync, which adds new files without looking for an older copy: it must not add this
        // note a second time.
        syncLock.lock();
        try {
            index(w, file, true);
            store.commitAndRefresh();
        } finally {
            syncLock.unlock();
        }
    }

    /** Indexes these notes and forgets those paths, in one commit, searchable before returning. */
    void update(List<NoteFile> written, List<String> removed) throws IOException {
        IndexWriter w = store.writable();
        syncLock.lock(); // as in add(): a running sync must not add these a second time
        try {
            for (NoteFile file : written) index(w, file, true);
            for (String path : removed) remove(w, path);
            store.commitAndRefresh();
        } finally {
            syncLock.unlock();
        }
    }

    private void remove(IndexWriter w, String path) throws IOException {
        if (vectors != null) vectors.forget(path);
        w.deleteDocuments(NoteDocuments.pathTerm(path));
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
    private List<Problem> readAndIndex(IndexWriter w, List<FileStamp> added, List<FileStamp> changed,
                                       SyncProgress progress) throws IOException {
        List<FileStamp> files = new ArrayList<>(added);
        files.addAll(changed);
        Set<String> mayExist = new HashSet<>();
        for (FileStamp file : changed) mayExist.add(file.path());
        ConcurrentLinkedQueue<Problem> malformed = new ConcurrentLinkedQueue<>();
        AtomicInteger read = new AtomicInteger();
        try {
            (files.size() < PARALLEL_THRESHOLD ? files.stream() : files.parallelStream()).forEach(file -> {
                try {
                    index(w, kb.read(file.path()), mayExist.contains(file.path()));
                } catch (MalformedNoteException e) {
                    malformed.add(e.problemIn(file.path()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                progress.read(read.incrementAndGet(), files.size());
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new ArrayList<>(malformed);
    }

    /**
     * Indexes a note's text now; in hybrid mode, queues its vector, which is added to the document later.
     *
     * @param mayExist false when the index certainly holds no version of this note: adding then skips the delete,
     *                 which is most of the cost of indexing a large knowledge base for the first time
     */
    private void index(IndexWriter w, NoteFile note, boolean mayExist) throws IOException {
        if (vectors != null) {
            vectors.index(w, note);
        } else if (mayExist) {
            w.updateDocument(NoteDocuments.pathTerm(note.path()), NoteDocuments.of(note));
        } else {
            w.addDocument(NoteDocuments.of(note));
        }
    }
}
