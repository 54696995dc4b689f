package spikebot.index.eval;

/** The two ways of asking the benchmark. */
public enum EvalMode {
    /** The official task: order each original question's ten candidates. */
    RERANK,
    /** The product's job: find the relevant questions in the whole pool of the file. */
    RETRIEVE
}
