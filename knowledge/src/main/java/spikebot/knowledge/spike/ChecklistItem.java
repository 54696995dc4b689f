package spikebot.knowledge.spike;

import java.time.Instant;

/**
 * One step of a spike's game plan.
 *
 * @param doneBy name of who ticked it; null while open
 * @param doneAt when it was ticked; null while open
 */
public record ChecklistItem(String text, boolean done, String doneBy, Instant doneAt) {
    public static ChecklistItem open(String text) {
        return new ChecklistItem(text, false, null, null);
    }

    public ChecklistItem tick(String by, Instant at) {
        return new ChecklistItem(text, true, by, at);
    }

    public ChecklistItem untick() {
        return open(text);
    }
}
