package spikebot.bot.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressLineTest {
    @Test
    void aQuickJobPrintsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), "reading notes:");
        // Called at once: well within the half second a job may take without a word.
        line.read(1, 3);
        line.read(3, 3);
        line.end();
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void timeLeftIsSaidInUnitsAPersonReads() {
        assertEquals("1 s", ProgressLine.human(Duration.ofMillis(200)));
        assertEquals("45 s", ProgressLine.human(Duration.ofSeconds(45)));
        assertEquals("8 min", ProgressLine.human(Duration.ofSeconds(480)));
        assertEquals("2.5 h", ProgressLine.human(Duration.ofMinutes(150)));
    }
}
