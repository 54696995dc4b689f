package spikebot.bot.capture;

import spikebot.knowledge.Note;
import spikebot.knowledge.NoteKind;
import spikebot.knowledge.Slug;
import spikebot.knowledge.discussion.Discussion;
import spikebot.knowledge.discussion.DiscussionMessage;
import spikebot.knowledge.discussion.DiscussionThread;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * TEMPORARY: a minimal stand-in for {@code spikebot.knowledge.discussion.DiscussionNotes} (branch disc-notes), with
 * its planned API, so that capture can be built and tested before that lands. Deleted when disc-notes is merged;
 * {@link CapturedThreads} is the only caller.
 */
final class DiscussionNotesStandIn {
    private DiscussionNotesStandIn() {
    }

    /** Where the thread's note lives: its channel's folder, a slug of its name, its id (names repeat, ids do not). */
    static String path(DiscussionThread thread) {
        String name = thread.name().isBlank() ? "thread" : thread.name();
        return "discussions/" + Slug.of(thread.parentName()) + "/" + Slug.of(name) + "-" + thread.threadId() + ".md";
    }

    /** The note: the opening message as the question, the replies as the body; non-consenting authors left out. */
    static Note note(Discussion discussion, Predicate<String> consented) {
        DiscussionThread thread = discussion.thread();
        List<DiscussionMessage> messages = discussion.messages();
        String title = thread.name();
        if (title.isBlank()) {
            title = messages.stream().filter(m -> m.text() != null && consented.test(m.authorId())).findFirst()
                    .map(m -> m.text().strip().lines().findFirst().orElse("")).orElse("");
        }
        if (title.isBlank()) title = "Discussion " + thread.threadId();
        Map<String, Long> activity = messages.stream().filter(m -> consented.test(m.authorId()))
                .collect(Collectors.groupingBy(DiscussionMessage::author, LinkedHashMap::new, Collectors.counting()));
        List<String> authors = activity.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("guild", thread.guildId());
        extra.put("channel", thread.visibleVia());
        extra.put("messages", messages.size());
        messages.stream().map(m -> m.edited() != null ? m.edited() : m.posted()).max(Comparator.naturalOrder())
                .ifPresent(last -> extra.put("updated", LocalDate.ofInstant(last, ZoneOffset.UTC).toString()));
        Function<DiscussionMessage, String> render = m -> {
            if (!consented.test(m.authorId()) || m.text() == null) {
                return "**(left out)** at " + m.posted() + ": its author asked not to be captured.";
            }
            StringBuilder out = new StringBuilder("**" + m.author() + "** at " + m.posted()
                    + (m.replyTo() != null ? " (reply)" : "") + ":\n\n" + m.text().strip());
            m.attachments().forEach(a -> out.append("\n\n[").append(a.name()).append("](").append(a.url()).append(')'));
            return out.toString();
        };
        String body = messages.stream().map(render).collect(Collectors.joining("\n\n"));
        return new Note(NoteKind.DISCUSSION, title, LocalDate.ofInstant(thread.created(), ZoneOffset.UTC), authors,
                thread.tags(), null, null, null, thread.link(), extra, body);
    }
}
