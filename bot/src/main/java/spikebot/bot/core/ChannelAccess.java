package spikebot.bot.core;

/**
 * Whether a member can view a channel or thread, asked at answer time so that a note born in a private channel is
 * shown only to people who could read it there. Discord answers from its live permissions; the console, with one
 * user and one team, allows all.
 */
public interface ChannelAccess {
    /** Everyone sees everything: the console, and tests that are not about permissions. */
    ChannelAccess ALL = (guildId, userId, channelId) -> true;

    /**
     * @return true only if the user can view the channel now; false for channels that no longer exist or are
     *         unknown
     */
    boolean canView(String guildId, String userId, String channelId);
}
