package spikebot.knowledge.spike;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteFile;
import spikebot.knowledge.NoteKind;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.knowledge.spike.Fixtures.ALICE;
import static spikebot.knowledge.spike.Fixtures.BOB;
import static spikebot.knowledge.spike.Fixtures.T0;
import static spikebot.knowledge.spike.Fixtures.spike;

class SpikeNotesTest {
    @TempDir
    Path dir;

    @Test
    void aClosedSpikeBecomesANoteWithEverythingThatHappened() throws Exception {
        Spike s = spike("4h").inThread("777", "778").join(BOB)
                .check(0, true, "bob", T0.plusSeconds(600))
                .withFinding(new Finding("alice", T0.plusSeconds(900), "Lazy API is 3x faster on our ETL"))
                .extend(TimeBox.parse("2h"), "needed the full dataset", "alice", T0.plusSeconds(3600));
        Instant closedAt = T0.plus(Duration.ofHours(5));
        Closing closing = new Closing("go", "Switch the nightly job", "Polars vs Pandas on the same 3 jobs: time",
                "Port job 1", List.of("polars"), null, ALICE, closedAt, "https://discord.com/channels/g1/777");
        Note note = SpikeNotes.render(s, closing);

        NoteFile written = new KnowledgeBase(dir).write(note);
        Note back = new KnowledgeBase(dir).read(written.path()).note();
        assertEquals(NoteKind.SPIKE, back.kind());
        assertEquals("Evaluate Polars", back.title());
        assertEquals(LocalDate.of(2025, 3, 12), back.date());
        assertEquals(List.of("alice", "bob"), back.authors());
        assertEquals("go", back.outcome());
        assertEquals("4h", back.timebox());
        assertEquals("https://discord.com/channels/g1/777", back.link());
        assertEquals("g1", back.extraText("guild"));
        assertEquals("777", back.extraText("channel"));
        String body = back.body();
        assertTrue(body.contains("- [x] Installs (bob, 2025-03-12 09:10 UTC)"), body);
        assertTrue(body.contains("- [ ] Hello-world runs"), body);
        assertTrue(body.contains("alice: Lazy API is 3x faster"), body);
        assertTrue(body.contains("Extended 1 time:\n- +2h by alice"), body);
        assertTrue(body.contains("needed the full dataset"), body);
        assertTrue(body.contains("participants: bob"), body);
        assertTrue(body.contains("Polars vs Pandas"), body);
        assertTrue(body.contains("Port job 1"), body);
    }

    @Test
    void aPaperCheckRecordsClaimAgainstMeasurementCostAndAvailability() {
        Spike s = Spike.start("p1", new SpikeKind.PaperCheck("https://arxiv.org/abs/2207.01848",
                        "beats XGBoost on small tables"), "g1", "c1", "TabPFN on churn", "", ALICE, Format.PAIR,
                Templates.shipped().get("paper").orElseThrow(), TimeBox.parse("2d"), T0);
        Closing c = new Closing("partially-reproduced", "Only below 1k rows", null, null, List.of(),
                new PaperResult("AUC 0.81 vs XGBoost 0.80", "3 GPU hours", "yes, GitHub", "no"), ALICE,
                T0.plus(Duration.ofDays(1)), null);
        Note note = SpikeNotes.render(s, c);
        assertEquals(NoteKind.PAPER_CHECK, note.kind());
        assertEquals("https://arxiv.org/abs/2207.01848", note.paper());
        assertEquals("partially-reproduced", note.outcome());
        assertTrue(note.body().contains("- Claimed: beats XGBoost on small tables"), note.body());
        assertTrue(note.body().contains("- Measured: AUC 0.81 vs XGBoost 0.80"));
        assertTrue(note.body().contains("- Compute cost: 3 GPU hours"));
        assertTrue(note.body().contains("- Code available: yes, GitHub"));
        assertTrue(note.body().contains("- Data available: no"));
    }

    @Test
    void outcomesAreCheckedAgainstTheKind() {
        assertEquals("no-go", Closing.outcome(NoteKind.SPIKE, "No Go"));
        assertEquals("not-reproduced", Closing.outcome(NoteKind.PAPER_CHECK, "not_reproduced"));
        var e = assertThrows(IllegalArgumentException.class, () -> Closing.outcome(NoteKind.SPIKE, "reproduced"));
        assertTrue(e.getMessage().contains("go, no-go, shelved, needs-more-time"), e.getMessage());
    }

    @Test
    void aSolutionIsTitledByTheFirstLineOfItsProblem() throws Exception {
        Solution sol = new Solution("CUDA OOM when fine-tuning with batch 64\nOn the A10 boxes",
                "Gradient accumulation, batch 16 x 4", "Mixed precision alone", "https://example.com/x",
                List.of("cuda", "fine-tuning"), BOB, T0, "g1", "555", "https://discord.com/channels/g1/555");
        NoteFile written = new KnowledgeBase(dir).write(sol.toNote());
        Note back = new KnowledgeBase(dir).read(written.path()).note();
        assertEquals(NoteKind.SOLUTION, back.kind());
        assertEquals("CUDA OOM when fine-tuning with batch 64", back.title());
        assertEquals(List.of("bob"), back.authors());
        assertEquals(List.of("cuda", "fine-tuning"), back.tags());
        assertEquals("555", back.extraText("channel"));
        assertTrue(back.body().contains("## What did not work\n\nMixed precision alone"), back.body());
        assertTrue(written.path().startsWith("solutions/"), written.path());
    }

    @Test
    void aVeryLongProblemLineGivesAShortTitle() {
        Solution sol = new Solution("word ".repeat(500), "x", null, null, List.of(), BOB, T0, null, null, null);
        assertTrue(sol.title().length() <= 101, sol.title());
    }
}
