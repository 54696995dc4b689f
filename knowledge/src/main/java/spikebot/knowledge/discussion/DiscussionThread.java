package spikebot.knowledge.discussion;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A thread or forum post as the platform describes it: where it lives, what it is called, who may see it.
 *
 * @param guildId       the guild (server)
 * @param parentId      the forum or text channel the thread belongs to
 * @param parentName    that channel's name, e.g. {@code ml-help}: the folder its note goes into
 * @param threadId      the thread (for a forum post, the post; its first message has the same id)
 * @param name          the thread's name, as people typed it
 * @param created       when the thread was started
 * @param privateThread only its members (and those who may manage threads) can see it
 * @param tags          the names of the forum tags applied, in the order the platform gives them
 * @param lastMessageId the newest message's id when this was read; null when unknown. An import that finds the same
 *                      id as last time skips the thread (running it twice changes nothing)
 */
public record DiscussionThread(String guildId, String parentId, String parentName, String threadId, String name,
                               Instant created, boolean privateThread, List<String> tags, String lastMessageId) {
    public DiscussionThread {
        Objects.requireNonNull(guildId, "guildId");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(created, "created");
        parentName = parentName == null || parentName.isBlank() ? parentId : parentName;
        name = name == null ? "" : name;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Where people open it: Discord's link to the thread. */
    public String link() {
        return "https://discord.com/channels/" + guildId + "/" + threadId;
    }

    /**
     * The channel whose viewers may see this discussion: the thread itself when it is private (only its members
     * see it), else its parent channel.
     */
    public String visibleVia() {
        return privateThread ? threadId : parentId;
    }
}
