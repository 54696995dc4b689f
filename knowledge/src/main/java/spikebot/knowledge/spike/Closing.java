package spikebot.knowledge.spike;

import spikebot.knowledge.NoteKind;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Locale;

/**
 * How a spike ended: the written decision that becomes its note.
 *
 * @param outcome    one of the kind's outcomes (go, no-go, shelved, needs-more-time; or for paper checks
 *                   reproduced, partially-reproduced, not-reproduced, not-attempted)
 * @param approaches the approaches compared and on which criteria; may be null
 * @param nextSteps  may be null
 * @param paper      paper checks only; null for spikes
 * @param threadLink where the discussion lives; may be null
 */
public record Closing(String outcome, String summary, String approaches, String nextSteps, List<String> tags,
                      PaperResult paper, Person closedBy, Instant at, String threadLink) {
    public Closing {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(closedBy, "closedBy");
        Objects.requireNonNull(at, "at");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /**
     * The outcome as the kind names it, or an error message fit to show.
     *
     * @throws IllegalArgumentException when the kind has no such outcome
     */
    public static String outcome(NoteKind kind, String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace(' ', '-')
                .replace('_', '-');
        if (kind.outcomes().contains(wanted)) return wanted;
        throw new IllegalArgumentException("the outcome of a " + kind.id() + " is one of "
                + String.join(", ", kind.outcomes()) + (wanted.isEmpty() ? "" : ", not '" + shorten(text) + "'"));
    }

    private static String shorten(String text) {
        String t = text.strip();
        return t.length() > 30 ? t.substring(0, 30) + "…" : t;
    }
}
