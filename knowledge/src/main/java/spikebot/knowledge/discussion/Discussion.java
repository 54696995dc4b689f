package spikebot.knowledge.discussion;

import java.util.List;
import java.util.Objects;

/**
 * A thread and its messages, oldest first: the opening message is the question, the rest are the replies.
 */
public record Discussion(DiscussionThread thread, List<DiscussionMessage> messages) {
    public Discussion {
        Objects.requireNonNull(thread, "thread");
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
