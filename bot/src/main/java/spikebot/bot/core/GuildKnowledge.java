package spikebot.bot.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.index.Candidate;
import spikebot.index.Hit;
import spikebot.index.IndexBusyException;
import spikebot.index.IndexCensus;
import spikebot.index.NoteIndex;
import spikebot.index.SearchMode;
import spikebot.index.NoteListing;
import spikebot.index.SearchRequest;
import spikebot.index.UnmatchedFilter;
import spikebot.index.embed.Embeddings;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteFile;
import spikebot.knowledge.NoteKind;
import spikebot.knowledge.NoteLinks;
import spikebot.knowledge.Problem;
import spikebot.knowledge.spike.Templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * One guild's knowledge: its own folder of notes and its own index, never shared with another guild. The index is
 * opened on first use, so that a bot serving many guilds starts at once.
 *
 * <p>{@code candidates}, {@code snippets} and {@link #tags} may be called from several threads at once; everything
 * else only while holding {@link #lock()}, which {@link ChatCore} takes for every event that changes something.
 */
public final class GuildKnowledge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GuildKnowledge.class);
    private final String id;
    private final GuildConfig config;
    private final KnowledgeBase kb;
    /** Held while an event changes this guild's notes or spikes. A lock, not a monitor: virtual threads wait on it. */
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock opening = new ReentrantLock();
    private final Embeddings embeddings;
    /** Shared by all guilds: how many searches run at once, and whether questions are queuing up. */
    private final SearchSlots searchSlots;
    private final Clock clock;
    private volatile NoteIndex index;
    /** Files of the folder that are not valid notes, as the last sync found them (each sync reads them again). */
    private volatile List<Problem> malformed = List.of();

    /**
     * @param embeddings the model for hybrid search, or null for words alone
     * @param searchSlots searches run at once, shared by all guilds; past a backlog questions are searched by words
     * @param clock       the core's clock: today's date, for how old a note is
     */
    GuildKnowledge(String id, GuildConfig config, Embeddings embeddings, SearchSlots searchSlots, Clock clock) {
        this.id = id;
        this.clock = clock;
        this.config = config;
        this.embeddings = embeddings;
        this.searchSlots = searchSlots;
        this.kb = new KnowledgeBase(config.knowledgeBase());
    }

    public String id() {
        return id;
    }

    ReentrantLock lock() {
        return lock;
    }

    public GuildConfig config() {
        return config;
    }

    /** The folder of notes itself, for features that read a note whole or edit its front matter. */
    public KnowledgeBase kb() {
        return kb;
    }

    /** Where this guild's derived state lives (open spikes, settings, feedback), beside its notes. */
    public Path stateDir() {
        return kb.stateDir();
    }

    /**
     * The notes that rank for a question, without snippets (see {@link NoteIndex#candidates}); during a backlog of
     * questions, by their words alone. Holds no searcher once it returns: filter them at leisure.
     */
    public List<Candidate> candidates(SearchRequest request) {
        SearchMode mode = searchSlots.backlog() ? SearchMode.BM25 : SearchMode.HYBRID;
        return searchSlots.search(() -> index().candidates(request, mode));
    }

    /** Today's date (UTC), the day notes are dated by and their age counted from; see {@link Ages}. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Whether questions are also searched by meaning (hybrid) rather than by words alone. */
    public boolean hybrid() {
        return embeddings != null;
    }

    /**
     * Why a question may have been searched by words alone although search is hybrid: the model has not loaded,
     * questions are queuing up, or notes still wait for their vector. Null when meaning was used for every note (or
     * search is words only by choice). Reads the index's last commit: call it for weak answers, not every answer.
     */
    public String byWordsOnly() {
        if (embeddings == null) return null;
        if (!embeddings.ready()) return "The meaning model has not loaded, so this was searched by words only";
        if (searchSlots.backlog()) return "Many questions at once, so this was searched by words only";
        IndexCensus census = census();
        if (census.withoutVectors() == 0) return null;
        return census.withoutVectors() + " of " + census.notes() + " notes have no vector yet, so they were searched "
                + "by their words only";
    }

    /** Notes indexed and how many have their vector, as of the index's last commit. */
    public IndexCensus census() {
        return IndexCensus.of(index());
    }

    /**
     * The lines of the team's own settings that were left out: synonyms (as the index read them when it opened) and
     * checklist templates (read afresh), each as {@code file:line: why}.
     */
    public List<String> settingsProblems() {
        return settingsProblems(index(), kb);
    }

    /** As {@link #settingsProblems()}, for any open index and its knowledge base (the shell's {@code index}). */
    public static List<String> settingsProblems(NoteIndex index, KnowledgeBase kb) {
        List<String> problems = new ArrayList<>();
        index.settingsProblems().forEach(p -> problems.add(p.toString()));
        problems.addAll(Templates.of(kb).problems());
        return problems;
    }

    /** The files that are not valid notes, {@code file:line: reason} each, as the last sync found them. */
    public List<Problem> malformed() {
        index();
        return malformed;
    }

    /**
     * Why an answer to {@code request} came back empty when the reason is a tag or author filter that no note passes
     * at all; see {@link UnmatchedFilter}.
     */
    public Optional<UnmatchedFilter> unmatchedFilter(SearchRequest request) {
        return UnmatchedFilter.of(index(), request);
    }

    /** The candidates kept for an answer, with their snippets: only notes shown pay for highlighting. */
    public List<Hit> snippets(SearchRequest request, List<Candidate> kept) {
        return searchSlots.search(() -> index().snippets(request, kept));
    }

    /**
     * Notes as a list, not answers: see {@link NoteListing#page}. Like {@code search}, callable from several threads.
     *
     * @param mayShowChannel whether notes born in this channel or thread may be shown (see {@link Audience})
     */
    public NoteListing.Page list(SearchRequest filters, NoteListing.Order order, Predicate<String> mayShowChannel,
                                 int offset, int count) {
        return NoteListing.page(index(), filters, order, mayShowChannel, offset, count);
    }

    /** Every tag with how many notes carry it, most used first. */
    public Map<String, Integer> tagCounts() {
        return NoteListing.tagCounts(index());
    }

    /** Tags that start with {@code prefix}, most used first. */
    public List<String> tags(String prefix, int limit) {
        return index().tags(prefix, limit);
    }

    /** Writes a new note durably and indexes it at once, so the next question finds it. */
    public NoteFile write(Note note) throws IOException {
        NoteFile written = kb.write(config.console() ? fromConsole(note) : note);
        try {
            index().add(written);
        } catch (IndexBusyException busy) {
            // Another process owns the index: the note is safe on disk and that process's next sync finds it.
            LOG.warn("guild {}: wrote {} but could not index it now: {}", id, written.path(), busy.getMessage());
        }
        return written;
    }

    /**
     * Writes notes at paths of the caller's choosing (replacing what is there) and deletes others, durably, then
     * indexes all of it in one commit: how captured discussions are kept in step with their threads.
     *
     * @param put     relative path → the note to write there
     * @param deleted relative paths of notes to delete
     * @return the notes as written
     */
    public List<NoteFile> replace(Map<String, Note> put, Collection<String> deleted) throws IOException {
        List<NoteFile> written = new ArrayList<>();
        for (var entry : put.entrySet()) {
            written.add(kb.put(entry.getKey(), config.console() ? fromConsole(entry.getValue()) : entry.getValue()));
        }
        for (String path : deleted) kb.delete(path);
        try {
            index().update(written, List.copyOf(deleted));
        } catch (IndexBusyException busy) {
            LOG.warn("guild {}: wrote {} note(s) but could not index them now: {}", id, written.size(),
                    busy.getMessage());
        }
        return written;
    }

    /**
     * A note written in the console: marked {@code source: console} instead of pointing at a Discord guild and
     * channel that exist only in the terminal, and dated by the calendar (the console's {@code wait} moves the
     * bot's clock to show reminders, not the day the note was written).
     */
    private static Note fromConsole(Note note) {
        Map<String, Object> extra = new LinkedHashMap<>(note.extra());
        extra.remove("guild");
        extra.remove("channel");
        extra.put("source", "console");
        String link = note.link() != null && note.link().startsWith("https://discord.com/") ? null : note.link();
        return new Note(note.kind(), note.title(), LocalDate.now(ZoneOffset.UTC), note.authors(), note.tags(),
                note.outcome(), note.timebox(), note.paper(), link, extra, note.body());
    }

    /**
     * Opens the index if it is not open yet (so that the first question after a start does not wait for it), then
     * picks up notes added, edited or deleted in the folder by other hands (git pull, an editor).
     */
    void sync() {
        boolean opened = index == null;
        NoteIndex current = index();
        if (opened || current.readOnly()) return;
        try {
            malformed = List.copyOf(current.sync().malformed());
        } catch (IOException e) {
            LOG.warn("guild {}: cannot sync the index with the notes: {}", id, e.toString());
        }
    }

    /**
     * Where people can read a note: its thread, else the team's web view of the folder, else its own link. A
     * discussion's thread is its link: its channel is the parent channel when the thread is public (the channel
     * decides who may view it).
     */
    public String linkTo(Hit hit) {
        if (hit.kind() == NoteKind.DISCUSSION && hit.link() != null) return hit.link();
        if (hit.channel() != null && hit.channel().matches("\\d{1,25}")) return Text.channelUrl(id, hit.channel());
        if (config.noteUrlBase() != null) return NoteLinks.url(config.noteUrlBase(), hit.path());
        return hit.link();
    }

    private NoteIndex index() {
        NoteIndex current = index;
        if (current != null) return current;
        opening.lock();
        try {
            if (index == null) {
                NoteIndex opened = NoteIndex.open(kb, embeddings);
                if (!opened.readOnly()) {
                    malformed = List.copyOf(opened.sync().malformed());
                    // Said once at start (later syncs find the same files again): /spikebot status lists them too.
                    for (Problem problem : malformed) LOG.warn("guild {}: not a valid note: {}", id, problem);
                    for (String problem : settingsProblems(opened, kb)) {
                        LOG.warn("guild {}: team setting left out (the rest applies): {}", id, problem);
                    }
                }
                index = opened;
            }
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            opening.unlock();
        }
    }

    @Override
    public void close() {
        opening.lock();
        try {
            if (index != null) {
                try {
                    index.close();
                } catch (Exception e) {
                    // closing on the way out: nothing left to save
                }
                index = null;
            }
        } finally {
            opening.unlock();
        }
    }
}
