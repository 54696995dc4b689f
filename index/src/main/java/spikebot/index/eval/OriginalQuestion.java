package spikebot.index.eval;

import java.util.List;

/**
 * A question a user asked, with the related questions to rank for it, in the engine's order.
 *
 * @param id      {@code ORGQ_ID}
 * @param subject subject line
 * @param body    text
 * @param related the candidates, sorted by engine rank
 */
public record OriginalQuestion(String id, String subject, String body, List<RelatedQuestion> related) {
    public OriginalQuestion {
        related = List.copyOf(related);
    }

    /** Subject and body as one question, the way a user would type it. */
    public String text() {
        return subject + "\n" + body;
    }
}
