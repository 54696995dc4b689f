package spikebot.bot.core;

import spikebot.index.Candidate;

/**
 * Who will read an answer, and so which notes it may show. A note from the folder is guild-wide. A note born in a
 * channel is shown only to someone who can view that channel now; and in a message the whole channel reads, only
 * if everyone there could view it too (it is public, or it is this very channel).
 *
 * @param guildId   the guild
 * @param userId    who asked
 * @param channelId where the answer is posted (for a new thread: the channel that holds it)
 * @param ephemeral only the asker will see the answer
 */
public record Audience(String guildId, String userId, String channelId, boolean ephemeral) {

    public static Audience of(Origin origin, boolean ephemeral) {
        return new Audience(origin.guildId(), origin.actor().id(), origin.channelId(), ephemeral);
    }

    /** What the answer may show of this note. */
    public enum Verdict { SHOW, ASKER_ONLY, HIDE }

    public Verdict judge(Candidate note, ChannelAccess access) {
        return judge(note.channel(), access);
    }

    /** What the answer may show of work born in this channel or thread (an open spike's thread); null: guild-wide. */
    public Verdict judge(String channel, ChannelAccess access) {
        if (channel == null || channel.isBlank()) return Verdict.SHOW;
        if (!access.canView(guildId, userId, channel)) return Verdict.HIDE;
        if (ephemeral || channel.equals(channelId) || access.isPublic(guildId, channel)) return Verdict.SHOW;
        return Verdict.ASKER_ONLY;
    }
}
