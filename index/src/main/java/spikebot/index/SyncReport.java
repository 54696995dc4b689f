package spikebot.index;

import spikebot.knowledge.Problem;

import java.time.Duration;
import java.util.List;

/**
 * What bringing the index up to date with the notes did.
 *
 * @param added     notes indexed for the first time
 * @param changed   notes re-indexed because their file changed
 * @param deleted   notes removed because their file is gone
 * @param malformed files that could not be read as notes (each with file, line and reason); a note that was
 *                  indexed and has since become malformed is removed from the index and listed here; so is a
 *                  team synonyms file ({@code .spikebot/synonyms.txt}) that could not be read
 * @param took      how long it took
 */
public record SyncReport(int added, int changed, int deleted, List<Problem> malformed, Duration took) {
    public SyncReport {
        malformed = List.copyOf(malformed);
    }

    public boolean changedAnything() {
        return added + changed + deleted > 0;
    }
}
