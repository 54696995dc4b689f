package spikebot.bot.core;

import java.util.Objects;

/**
 * Where an event happened and who caused it.
 *
 * @param guildId   the guild (server); each guild has its own knowledge base
 * @param channelId the channel or thread the event happened in
 * @param parentId  for a thread, the channel (text or forum) it belongs to; null when {@code channelId} is not a
 *                  thread
 * @param actor     who did it
 */
public record Origin(String guildId, String channelId, String parentId, Actor actor) {
    public Origin {
        Objects.requireNonNull(guildId, "guildId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(actor, "actor");
    }

    /** The channel new threads go into: a thread cannot hold threads, so its parent. */
    public String threadHome() {
        return parentId != null ? parentId : channelId;
    }
}
