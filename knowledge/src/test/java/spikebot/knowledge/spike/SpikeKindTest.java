package spikebot.knowledge.spike;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.knowledge.NoteKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.knowledge.spike.Fixtures.ALICE;
import static spikebot.knowledge.spike.Fixtures.PLAN;
import static spikebot.knowledge.spike.Fixtures.T0;
import static spikebot.knowledge.spike.Fixtures.spike;

class SpikeKindTest {
    @TempDir
    Path dir;

    @Test
    void aPaperCheckKeepsItsPaperAndClaimThroughTheStoreInTheFileShapeOfBefore() throws Exception {
        SpikeKind kind = new SpikeKind.PaperCheck("https://arxiv.org/abs/2207.01848", "beats XGBoost");
        Spike s = Spike.start("p1", kind, "g1", "c1", "beats XGBoost", "", ALICE, Format.SOLO, PLAN,
                TimeBox.parse("2d"), T0);
        new SpikeStore(dir).save(s);
        String json = Files.readString(dir.resolve("p1.json"));
        assertTrue(json.contains("\"kind\" : \"PAPER_CHECK\"") && json.contains("\"claim\" : \"beats XGBoost\""),
                json);
        Spike back = new SpikeStore(dir).load().spikes().get(0);
        assertEquals(kind, back.spikeKind());
        assertEquals(NoteKind.PAPER_CHECK, back.kind());
        assertEquals("Paper check: beats XGBoost", back.spikeKind().threadName(back.topic()));
        assertEquals(SpikeKind.INVESTIGATION, spike("4h").spikeKind());
        assertThrows(IllegalArgumentException.class, () -> SpikeKind.of(NoteKind.SOLUTION, null, null));
    }

    @Test
    void eachKindClosesWithItsOwnFields() {
        SpikeKind paper = new SpikeKind.PaperCheck("p", "AUC 0.9");
        Closing closing = paper.closing("reproduced", "yes", id -> id.equals("measured") ? "AUC 0.89" : null,
                List.of(), ALICE, T0, null);
        assertEquals("AUC 0.89", closing.paper().measured());
        assertEquals(List.of("measured", "compute_cost", "code", "data"),
                paper.closingFields().stream().map(SpikeKind.ClosingField::id).toList());
        Closing spikeClosing = SpikeKind.INVESTIGATION.closing("go", "yes",
                id -> id.equals("next_steps") ? "Port job 2" : null, List.of("etl"), ALICE, T0, null);
        assertEquals("Port job 2", spikeClosing.nextSteps());
        assertEquals(null, spikeClosing.paper());
        assertEquals(List.of(new SpikeKind.Fact("Next steps", "Port job 2")),
                SpikeKind.INVESTIGATION.results(spikeClosing));
    }

    @Test
    void extensionsStopAtTheLongestTimeBoxInAll() {
        Spike s = spike("2w").extend(TimeBox.parse("1w"), "more data", "alice", T0);
        assertEquals(Duration.ofDays(7), s.extensionLeft());
        IllegalArgumentException tooMuch = assertThrows(IllegalArgumentException.class,
                () -> s.extend(TimeBox.parse("1w1h"), "again", "alice", T0));
        assertEquals("a spike runs at most 4w in all, its time box and extensions together; this one has 3w, so "
                + "it can be extended by at most 1w", tooMuch.getMessage());
        Spike full = s.extend(TimeBox.parse("1w"), "last", "alice", T0);
        assertEquals(T0.plus(TimeBox.MAX), full.deadline());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> full.extend(TimeBox.parse("15m"), "x",
                "alice", T0)).getMessage().endsWith("so it cannot be extended again: close it with what you know "
                + "(a negative result is a result)"));
    }
}
