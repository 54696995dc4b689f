package spikebot.bot.who;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ranks people by the work they did on a topic: each piece counts by how well it matches the topic and how recent it
 * is, so that someone who owned last month's spike on it comes before someone who wrote about it three years ago.
 * People are told apart by name (notes name their authors, not their Discord ids), in any case.
 */
final class Experts {
    /** Work this old counts half as much: libraries and teams change in about a year. */
    static final int HALF_LIFE_DAYS = 365;
    /** Undated work counts like work this old: it is probably not new. */
    static final int UNDATED_AGE_DAYS = 2 * 365;
    static final int TOP_WORK = 2;

    private Experts() {
    }

    /** What someone did: wrote a note, owned or joined a spike (closed or open). */
    enum Role {
        WROTE("wrote", 1), OWNED("owned", 1), JOINED("joined", 0.8), OWNS_OPEN("owns, open now", 1),
        IN_OPEN("on it, open now", 0.8);

        final String label;
        /** Who drove a piece of work knows it best; someone who joined it comes just after. */
        final double weight;

        Role(String label, double weight) {
            this.label = label;
            this.weight = weight;
        }
    }

    /**
     * One piece of work by one person.
     *
     * @param line      how it is shown (a link to the note or thread), already escaped
     * @param relevance how much of the topic it covers, 0 to 1
     * @param date      when it was done; null when unknown
     */
    record Work(String person, Role role, String line, float relevance, LocalDate date) {
        double weight(LocalDate today) {
            long age = date == null ? UNDATED_AGE_DAYS : Math.max(0, ChronoUnit.DAYS.between(date, today));
            return role.weight * relevance * Math.pow(0.5, age / (double) HALF_LIFE_DAYS);
        }
    }

    /** A person worth asking: their weighed work in all, how many pieces, the latest, and the best two. */
    record Expert(String name, double score, int pieces, LocalDate latest, List<Work> top) {
    }

    static List<Expert> rank(List<Work> work, LocalDate today) {
        Map<String, List<Work>> byPerson = new LinkedHashMap<>();
        for (Work w : work) {
            byPerson.computeIfAbsent(w.person().strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(w);
        }
        Comparator<Work> best = Comparator.comparingDouble((Work w) -> w.weight(today)).reversed();
        List<Expert> experts = new ArrayList<>();
        for (List<Work> theirs : byPerson.values()) {
            List<Work> sorted = new ArrayList<>(theirs);
            sorted.sort(best);
            double score = sorted.stream().mapToDouble(w -> w.weight(today)).sum();
            LocalDate latest = sorted.stream().map(Work::date).filter(d -> d != null).max(LocalDate::compareTo)
                    .orElse(null);
            experts.add(new Expert(sorted.get(0).person(), score, sorted.size(), latest,
                    List.copyOf(sorted.subList(0, Math.min(TOP_WORK, sorted.size())))));
        }
        experts.sort(Comparator.comparingDouble(Expert::score).reversed().thenComparing(Expert::name));
        return experts;
    }
}
