package spikebot.bot.passive;

import spikebot.bot.core.CustomIds;

import java.util.List;
import java.util.Optional;

/**
 * The custom id of a "Helpful" / "Not relevant" button under a passive answer: {@code passive:fb:<message>:<verdict>}.
 * It carries only the answered message's snowflake and the verdict, never user text.
 *
 * @param messageId the message the answer replied to
 * @param helpful   "Helpful" rather than "Not relevant"
 */
record FeedbackButton(String messageId, boolean helpful) {
    static final String PREFIX = "passive";
    static final String HELPFUL = "helpful";
    private static final String NOT_RELEVANT = "not-relevant";

    String customId() {
        return CustomIds.of(PREFIX, "fb", messageId, helpful ? HELPFUL : NOT_RELEVANT);
    }

    String verdict() {
        return helpful ? HELPFUL : NOT_RELEVANT;
    }

    /** Empty for an id this version does not make (an older version's, or a forged one). */
    static Optional<FeedbackButton> parse(String customId) {
        List<String> parts = CustomIds.parts(customId);
        if (parts.size() != 4 || !parts.get(0).equals(PREFIX) || !parts.get(1).equals("fb")
                || !parts.get(2).matches("[A-Za-z0-9]{1,25}")) {
            return Optional.empty();
        }
        return switch (parts.get(3)) {
            case HELPFUL -> Optional.of(new FeedbackButton(parts.get(2), true));
            case NOT_RELEVANT -> Optional.of(new FeedbackButton(parts.get(2), false));
            default -> Optional.empty();
        };
    }
}
