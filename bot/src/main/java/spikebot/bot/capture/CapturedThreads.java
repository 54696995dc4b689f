package spikebot.bot.capture;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.knowledge.DurableFiles;
import spikebot.knowledge.Note;
import spikebot.knowledge.discussion.Discussion;
import spikebot.knowledge.discussion.DiscussionMessage;
import spikebot.knowledge.discussion.DiscussionNotes;
import spikebot.knowledge.discussion.DiscussionThread;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One guild's captured threads: what is kept of each ({@link KeptThread}, a JSON file per thread under
 * {@code <state>/capture/threads/}), who opted out of capture ({@code <state>/capture/consent-off.json}), and the
 * changes not yet written. Changes gather in memory and {@link #flush} writes them all as one batch (one index
 * commit), so that a busy thread costs one write per flush, not one per message; a crash before the flush loses at
 * most those few seconds, which the next import or re-read of the thread brings back.
 *
 * <p>Only {@link #unchanged} may be called from another thread (an import running in the background); everything
 * else under the guild's lock, or from the one thread of the command-line import.
 */
public final class CapturedThreads {
    private static final Logger LOG = LoggerFactory.getLogger(CapturedThreads.class);
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What is known of a kept thread without reading its file. */
    private record Summary(String parentId, String lastMessageId, String notePath, boolean reread,
                           Set<String> authorIds) {
        static Summary of(KeptThread kept) {
            return new Summary(kept.thread().parentId(), kept.lastMessageId(), kept.notePath(), kept.reread(),
                    kept.messages().stream().map(DiscussionMessage::authorId).collect(Collectors.toSet()));
        }
    }

    private final Path folder;
    private final Path consentFile;
    private final Map<String, Summary> summaries = new ConcurrentHashMap<>();
    private final Set<String> optedOut = new TreeSet<>();
    /** Changed since the last flush: thread id → how it is now. */
    private final Map<String, KeptThread> pending = new LinkedHashMap<>();
    /** Deleted since the last flush: thread id → its note's path (null when it had none). */
    private final Map<String, String> gone = new LinkedHashMap<>();

    private CapturedThreads(Path captureDir) {
        this.folder = captureDir.resolve("threads");
        this.consentFile = captureDir.resolve("consent-off.json");
    }

    /** Reads what a guild keeps in its state folder ({@code GuildKnowledge.stateDir()}, {@code <kb>/.spikebot}). */
    public static CapturedThreads open(Path stateDir) throws IOException {
        CapturedThreads threads = new CapturedThreads(stateDir.resolve("capture"));
        if (Files.isRegularFile(threads.consentFile)) {
            threads.optedOut.addAll(List.of(JSON.readValue(threads.consentFile.toFile(), String[].class)));
        }
        if (Files.isDirectory(threads.folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(threads.folder, "*.json")) {
                for (Path file : files) {
                    try {
                        KeptThread kept = JSON.readValue(file.toFile(), KeptThread.class);
                        threads.summaries.put(kept.thread().threadId(), Summary.of(kept));
                    } catch (IOException e) {
                        LOG.warn("skipping unreadable {} (its thread is imported again): {}", file, e.toString());
                    }
                }
            }
        }
        return threads;
    }

    /** Whether an import may skip this thread: kept, and no message since (the same newest message id). */
    public boolean unchanged(DiscussionThread listed) {
        Summary summary = summaries.get(listed.threadId());
        return summary != null && !summary.reread() && listed.lastMessageId() != null
                && listed.lastMessageId().equals(summary.lastMessageId());
    }

    /** A thread read whole from the platform: it replaces what was kept of those messages, and keeps the rest. */
    public void imported(Discussion discussion) throws IOException {
        DiscussionThread thread = discussion.thread();
        KeptThread kept = kept(thread.threadId()).map(k -> k.withThread(thread)).orElse(KeptThread.of(thread));
        change(kept.withHistory(discussion.messages()));
    }

    /**
     * A thread created, renamed, retagged, made private: its description now.
     *
     * @param hasPast the thread may hold messages from before it was kept (an older thread that came into view):
     *                a thread not kept yet is then marked to be read whole
     * @return whether the thread was not kept before
     */
    boolean described(DiscussionThread thread, boolean hasPast) throws IOException {
        Optional<KeptThread> kept = kept(thread.threadId());
        change(kept.map(k -> k.withThread(thread.lastMessageId() == null
                ? withLast(thread, k.thread().lastMessageId()) : thread)).orElse(KeptThread.of(thread).toReread(hasPast)));
        return kept.isEmpty();
    }

    /**
     * A message written or edited. For a thread not kept yet (capture was turned on after it started) the thread is
     * described from what the message tells and marked to be re-read; returns true then.
     */
    boolean message(DiscussionThread where, DiscussionMessage message) throws IOException {
        Optional<KeptThread> kept = kept(where.threadId());
        KeptThread thread = kept.orElse(KeptThread.of(where).toReread(true));
        change(thread.withMessages(List.of(message)));
        return kept.isEmpty();
    }

    /** Messages deleted: they leave the note. */
    void deleted(String threadId, List<String> messageIds) throws IOException {
        Optional<KeptThread> kept = kept(threadId);
        if (kept.isPresent()) change(kept.get().without(messageIds));
    }

    /** A thread deleted: its note and what is kept of it go at the next flush. */
    void threadDeleted(String threadId) {
        Summary summary = summaries.get(threadId);
        KeptThread changed = pending.remove(threadId);
        if (summary == null && changed == null) return;
        gone.put(threadId, summary != null ? summary.notePath() : null);
    }

    /** Every thread of a channel deleted (capture off with purge); returns how many. */
    int purge(String parentId) {
        Set<String> ids = new TreeSet<>();
        summaries.forEach((id, s) -> { if (parentId.equals(s.parentId())) ids.add(id); });
        pending.forEach((id, k) -> { if (parentId.equals(k.thread().parentId())) ids.add(id); });
        ids.forEach(this::threadDeleted);
        return ids.size();
    }

    /** {@code /solved} in a captured thread: its note links to the solution. */
    void solved(String threadId, String solutionPath) throws IOException {
        Optional<KeptThread> kept = kept(threadId);
        if (kept.isPresent()) change(kept.get().solvedBy(solutionPath));
    }

    /** Where the thread's note is (or will be at the next flush); empty for a thread not captured. */
    public Optional<String> notePath(String threadId) {
        KeptThread changed = pending.get(threadId);
        if (changed != null) {
            return Optional.of(changed.notePath() != null ? changed.notePath() : DiscussionNotes.path(changed.thread()));
        }
        Summary summary = summaries.get(threadId);
        return summary == null ? Optional.empty() : Optional.ofNullable(summary.notePath());
    }

    /** Threads kept per channel, for status. */
    Map<String, Long> countsByChannel() {
        return summaries.values().stream().collect(Collectors.groupingBy(Summary::parentId, Collectors.counting()));
    }

    /**
     * Someone opted out: their text leaves every kept thread and every note at the next flush, and anything captured
     * later is kept without it. Durable at once.
     */
    void optOut(String userId) throws IOException {
        if (!optedOut.add(userId)) return;
        saveConsent();
        for (String threadId : threadsBy(userId)) {
            Optional<KeptThread> kept = kept(threadId);
            if (kept.isPresent()) change(kept.get().leavingOut(this::consented));
        }
    }

    /**
     * Someone opted back in: the threads they wrote in are marked to be read again from the platform (their text
     * was not kept, so it can only come back from there). Returns those threads.
     */
    List<DiscussionThread> optIn(String userId) throws IOException {
        if (!optedOut.remove(userId)) return List.of();
        saveConsent();
        List<DiscussionThread> reread = new ArrayList<>();
        for (String threadId : threadsBy(userId)) {
            Optional<KeptThread> found = kept(threadId);
            if (found.isEmpty()) continue;
            KeptThread kept = found.get().toReread(true);
            change(kept);
            save(kept); // the mark must outlive a restart before the re-read is done
            reread.add(kept.thread());
        }
        return reread;
    }

    boolean consented(String userId) {
        return !optedOut.contains(userId);
    }

    /** Threads marked to be read again (see {@link KeptThread#reread}), as kept. */
    List<DiscussionThread> toReread() throws IOException {
        List<DiscussionThread> marked = new ArrayList<>();
        for (var entry : summaries.entrySet()) {
            if (!entry.getValue().reread()) continue;
            Optional<KeptThread> kept = kept(entry.getKey());
            if (kept.isPresent() && kept.get().reread()) marked.add(kept.get().thread());
        }
        return marked;
    }

    /** Whether changes wait for {@link #flush}. */
    boolean dirty() {
        return !pending.isEmpty() || !gone.isEmpty();
    }

    /**
     * Writes every change since the last flush: the notes in one call of the sink (one index commit), then what is
     * kept of each thread. Notes first: a crash between the two leaves a thread that the next import writes again,
     * never one it wrongly skips.
     *
     * @return how many notes were written or deleted
     */
    public int flush(NoteSink sink) throws IOException {
        if (!dirty()) return 0;
        Map<String, Note> put = new LinkedHashMap<>();
        List<String> deleted = new ArrayList<>();
        List<KeptThread> written = new ArrayList<>();
        List<KeptThread> unnamed = new ArrayList<>();
        for (KeptThread kept : pending.values()) {
            if (kept.reread() && kept.thread().name().isBlank() && kept.notePath() == null) {
                unnamed.add(kept); // known only from a message: its note waits for its name, which fixes its path
                continue;
            }
            // The path first written stays: a renamed thread keeps its file (links to it keep working).
            String path = kept.notePath() != null ? kept.notePath() : DiscussionNotes.path(kept.thread());
            Note note = DiscussionNotes.note(new Discussion(kept.thread(), kept.messages()), this::consented);
            if (kept.solution() != null) note = note.withExtra("solution", kept.solution());
            put.put(path, note);
            written.add(kept.writtenAt(path));
        }
        gone.values().stream().filter(p -> p != null && !put.containsKey(p)).forEach(deleted::add);
        sink.replace(put, deleted);
        for (KeptThread kept : written) save(kept);
        for (KeptThread kept : unnamed) save(kept);
        for (String threadId : gone.keySet()) {
            DurableFiles.delete(file(threadId));
            summaries.remove(threadId);
        }
        int count = put.size() + deleted.size();
        pending.clear();
        gone.clear();
        return count;
    }

    private void change(KeptThread kept) {
        String threadId = kept.thread().threadId();
        gone.remove(threadId);
        pending.put(threadId, kept.leavingOut(this::consented));
    }

    Optional<KeptThread> kept(String threadId) throws IOException {
        KeptThread changed = pending.get(threadId);
        if (changed != null) return Optional.of(changed);
        if (gone.containsKey(threadId)) return Optional.empty();
        // Read from disk even when not summarised: the command-line import may have kept it since this opened.
        Path file = file(threadId);
        if (!Files.isRegularFile(file)) return Optional.empty();
        return Optional.of(JSON.readValue(file.toFile(), KeptThread.class));
    }

    private List<String> threadsBy(String userId) {
        Set<String> ids = new TreeSet<>();
        summaries.forEach((id, s) -> { if (s.authorIds().contains(userId)) ids.add(id); });
        pending.forEach((id, k) -> {
            if (k.messages().stream().anyMatch(m -> m.authorId().equals(userId))) ids.add(id);
        });
        return List.copyOf(ids);
    }

    private void save(KeptThread kept) throws IOException {
        DurableFiles.replace(file(kept.thread().threadId()), JSON.writeValueAsBytes(kept));
        summaries.put(kept.thread().threadId(), Summary.of(kept));
    }

    private Path file(String threadId) {
        if (!threadId.matches("[A-Za-z0-9_-]{1,40}")) throw new IllegalArgumentException("bad thread id " + threadId);
        return folder.resolve(threadId + ".json");
    }

    private void saveConsent() throws IOException {
        DurableFiles.replace(consentFile, JSON.writeValueAsBytes(optedOut));
    }

    private static DiscussionThread withLast(DiscussionThread t, String lastMessageId) {
        return new DiscussionThread(t.guildId(), t.parentId(), t.parentName(), t.threadId(), t.name(), t.created(),
                t.privateThread(), t.tags(), lastMessageId);
    }
}
