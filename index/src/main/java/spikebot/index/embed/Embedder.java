package spikebot.index.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Turns text into a vector with BGE-small-en-v1.5 (quantized), run in-process by ONNX Runtime from the model file
 * that its Maven artifact bundles: nothing is downloaded, ever.
 *
 * <p>Three things about this model shape the class. ONNX Runtime's stock session spreads every call over all cores,
 * which on a small machine starves the searches running beside a background embedding job, so the session here
 * gets a fixed number of threads. BGE's tokenizer does not stop at 128 tokens (MiniLM's does): a long note would
 * be cut in 510-token windows and each window paid for, so documents are cut to their first
 * {@value #DOCUMENT_WORDS} words, where a note's title and problem statement are. And BGE was trained with an
 * instruction in front of short retrieval queries; whether it helps for question-to-question matching is measured
 * on the benchmark, hence {@link #queryPrefix}.
 *
 * <p>Nothing here touches the network: the tokenizer's library (DJL) is told to stay offline and not to send its
 * telemetry.
 */
public final class Embedder implements AutoCloseable {
    public static final int DIMENSION = 384;
    /** Words of a document that are embedded: the title and opening, which say what the note is about. */
    public static final int DOCUMENT_WORDS = 160;
    /** BGE's instruction for short queries that look for passages. */
    public static final String BGE_QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    static {
        // DJL, which brings the tokenizer, otherwise "calls home": it probes the EC2 metadata address and sends
        // telemetry. Offline mode also forbids it to download anything; its native library is in its jar.
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.offline", "true");
    }

    private static final String MODEL = "bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";

    private final OrtSession session;
    private final Model model;
    private final String queryPrefix;

    private Embedder(OrtSession session, OnnxBertBiEncoder encoder, String queryPrefix) {
        this.session = session;
        this.model = new Model(encoder);
        this.queryPrefix = queryPrefix;
    }

    /**
     * Loads the model from the class path (about a second).
     *
     * @param threads     threads ONNX Runtime may use for one call
     * @param queryPrefix put in front of every query ("" for none)
     */
    public static Embedder load(int threads, String queryPrefix) {
        try (InputStream modelStream = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = environment.createSession(modelStream.readAllBytes(), options);
            return new Embedder(session, new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS), queryPrefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model: " + e.getMessage(), e);
        }
    }

    /** The default set-up: one thread per call, BGE's query instruction. */
    public static Embedder load() {
        return load(1, BGE_QUERY_INSTRUCTION);
    }

    /** A note's vector: its title and the opening of its text. Unit length. */
    public float[] embedDocument(String title, String text) {
        return embed(cut(title + "\n" + text, DOCUMENT_WORDS));
    }

    /** A question's vector. Unit length. */
    public float[] embedQuery(String question) {
        return embed(queryPrefix + cut(question, DOCUMENT_WORDS));
    }

    private float[] embed(String text) {
        return model.embed(TextSegment.from(text.isBlank() ? "." : text)).content().vector();
    }

    static String cut(String text, int words) {
        String[] parts = text.strip().split("\\s+", words + 1);
        return parts.length <= words ? text.strip() : String.join(" ", List.of(parts).subList(0, words));
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing at shutdown: nothing left to do about it
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Embedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new IllegalStateException("embedding model file " + name + " is not on the class path");
        return in;
    }

    /** LangChain4j's in-process model around our own session; batches run in the caller's thread. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
    }
}
