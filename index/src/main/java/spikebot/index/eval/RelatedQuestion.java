package spikebot.index.eval;

/**
 * A forum question that the forum's search engine found for an original question: one candidate to rank.
 *
 * @param id         {@code RELQ_ID}, unique in a file
 * @param engineRank {@code RELQ_RANKING_ORDER}: where the forum's own search engine put it (1 = first)
 * @param subject    the question's subject line
 * @param body       the question's text
 * @param sameAs     the {@code RELQ_ID} of an identical question elsewhere in the data, or null
 */
public record RelatedQuestion(String id, int engineRank, String subject, String body, String sameAs) {
}
