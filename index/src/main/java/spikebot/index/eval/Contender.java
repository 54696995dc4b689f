package spikebot.index.eval;

import java.util.function.Supplier;

/**
 * A system in the comparison.
 *
 * @param name        short, stable: what the table and the JSON call it
 * @param description one line for the table
 * @param retriever   makes a fresh instance for one run
 */
public record Contender(String name, String description, Supplier<Retriever> retriever) {
}
