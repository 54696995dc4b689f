package spikebot.knowledge.discussion;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message of a discussion, as its author wrote it. Bot and system messages (joins, pins, renames) never become
 * one: the adapter leaves them out.
 *
 * @param id          the platform's message id (ids grow with time, so they also order messages)
 * @param authorId    the author's user id: consent is per person, not per display name
 * @param author      the author's display name when it was read
 * @param posted      when it was sent
 * @param edited      when it was last edited; null when never
 * @param text        the Markdown the author wrote; null when it is not kept (its author opted out of capture)
 * @param replyTo     the id of the message it replies to; null when none
 * @param attachments files attached, by name and link (the files themselves are not copied)
 */
public record DiscussionMessage(String id, String authorId, String author, Instant posted, Instant edited,
                                String text, String replyTo, List<Attachment> attachments) {
    public DiscussionMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(posted, "posted");
        author = author == null || author.isBlank() ? authorId : author;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A file attached to a message. */
    public record Attachment(String name, String url) {
        public Attachment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
        }
    }

    /** The same message without its text and files: what is kept of someone who opted out of capture. */
    public DiscussionMessage leftOut() {
        return new DiscussionMessage(id, authorId, author, posted, edited, null, replyTo, List.of());
    }
}
