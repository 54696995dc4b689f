package spikebot.bot.core;

/** What an event needs before a feature handles it; declared by the feature, see {@link Feature#needs}. */
public enum Needs {
    /** It changes the guild's notes, spikes or settings: one such event of a guild at a time. */
    LOCK,
    /**
     * A question: searched in parallel with other questions, as many at once as there are cores to spare; when too
     * many wait, the later ones are searched by their words alone (see {@link GuildKnowledge}).
     */
    SEARCHER,
    /**
     * Nothing: a form to show, suggestions. Discord accepts these only as the first answer, within 3 seconds, so
     * they never wait for a spike close that is writing its note, nor behind a burst of questions.
     */
    NOTHING
}
