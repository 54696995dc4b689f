package spikebot.knowledge.spike;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeBoxTest {
    @Test
    void readsTheUsualBoxes() {
        assertEquals(Duration.ofMinutes(30), TimeBox.parse("30m").duration());
        assertEquals(Duration.ofHours(2), TimeBox.parse("2h").duration());
        assertEquals(Duration.ofHours(4), TimeBox.parse(" 4H ").duration());
        assertEquals(Duration.ofDays(2), TimeBox.parse("2d").duration());
        assertEquals(Duration.ofDays(7), TimeBox.parse("1w").duration());
        assertEquals(Duration.ofMinutes(90), TimeBox.parse("1h30m").duration());
        assertEquals(Duration.ofMinutes(90), TimeBox.parse("1h 30m").duration());
    }

    @Test
    void writesLargestUnitsFirst() {
        assertEquals("4h", TimeBox.parse("240m").toString());
        assertEquals("1h30m", TimeBox.parse("90m").toString());
        assertEquals("1w2d", TimeBox.parse("9d").toString());
    }

    @Test
    void refusesTooShortAndTooLongWithAReason() {
        var zero = assertThrows(IllegalArgumentException.class, () -> TimeBox.parse("0m"));
        assertTrue(zero.getMessage().contains("at least 15m"), zero.getMessage());
        var huge = assertThrows(IllegalArgumentException.class, () -> TimeBox.parse("999w"));
        assertTrue(huge.getMessage().contains("at most 4w"), huge.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "soon", "4", "h4", "-2h", "2.5h", "4 hours", "9999999999h", "2h;rm -rf"})
    void refusesGarbageWithTheExpectedForm(String text) {
        var e = assertThrows(IllegalArgumentException.class, () -> TimeBox.parse(text));
        assertTrue(e.getMessage().contains("2h"), e.getMessage());
    }

    @Test
    void hugeGarbageIsShortenedInTheMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> TimeBox.parse("x".repeat(10_000)));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
    }
}
