package spikebot.knowledge.spike;

import java.time.Instant;

/** Something learned during a spike, kept with who found it and when (a negative result is a result). */
public record Finding(String author, Instant at, String text) {
}
