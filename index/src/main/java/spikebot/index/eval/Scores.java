package spikebot.index.eval;

/**
 * Ranking quality, each averaged over every original question of the gold file; a question with no relevant
 * candidate counts 0 in every measure, as in the official scorer.
 *
 * @param map      mean average precision over the top 10 (see {@link Scorer} for the two definitions)
 * @param mrr      mean reciprocal rank of the first relevant answer in the top 10
 * @param p1       share of questions whose first answer is relevant
 * @param ndcg10   normalised discounted cumulative gain at 10, binary gains
 * @param recall10 share of a question's relevant candidates found in the top 10
 */
public record Scores(double map, double mrr, double p1, double ndcg10, double recall10) {
}
