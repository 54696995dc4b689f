package spikebot.knowledge.spike;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.knowledge.spike.Fixtures.BOB;
import static spikebot.knowledge.spike.Fixtures.T0;
import static spikebot.knowledge.spike.Fixtures.spike;

class SpikeStoreTest {
    @TempDir
    Path dir;

    @Test
    void aSavedSpikeComesBackWhole() throws Exception {
        SpikeStore store = new SpikeStore(dir.resolve("spikes"));
        Spike s = spike("2d").inThread("t1", "m1").join(BOB)
                .check(1, true, "bob", T0.plusSeconds(60))
                .withFinding(new Finding("alice", T0.plusSeconds(120), "Installs fine with pip"))
                .extend(TimeBox.parse("4h"), "GPU queue was full", "alice", T0.plusSeconds(180))
                .withRemindersFired(Set.of("half-time"));
        store.save(s);

        SpikeStore.Loaded loaded = new SpikeStore(dir.resolve("spikes")).load();
        assertEquals(java.util.List.of(s), loaded.spikes());
        assertEquals(java.util.List.of(), loaded.problems());
    }

    @Test
    void savingAgainReplacesAndLeavesNoTemporaryFiles() throws Exception {
        SpikeStore store = new SpikeStore(dir);
        Spike s = spike("4h");
        store.save(s);
        store.save(s.withRemindersFired(Set.of("half-time")));
        try (var files = Files.list(dir)) {
            assertEquals(java.util.List.of("s1.json"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(Set.of("half-time"), store.load().spikes().get(0).remindersFired());
        store.delete("s1");
        assertEquals(0, store.load().spikes().size());
    }

    @Test
    void aBrokenFileIsReportedAndTheOthersStillLoad() throws Exception {
        SpikeStore store = new SpikeStore(dir);
        store.save(spike("4h"));
        Files.writeString(dir.resolve("zz.json"), "{ not json");
        SpikeStore.Loaded loaded = store.load();
        assertEquals(1, loaded.spikes().size());
        assertEquals(1, loaded.problems().size());
        assertTrue(loaded.problems().get(0).startsWith("zz.json"), loaded.problems().get(0));
    }

    @Test
    void aMissingFolderIsAnEmptyStore() throws Exception {
        assertEquals(0, new SpikeStore(dir.resolve("nope")).load().spikes().size());
    }

    @Test
    void idsCannotNameAPath() {
        assertThrows(IllegalArgumentException.class, () -> new SpikeStore(dir).delete("../x"));
    }
}
