package spikebot.index.embed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The embedding model as a search index needs it: never in the way. The model loads on a background thread (about
 * a second), and until it is ready {@link #query} answers empty, so a search falls back to BM25 instead of waiting.
 * Notes are embedded one at a time on a single background thread, in the order they were submitted, and each
 * vector is handed to a callback that stores it: a new or edited note is found by its words at once and by its
 * meaning a few tens of milliseconds later. One worker thread with a one-thread model leaves the other core to the
 * searches.
 */
public final class Embeddings implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Embeddings.class);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "spikebot-embeddings");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final CompletableFuture<Embedder> model = new CompletableFuture<>();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Future<?> last = CompletableFuture.completedFuture(null);
    /** Where notes' vectors come from instead of the model (a benchmark's stand-in), or null for the model. */
    private final BiFunction<String, String, float[]> documents;

    private Embeddings(Supplier<Embedder> loader, BiFunction<String, String, float[]> documents) {
        this.documents = documents;
        worker.execute(() -> {
            try {
                model.complete(loader.get());
            } catch (RuntimeException | Error e) {
                log.warn("embedding model failed to load; search stays keyword-only: {}", e.toString());
                model.completeExceptionally(e);
            }
        });
    }

    /** Starts loading the model in the background and returns at once. */
    public static Embeddings start(Supplier<Embedder> loader) {
        return new Embeddings(loader, null);
    }

    /**
     * For benchmarks only: questions are embedded by the model, notes get their vectors from {@code documents}
     * (title, text → unit vector). Embedding a hundred thousand notes with the model takes over an hour; this
     * measures answer time over that many vectors without waiting for it.
     */
    public static Embeddings start(Supplier<Embedder> loader, BiFunction<String, String, float[]> documents) {
        return new Embeddings(loader, documents);
    }

    /** The bundled model with its default settings, loading in the background. */
    public static Embeddings start() {
        return start(Embedder::load);
    }

    /** Whether queries get vectors yet. */
    public boolean ready() {
        return model.isDone() && !model.isCompletedExceptionally();
    }

    /** The question's vector, or empty while the model is still loading (or failed to load). */
    public Optional<float[]> query(String question) {
        return ready() ? Optional.of(model.join().embedQuery(question)) : Optional.empty();
    }

    /** Embeds a document in the calling thread, waiting for the model if needed. */
    public float[] document(String title, String text) {
        if (documents != null) return documents.apply(title, text);
        return model.join().embedDocument(title, text);
    }

    /**
     * Queues work for the embedding thread (typically: read a note, {@link #document} it, store the vector), after
     * the work queued before it. A job that fails is logged and skipped, so that one note does not stop the others.
     * Does nothing once the model has failed to load.
     */
    public void submit(Runnable job) {
        if (model.isCompletedExceptionally()) return;
        pending.incrementAndGet();
        last = worker.submit(() -> {
            try {
                if (awaitModel()) job.run();
            } catch (RuntimeException e) {
                log.warn("could not embed or store a note's vector: {}", e.toString());
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    /** Documents queued and not yet embedded. */
    public int pending() {
        return pending.get();
    }

    /** Waits until every job submitted so far has run (for tools and tests, not for answering). */
    public void awaitIdle() throws InterruptedException {
        while (pending.get() > 0) {
            try {
                last.get(1, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // the task itself logs; keep waiting for the queue to drain
            }
        }
    }

    /** Waits for the model to load; false when it could not be loaded. */
    public boolean awaitModel() {
        try {
            model.join();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ready()) model.join().close();
    }
}
