package spikebot.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HumanDatesTest {
    @ParameterizedTest
    @ValueSource(strings = {"2020-11-15", "2020-11-15T23:30:00-08:00", "2020-11-15T10:00:00Z", "2020-11-15 10:00:00 +0100",
            "2020/11/15", "2020.11.15", "15 Nov 2020", "15 November 2020", "November 15, 2020", "Nov 15, 2020",
            "Sun, 15 Nov 2020 10:00:00 +0000", "15th November 2020", "november 15 2020", " 15 Nov 2020 "})
    void readsTheFormsPeopleAndToolsWrite(String text) {
        assertEquals(Optional.of(LocalDate.of(2020, 11, 15)), HumanDates.parse(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12/03/2025", "03.04.2020", "2025-13-01", "2025-02-30", "yesterday", "20250312",
            "2025-03-12abc", "Nov 2020", "31 Feb 2020", ""})
    void leavesAmbiguousOrImpossibleDatesForAWarning(String text) {
        assertEquals(Optional.empty(), HumanDates.parse(text), text);
    }

    @Test
    void epochMillisecondsAndJekyllFileNames() {
        assertEquals(Optional.of(LocalDate.of(2020, 12, 17)), HumanDates.epochMillis(1608223200000L));
        assertEquals(Optional.empty(), HumanDates.epochMillis(42));
        assertEquals(Optional.of(LocalDate.of(2020, 12, 17)), HumanDates.fromFileName("2020-12-17-title.md"));
        assertEquals(Optional.empty(), HumanDates.fromFileName("2020-12-17.md"));
        assertEquals(Optional.empty(), HumanDates.fromFileName("2020-13-17-title.md"));
    }
}
