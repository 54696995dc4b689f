package spikebot.knowledge.spike;

import java.time.Instant;
import java.util.List;

/** Spikes for tests. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2025-03-12T09:00:00Z");
    static final Person ALICE = new Person("100", "alice");
    static final Person BOB = new Person("200", "bob");
    static final ChecklistTemplate PLAN = new ChecklistTemplate("library", "Library evaluation", "",
            List.of("Installs", "Hello-world runs", "Own tests pass"));

    private Fixtures() {
    }

    static Spike spike(String box) {
        return Spike.start("s1", SpikeKind.INVESTIGATION, "g1", "c1", "Evaluate Polars", "Faster ETL", ALICE,
                Format.SOLO, PLAN, TimeBox.parse(box), T0);
    }
}
