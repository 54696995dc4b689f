package spikebot.knowledge.spike;

/**
 * What a paper check found besides its outcome: what the paper claimed against what we measured, what it cost,
 * and whether its code and data can be had. Any part may be null when unknown.
 */
public record PaperResult(String measured, String computeCost, String code, String data) {
}
