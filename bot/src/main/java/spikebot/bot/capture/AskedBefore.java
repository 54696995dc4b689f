package spikebot.bot.capture;

import spikebot.bot.ask.AskFeature;
import spikebot.bot.core.Action;
import spikebot.bot.core.Audience;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.PriorWork;
import spikebot.bot.core.Text;
import spikebot.index.Hit;
import spikebot.index.SearchRequest;
import spikebot.knowledge.discussion.DiscussionMessage;
import spikebot.knowledge.discussion.DiscussionThread;

import java.util.List;
import java.util.Set;

/**
 * "Has this been asked before?": a new thread or forum post, in a channel where capture or passive answers are on,
 * gets the strongest prior notes and discussions once, as its first message arrives and before anyone answers; only
 * when a strong match exists, and only notes everyone in the thread could view (the answer is public). Never the
 * thread's own note.
 */
final class AskedBefore {
    static final String TITLE = "Has this been asked before?";
    static final int MAX_HITS = 3;

    private final ChannelAccess access;
    private final UnaskedAnswers unasked;

    AskedBefore(ChannelAccess access, UnaskedAnswers unasked) {
        this.access = access;
        this.unasked = unasked;
    }

    /**
     * @param own the thread's own note paths (as it will be, and as it was last written): never shown
     */
    List<Action> answer(GuildKnowledge guild, DiscussionThread thread, DiscussionMessage first, Set<String> own) {
        String text = first.text() == null ? "" : first.text();
        String question = Text.cut(Text.oneLine(thread.name() + " " + text), AskFeature.MAX_QUESTION);
        if (question.isBlank()) return List.of();
        SearchRequest request = SearchRequest.of(question).withLimit(MAX_HITS + 1);
        // Read by everyone who can view the thread: for a public thread, its channel's viewers (so a note born in
        // that very channel may show); for a private thread, conservatively, only notes everyone may view.
        String readers = thread.privateThread() ? thread.threadId() : thread.parentId();
        Audience audience = new Audience(guild.id(), first.authorId(), readers, false);
        List<Hit> shown = PriorWork.find(guild, request, audience, access, Hit.STRONG).shown().stream()
                .filter(h -> !own.contains(h.path())).limit(MAX_HITS).toList();
        if (shown.isEmpty()) return List.of();
        return unasked.offer().offer(guild, thread.threadId(), first.id(), question, shown, TITLE)
                .<List<Action>>map(draft -> List.of(new Action.Post(thread.threadId(), draft))).orElse(List.of());
    }
}
