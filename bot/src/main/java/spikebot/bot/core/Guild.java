package spikebot.bot.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.index.Hit;
import spikebot.index.IndexBusyException;
import spikebot.index.NoteIndex;
import spikebot.index.SearchRequest;
import spikebot.index.embed.Embeddings;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.NoteLinks;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * One guild's knowledge: its own folder of notes and its own index, never shared with another guild. The index is
 * opened on first use, so that a bot serving many guilds starts at once.
 *
 * <p>{@code search} and {@link #tags} may be called from several threads at once; everything else only while
 * holding {@link #lock()}, which {@link ChatCore} takes for every event that changes something.
 */
public final class Guild implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Guild.class);
    private final String id;
    private final GuildConfig config;
    private final KnowledgeBase kb;
    /** Held while an event changes this guild's notes or spikes. A lock, not a monitor: virtual threads wait on it. */
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock opening = new ReentrantLock();
    private final Embeddings embeddings;
    /** Whether questions are queuing up, so that searching by meaning would answer the last ones too late. */
    private final BooleanSupplier backlog;
    private volatile NoteIndex index;

    /**
     * @param embeddings the model for hybrid search, or null for words alone
     * @param backlog    true while so many questions wait that they must be searched by their words alone
     */
    Guild(String id, GuildConfig config, Embeddings embeddings, BooleanSupplier backlog) {
        this.id = id;
        this.config = config;
        this.embeddings = embeddings;
        this.backlog = backlog;
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

    public KnowledgeBase kb() {
        return kb;
    }

    /** Where this guild's derived state lives (open spikes, settings, feedback), beside its notes. */
    public Path stateDir() {
        return kb.stateDir();
    }

    public List<Hit> search(SearchRequest request) {
        return index().search(request);
    }

    /**
     * See {@link NoteIndex#search(SearchRequest, Predicate, int, boolean)}: dropped hits cost no snippet, and during
     * a backlog of questions the vectors are left out.
     */
    public List<Hit> search(SearchRequest request, Predicate<Hit> keep, int atMost) {
        return index().search(request, keep, atMost, !backlog.getAsBoolean());
    }

    /** Tags that start with {@code prefix}, most used first. */
    public List<String> tags(String prefix, int limit) {
        return index().tags(prefix, limit);
    }

    /** Writes a new note durably and indexes it at once, so the next question finds it. */
    public NoteFile write(Note note) throws IOException {
        NoteFile written = kb.write(note);
        try {
            index().add(written);
        } catch (IndexBusyException busy) {
            // Another process owns the index: the note is safe on disk and that process's next sync finds it.
            LOG.warn("guild {}: wrote {} but could not index it now: {}", id, written.path(), busy.getMessage());
        }
        return written;
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
            current.sync();
        } catch (IOException e) {
            LOG.warn("guild {}: cannot sync the index with the notes: {}", id, e.toString());
        }
    }

    /** Where people can read a note: its thread, else the team's web view of the folder, else its own link. */
    public String linkTo(Hit hit) {
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
                if (!opened.readOnly()) opened.sync();
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
