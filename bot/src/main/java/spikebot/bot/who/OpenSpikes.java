package spikebot.bot.who;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.bot.core.GuildKnowledge;
import spikebot.knowledge.spike.Finding;
import spikebot.knowledge.spike.Spike;
import spikebot.knowledge.spike.SpikeStore;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Spikes still open, which are not notes yet and so not in the index: their owners and participants are working on
 * the topic right now, the best people to ask. Matched by words, since there are only a handful open at a time.
 */
final class OpenSpikes {
    private static final Logger LOG = LoggerFactory.getLogger(OpenSpikes.class);
    /** Where the spike feature keeps open spikes (see its {@code SpikeBook}); read-only here. */
    static final String FOLDER = "spikes";
    /** Share of the topic's words an open spike must contain to count, like a note that is good enough. */
    static final float MATCH = 0.5f;
    private static final Set<String> SMALL_WORDS = Set.of("the", "and", "for", "with", "what", "who", "has",
            "have", "anyone", "about", "did", "does", "our", "from", "into", "knows", "know", "tried", "this", "that");

    private OpenSpikes() {
    }

    /** The open spikes of a guild; the spike feature writes each atomically, so reading without its lock is safe. */
    static List<Spike> of(GuildKnowledge guild) {
        try {
            return new SpikeStore(guild.stateDir().resolve(FOLDER)).load().spikes();
        } catch (IOException e) {
            LOG.warn("guild {}: cannot read open spikes: {}", guild.id(), e.toString());
            return List.of();
        }
    }

    /** The share of the topic's words found in the spike's topic, goal, claim and findings, 0 to 1. */
    static float relevance(String topic, Spike spike) {
        Set<String> wanted = words(topic);
        if (wanted.isEmpty()) return 0f;
        StringBuilder text = new StringBuilder(spike.topic()).append(' ').append(spike.goal());
        if (spike.claim() != null) text.append(' ').append(spike.claim());
        for (Finding f : spike.findings()) text.append(' ').append(f.text());
        Set<String> have = words(text.toString());
        long found = wanted.stream().filter(have::contains).count();
        return found / (float) wanted.size();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 2 && !SMALL_WORDS.contains(w)) words.add(w);
        }
        return words;
    }
}
