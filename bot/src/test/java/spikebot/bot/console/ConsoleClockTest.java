package spikebot.bot.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleClockTest {
    @ParameterizedTest
    @CsvSource({"2h, 120", "1h30m, 90", "1d 4h, 1680", "1W, 10080", "' 45 m ', 45"})
    void readsWaits(String text, long minutes) {
        assertEquals(Duration.ofMinutes(minutes), ConsoleClock.parseWait(text));
    }

    @ParameterizedTest
    @CsvSource({"-2h, time only moves forward", "soon, say how long", "2h please, say how long", "0m, say how long",
            "'', say how long", "7w, at most 6 weeks"})
    void refusesWhatIsNotAWaitForward(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConsoleClock.parseWait(text));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void skipsForwardOnly() {
        Instant start = Instant.parse("2025-06-02T09:00:00Z");
        ConsoleClock clock = new ConsoleClock(Clock.fixed(start, ZoneOffset.UTC));
        clock.skip(Duration.ofHours(2));
        assertEquals(start.plus(Duration.ofHours(2)), clock.instant());
        assertThrows(IllegalArgumentException.class, () -> clock.skip(Duration.ofHours(-1)));
        assertEquals(start.plus(Duration.ofHours(2)), clock.instant());
    }
}
