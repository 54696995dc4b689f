package spikebot.knowledge.spike;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reminder in a spike's thread. A spike's schedule: half time; near the end (one hour before the deadline, or
 * at 90% for boxes of two hours or less, where "one hour before" would be half time); at the deadline; then once
 * a day while it stays open.
 *
 * @param kind which reminder
 * @param day  for {@link Kind#DAILY}: days past the deadline (1, 2, …); else 0
 * @param at   when it is due
 */
public record Reminder(Kind kind, int day, Instant at) {

    public enum Kind {
        HALF_TIME, NEAR_END, EXPIRED, DAILY;

        String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    static final Duration NEAR_END_LEAD = Duration.ofHours(1);

    /**
     * Stable name in {@link Spike#remindersFired()}: {@code half-time}, {@code near-end}, {@code expired},
     * {@code daily-3}.
     */
    public String key() {
        return kind == Kind.DAILY ? kind.key() + "-" + day : kind.key();
    }

    /** Every reminder of the spike up to {@code now} (daily ones only as far as now), in time order. */
    public static List<Reminder> schedule(Spike spike, Instant now) {
        Duration total = spike.total();
        List<Reminder> all = new ArrayList<>();
        all.add(new Reminder(Kind.HALF_TIME, 0, spike.started().plus(total.dividedBy(2))));
        Instant nearEnd = total.compareTo(NEAR_END_LEAD.multipliedBy(2)) <= 0
                ? spike.started().plus(total.multipliedBy(9).dividedBy(10))
                : spike.deadline().minus(NEAR_END_LEAD);
        all.add(new Reminder(Kind.NEAR_END, 0, nearEnd));
        all.add(new Reminder(Kind.EXPIRED, 0, spike.deadline()));
        for (int day = 1; ; day++) {
            Instant at = spike.deadline().plus(Duration.ofDays(day));
            if (at.isAfter(now)) break;
            all.add(new Reminder(Kind.DAILY, day, at));
        }
        return all;
    }

    /** Reminders due at {@code now} that have not fired yet, oldest first. */
    public static List<Reminder> due(Spike spike, Instant now) {
        return schedule(spike, now).stream()
                .filter(r -> !r.at().isAfter(now) && !spike.remindersFired().contains(r.key()))
                .toList();
    }
}
