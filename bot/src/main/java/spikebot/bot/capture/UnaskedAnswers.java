package spikebot.bot.capture;

import spikebot.bot.core.Draft;
import spikebot.bot.core.GuildKnowledge;
import spikebot.index.Hit;

import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * What capture borrows from passive answers, handed over by the wiring so that neither feature knows the other:
 * where they are on (a new post there gets "has this been asked before?" too), and how an unasked answer is offered
 * (its Helpful / Not relevant buttons and votes are theirs, so that a note voted unwelcome is not offered again).
 *
 * @param enabledIn whether passive answers are on in this channel
 * @param offer     the answer to post, recorded as offered; empty when nothing is left to show
 */
public record UnaskedAnswers(BiPredicate<GuildKnowledge, String> enabledIn, Offer offer) {
    /** Passive answers' {@code offer}. */
    @FunctionalInterface
    public interface Offer {
        /**
         * @param channelId where the answer goes
         * @param messageId the message it answers (once per message)
         * @param question  what was asked, to remember votes by
         * @param hits      the notes worth showing, best first, already judged visible to the audience
         * @param title     the answer card's title
         */
        Optional<Draft> offer(GuildKnowledge guild, String channelId, String messageId, String question,
                              List<Hit> hits, String title);
    }
}
