package spikebot.bot.spike;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.bot.core.GuildKnowledge;
import spikebot.knowledge.spike.Spike;
import spikebot.knowledge.spike.SpikeStore;
import spikebot.knowledge.spike.Templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One guild's open spikes: kept in memory for speed, saved to its {@link SpikeStore} on every change (before
 * anything is posted about it), loaded again on start. Changed only under the guild's lock; the open spikes may
 * also be read without it (to show the closing form at once), so that map is synchronized.
 */
final class SpikeBook {
    private static final Logger LOG = LoggerFactory.getLogger(SpikeBook.class);

    private final GuildKnowledge guild;
    private final SpikeStore store;
    private final Map<String, Spike> open = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Spikes whose thread the adapter is opening, by the ref of its {@code OpenThread}. Not saved: no thread yet. */
    private final Map<String, Spike> pending = new HashMap<>();
    /** For each pending spike: related notes left out of its public first message (see {@code Audience}). */
    private final Map<String, Integer> withheld = new HashMap<>();
    /** The "before you start" lines of each spike's first message, so that re-rendering it does not change them. */
    private final Map<String, String> priorWork = new HashMap<>();

    private SpikeBook(GuildKnowledge guild) {
        this.guild = guild;
        this.store = new SpikeStore(guild.stateDir().resolve("spikes"));
    }

    static SpikeBook load(GuildKnowledge guild) {
        SpikeBook book = new SpikeBook(guild);
        try {
            SpikeStore.Loaded loaded = book.store.load();
            loaded.spikes().forEach(s -> book.open.put(s.id(), s));
            loaded.problems().forEach(p -> LOG.warn("guild {}: unreadable open spike {}", guild.id(), p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the open spikes of guild " + guild.id(), e);
        }
        return book;
    }

    /** The guild's templates, read afresh so that a team's edits apply to the next spike. */
    Templates templates() {
        return Templates.of(guild.kb());
    }

    Optional<Spike> byId(String id) {
        return Optional.ofNullable(open.get(id));
    }

    Optional<Spike> byThread(String threadId) {
        return all().stream().filter(s -> threadId.equals(s.thread())).findFirst();
    }

    List<Spike> all() {
        synchronized (open) {
            return new ArrayList<>(open.values());
        }
    }

    /** Saves a change durably, then keeps it. */
    void save(Spike spike) throws IOException {
        store.save(spike);
        open.put(spike.id(), spike);
    }

    void forget(Spike spike) throws IOException {
        store.delete(spike.id());
        open.remove(spike.id());
        priorWork.remove(spike.id());
    }

    void expect(Spike spike, int withheldNotes) {
        pending.put(spike.id(), spike);
        withheld.put(spike.id(), withheldNotes);
    }

    Optional<Spike> arrived(String ref) {
        return Optional.ofNullable(pending.remove(ref));
    }

    int withheld(String spikeId) {
        Integer n = withheld.remove(spikeId);
        return n == null ? 0 : n;
    }

    String priorWork(String spikeId) {
        return priorWork.get(spikeId);
    }

    void priorWork(String spikeId, String lines) {
        priorWork.put(spikeId, lines);
    }
}
