package spikebot.index.eval;

import java.time.Instant;
import java.util.List;

/**
 * A forum question that the forum's search engine found for an original question: one candidate to rank, with the
 * forum's replies to it.
 *
 * @param id         {@code RELQ_ID}, unique in a file
 * @param engineRank {@code RELQ_RANKING_ORDER}: where the forum's own search engine put it (1 = first)
 * @param subject    the question's subject line
 * @param body       the question's text
 * @param sameAs     the {@code RELQ_ID} of an identical question elsewhere in the data, or null
 * @param asker      who asked: {@code RELQ_USERID} and {@code RELQ_USERNAME}, when the file gives them
 * @param asked      {@code RELQ_DATE}; null when the file does not give it
 * @param comments   the thread's replies ({@code RelComment}), in the file's order
 */
public record RelatedQuestion(String id, int engineRank, String subject, String body, String sameAs, User asker,
                              Instant asked, List<Comment> comments) {
    public RelatedQuestion {
        comments = comments == null ? List.of() : List.copyOf(comments);
    }

    /** A forum user; either part may be null when the file leaves it out. */
    public record User(String id, String name) {
    }

    /**
     * A reply in the question's thread.
     *
     * @param posted {@code RELC_DATE}; null when the file does not give it
     */
    public record Comment(String id, User author, Instant posted, String text) {
    }
}
