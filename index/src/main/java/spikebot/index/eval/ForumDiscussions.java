package spikebot.index.eval;

import spikebot.knowledge.Note;
import spikebot.knowledge.discussion.Discussion;
import spikebot.knowledge.discussion.DiscussionMessage;
import spikebot.knowledge.discussion.DiscussionNotes;
import spikebot.knowledge.discussion.DiscussionThread;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A SemEval forum thread as a captured discussion note, built by {@link DiscussionNotes} exactly as a Discord thread
 * is: the subject is the thread's name, the related question its opening message (the question), and the forum's
 * replies ({@code RelComment}) its replies. So the benchmark measures the path discussions take in the bot.
 */
public final class ForumDiscussions {
    /** The forum, as the channel its threads belong to. */
    static final String FORUM = "qatar-living";

    private ForumDiscussions() {
    }

    /**
     * @param withReplies false to keep only the opening message: the same thread as if nobody had answered
     */
    public static Note note(RelatedQuestion r, boolean withReplies) {
        Instant start = r.asked() == null ? Instant.EPOCH : r.asked();
        DiscussionThread thread = new DiscussionThread("semeval", FORUM, FORUM, r.id(), r.subject(), start, false,
                List.of(), null);
        List<DiscussionMessage> messages = new ArrayList<>();
        messages.add(message(r.id(), r.asker(), start, r.body()));
        if (withReplies) {
            for (RelatedQuestion.Comment c : r.comments()) {
                messages.add(message(c.id() == null ? r.id() + "_C" + messages.size() : c.id(), c.author(),
                        c.posted() == null ? start : c.posted(), c.text()));
            }
        }
        return DiscussionNotes.note(new Discussion(thread, messages), user -> true);
    }

    private static DiscussionMessage message(String id, RelatedQuestion.User user, Instant at, String text) {
        String userId = user == null || user.id() == null ? "unknown" : user.id();
        return new DiscussionMessage(id, userId, user == null ? null : user.name(), at, null, text, null, List.of());
    }
}
