package spikebot.bot.core;

/**
 * Who can see which channel, asked at answer time (never copied once) so that a note born in a private channel or
 * thread is shown only to people who could read it there. Discord answers from its live permissions; the console,
 * with one user and one team, allows all.
 */
public interface ChannelAccess {
    /** Everyone sees everything: the console, and tests that are not about permissions. */
    ChannelAccess ALL = new ChannelAccess() {
        @Override
        public boolean canView(String guildId, String userId, String channelId) {
            return true;
        }

        @Override
        public boolean isPublic(String guildId, String channelId) {
            return true;
        }
    };

    /**
     * Whether this member can view the channel or thread now (for a private thread: is a member of it, or may
     * manage threads). False for channels that no longer exist or are unknown.
     */
    boolean canView(String guildId, String userId, String channelId);

    /**
     * Whether every member of the guild can view the channel: the {@code @everyone} role has View Channel there
     * (and, for a thread, it is not private). A note from such a channel may appear in messages that the whole
     * channel reads; a note from any other channel appears only in answers that just its viewers see (ephemeral,
     * or in the very channel it came from). False for unknown channels.
     */
    boolean isPublic(String guildId, String channelId);

    /**
     * Whether the bot can read the text of plain messages. In Discord that takes the privileged Message Content
     * intent, which Discord grants large bots only on review; without it plain messages arrive blank (mentions of
     * the bot still carry their text), so passive answers cannot work.
     */
    default boolean readsMessageText() {
        return true;
    }

    /** What a channel is, for settings that take one (capture): only forums and text channels hold threads. */
    enum Kind {
        /** A forum or text (or announcement) channel: its threads and posts may be captured. */
        HOLDS_THREADS,
        /** A channel that exists but holds no threads of its own: voice, category, a thread itself. */
        OTHER,
        /** No such channel in the guild, or the bot cannot see it. */
        UNKNOWN
    }

    /** What the channel is now; see {@link Kind}. The console has no channels of other kinds. */
    default Kind kind(String guildId, String channelId) {
        return Kind.HOLDS_THREADS;
    }
}
