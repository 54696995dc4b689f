package spikebot.knowledge.spike;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static spikebot.knowledge.spike.Fixtures.T0;
import static spikebot.knowledge.spike.Fixtures.spike;

class ReminderTest {
    private static List<String> keysDue(Spike s, Instant now) {
        return Reminder.due(s, now).stream().map(Reminder::key).toList();
    }

    @Test
    void fourHourBoxRemindsAtHalfTimeOneHourBeforeAndAtTheEnd() {
        Spike s = spike("4h");
        List<Reminder> schedule = Reminder.schedule(s, T0);
        assertEquals(T0.plus(Duration.ofHours(2)), schedule.get(0).at());
        assertEquals(T0.plus(Duration.ofHours(3)), schedule.get(1).at());
        assertEquals(T0.plus(Duration.ofHours(4)), schedule.get(2).at());
        assertEquals(3, schedule.size(), "no daily reminder before the deadline");
    }

    @Test
    void shortBoxRemindsNearTheEndAtNinetyPercent() {
        Spike s = spike("2h");
        Reminder nearEnd = Reminder.schedule(s, T0).get(1);
        assertEquals(Reminder.Kind.NEAR_END, nearEnd.kind());
        assertEquals(T0.plus(Duration.ofMinutes(108)), nearEnd.at());
    }

    @Test
    void nothingIsDueBeforeHalfTimeAndEachFiresOnce() {
        Spike s = spike("4h");
        assertEquals(List.of(), keysDue(s, T0.plus(Duration.ofMinutes(119))));
        assertEquals(List.of("half-time"), keysDue(s, T0.plus(Duration.ofHours(2))));
        Spike fired = s.withRemindersFired(Set.of("half-time"));
        assertEquals(List.of(), keysDue(fired, T0.plus(Duration.ofMinutes(150))));
        assertEquals(List.of("near-end"), keysDue(fired, T0.plus(Duration.ofHours(3))));
    }

    @Test
    void dailyRemindersFollowTheDeadlineWhileOpen() {
        Spike s = spike("4h").withRemindersFired(Set.of("half-time", "near-end", "expired"));
        Instant deadline = T0.plus(Duration.ofHours(4));
        assertEquals(List.of(), keysDue(s, deadline.plus(Duration.ofHours(23))));
        assertEquals(List.of("daily-1"), keysDue(s, deadline.plus(Duration.ofHours(24))));
        assertEquals(List.of("daily-1", "daily-2", "daily-3"), keysDue(s, deadline.plus(Duration.ofDays(3))));
    }

    @Test
    void extendingReArmsTheEndButNotHalfTime() {
        Spike s = spike("4h").withRemindersFired(Set.of("half-time", "near-end", "expired"));
        Instant late = T0.plus(Duration.ofMinutes(270));
        Spike longer = s.extend(TimeBox.parse("2h"), "need to test on real data", "alice", late);
        assertEquals(T0.plus(Duration.ofHours(6)), longer.deadline());
        assertEquals(Set.of("half-time"), longer.remindersFired(), "near-end of the new deadline is still ahead");
        assertEquals(List.of(), keysDue(longer, late));
        assertEquals(List.of("near-end"), keysDue(longer, T0.plus(Duration.ofHours(5))));
        Spike warned = longer.withRemindersFired(Set.of("half-time", "near-end"));
        assertEquals(List.of("expired"), keysDue(warned, T0.plus(Duration.ofHours(6))));
        assertEquals(1, longer.extensions().size());
    }

    @Test
    void extendingByLessThanAnHourSkipsTheNearEndThatAlreadyPassed() {
        Spike s = spike("4h").withRemindersFired(Set.of("half-time", "near-end", "expired"));
        Instant late = T0.plus(Duration.ofHours(4)).plusSeconds(60);
        Spike longer = s.extend(TimeBox.parse("30m"), "one more run", "alice", late);
        assertEquals(Set.of("half-time", "near-end"), longer.remindersFired());
    }
}
