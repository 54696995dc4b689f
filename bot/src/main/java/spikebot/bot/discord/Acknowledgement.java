package spikebot.bot.discord;

/**
 * Where an interaction stands with its one callback. Discord takes exactly one callback per interaction, within 3
 * seconds of its creation; everything after it goes through the interaction's webhook (edit the original, send a
 * follow-up) for 15 minutes. The state decides what the next answer becomes:
 *
 * <ul>
 *   <li>{@link #NONE}: the answer is the callback itself (reply, update, form, choices).</li>
 *   <li>{@link #DEFERRED_PUBLIC} / {@link #DEFERRED_PRIVATE}: Discord shows "thinking…" publicly or to the user
 *       alone. The first answer replaces that message and keeps its visibility, whatever the answer asks: Discord
 *       ignores the ephemeral flag of the first follow-up after a deferral (so does an edit of the original).</li>
 *   <li>{@link #DEFERRED_UPDATE}: a click whose message update was deferred; the answer edits that message.</li>
 *   <li>{@link #ANSWERED}: the callback carried an answer, or a deferred reply was replaced: every further answer
 *       is a follow-up of its own, with its own visibility.</li>
 * </ul>
 */
enum Acknowledgement {
    NONE, DEFERRED_PUBLIC, DEFERRED_PRIVATE, DEFERRED_UPDATE, ANSWERED;

    static Acknowledgement deferredReply(boolean ephemeral) {
        return ephemeral ? DEFERRED_PRIVATE : DEFERRED_PUBLIC;
    }

    /** After the first answer has taken the place of a deferred reply. */
    Acknowledgement afterAnswer() {
        return this == DEFERRED_PUBLIC || this == DEFERRED_PRIVATE ? ANSWERED : this;
    }
}
