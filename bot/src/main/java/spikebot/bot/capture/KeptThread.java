package spikebot.bot.capture;

import spikebot.knowledge.discussion.DiscussionMessage;
import spikebot.knowledge.discussion.DiscussionThread;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What capture keeps of one thread, so that an edit or a delete can be applied and the note rendered again without
 * asking Discord: its description and its messages, oldest first (text already removed for people who opted out).
 * Kept as JSON in {@code <state>/capture/threads/<thread id>.json}.
 *
 * @param notePath where its note was last written; null before the first write
 * @param solution the solution note {@code /solved} wrote in the thread; null when none
 * @param reread   its messages must be read again from the platform (someone opted back in, or messages were
 *                 written before the bot kept the thread); survives a restart
 */
record KeptThread(DiscussionThread thread, List<DiscussionMessage> messages, String notePath, String solution,
                  boolean reread) {
    /** Snowflake order: longer ids are later, equal lengths compare as text; stable for ids of other platforms. */
    static final Comparator<String> ID_ORDER = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());

    KeptThread {
        Objects.requireNonNull(thread, "thread");
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    static KeptThread of(DiscussionThread thread) {
        return new KeptThread(thread, List.of(), null, null, false);
    }

    /** Its newest message id, as a listing of the channel would give it: the thread's own, or the newest kept. */
    String lastMessageId() {
        String listed = thread.lastMessageId();
        String kept = messages.isEmpty() ? null : messages.getLast().id();
        if (listed == null) return kept;
        if (kept == null) return listed;
        return ID_ORDER.compare(listed, kept) >= 0 ? listed : kept;
    }

    KeptThread withThread(DiscussionThread now) {
        return new KeptThread(now, messages, notePath, solution, reread);
    }

    /** The messages given replace those with the same id; the others stay; all in id order. */
    KeptThread withMessages(List<DiscussionMessage> changed) {
        Map<String, DiscussionMessage> byId = new LinkedHashMap<>();
        messages.forEach(m -> byId.put(m.id(), m));
        changed.forEach(m -> byId.put(m.id(), m));
        List<DiscussionMessage> merged = new ArrayList<>(byId.values());
        merged.sort(Comparator.comparing(DiscussionMessage::id, ID_ORDER));
        return new KeptThread(thread, merged, notePath, solution, reread);
    }

    /**
     * The thread as read whole from the platform: its messages are the truth (one deleted while nobody listened is
     * gone), except those newer than the last one read, which arrived live while it was being read.
     */
    KeptThread withHistory(List<DiscussionMessage> read) {
        String lastRead = read.isEmpty() ? null : read.getLast().id();
        List<DiscussionMessage> newer = lastRead == null ? List.of() : messages.stream()
                .filter(m -> ID_ORDER.compare(m.id(), lastRead) > 0).toList();
        List<DiscussionMessage> all = new ArrayList<>(read);
        all.addAll(newer);
        return new KeptThread(thread, all, notePath, solution, false);
    }

    KeptThread without(List<String> ids) {
        return new KeptThread(thread, messages.stream().filter(m -> !ids.contains(m.id())).toList(), notePath,
                solution, reread);
    }

    /** The text of everyone the predicate rejects removed (the messages stay, so that the note says one was left out). */
    KeptThread leavingOut(Predicate<String> consented) {
        return new KeptThread(thread, messages.stream().map(m -> consented.test(m.authorId()) ? m : m.leftOut())
                .toList(), notePath, solution, reread);
    }

    KeptThread writtenAt(String path) {
        return new KeptThread(thread, messages, path, solution, reread);
    }

    KeptThread solvedBy(String solutionPath) {
        return new KeptThread(thread, messages, notePath, solutionPath, reread);
    }

    KeptThread toReread(boolean again) {
        return new KeptThread(thread, messages, notePath, solution, again);
    }
}
