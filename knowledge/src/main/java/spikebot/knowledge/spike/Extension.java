package spikebot.knowledge.spike;

import java.time.Instant;

/**
 * More time for a spike, with the reason: extensions are counted and written into the note, because a spike that
 * keeps growing is itself a finding.
 *
 * @param by the time added, as written (e.g. {@code 2h})
 */
public record Extension(String by, String reason, String author, Instant at) {
}
