package spikebot.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import spikebot.index.embed.Embeddings;
import spikebot.knowledge.FileStamp;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.MalformedNoteException;
import spikebot.knowledge.NoteFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives indexed notes their embedding vector, on the embedding thread, after their text: a note is found by its
 * words the moment it is indexed, and by its meaning once the model has embedded it (a second or so per note on a
 * laptop, hours for a large folder). Only in hybrid mode; without a model there is no back-fill.
 *
 * <p>Lucene cannot add one field to a stored document, so a vector arrives by indexing the whole note again. The
 * danger is a vector computed for an old version landing on a newer text: {@link #awaitingVector} remembers which
 * version each note waits for, and a vector of any other version is dropped. A note the process stopped before
 * embedding is found by {@link #queueMissing()} after the next sync.
 */
final class VectorBackfill {
    /** While vectors stream in, they are committed and seen by searches in batches of this many. */
    private static final int VECTORS_PER_REFRESH = 256;

    private final KnowledgeBase kb;
    private final IndexStore store;
    /** Shared, not owned: whoever made it closes it. */
    private final Embeddings embeddings;
    /** Notes indexed without their vector yet, by the version indexed: a vector of an older version is dropped. */
    private final Map<String, FileStamp> awaitingVector = new ConcurrentHashMap<>();
    private final AtomicInteger vectorsSinceRefresh = new AtomicInteger();
    /** Held by the embedding thread while it writes a vector, and by close: a closing index takes no more. */
    private final Object vectorWrites = new Object();
    private boolean closed;

    VectorBackfill(KnowledgeBase kb, IndexStore store, Embeddings embeddings) {
        this.kb = kb;
        this.store = store;
        this.embeddings = embeddings;
    }

    /** Indexes a note's text now, replacing any older version, and queues its vector. */
    void index(IndexWriter w, NoteFile note) {
        // Atomic with storeVector for the same path, so that an older version's vector never lands on a newer text.
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

    /** The note is gone from the index (deleted, or no longer readable): a vector still coming for it is dropped. */
    void forget(String path) {
        awaitingVector.remove(path);
    }

    /** Queues the notes that the index holds without a vector and that are not queued already. */
    void queueMissing() throws IOException {
        List<String> missing = store.withCurrentSearcher(NoteVectors::missing);
        missing.removeIf(awaitingVector::containsKey);
        if (missing.isEmpty()) return;
        Map<String, FileStamp> stamps = store.indexedStamps();
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

    /** On the embedding thread: indexes the note again, with its vector, unless it changed or went meanwhile. */
    private void attachVector(NoteFile note) {
        if (!note.stamp().equals(awaitingVector.get(note.path()))) return;
        // The text the body field holds: vectors see no markup either (table pipes, HTML, Liquid, wiki links).
        float[] vector = embeddings.document(note.note().title(), NoteDocuments.embeddingText(note.note()));
        synchronized (vectorWrites) {
            if (!closed) storeVector(note, vector);
        }
    }

    private void storeVector(NoteFile note, float[] vector) {
        IndexWriter writer = store.writable();
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
                store.commitAndMaybeRefresh();
                vectorsSinceRefresh.set(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Vectors still being embedded are dropped; the next sync queues them again. */
    void close() {
        synchronized (vectorWrites) {
            closed = true;
        }
    }
}
