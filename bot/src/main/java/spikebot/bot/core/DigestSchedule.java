package spikebot.bot.core;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * When and where a guild's weekly digest is posted (and its monthly stale review, in the same channel). Times are
 * UTC: a team spread over time zones picks the hour that suits it in UTC, as it would for a recurring meeting.
 *
 * @param day     the day of the week
 * @param hour    0 to 23, UTC
 * @param channel the channel id to post in
 */
public record DigestSchedule(DayOfWeek day, int hour, String channel) {
    public DigestSchedule {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(channel, "channel");
        if (hour < 0 || hour > 23) throw new IllegalArgumentException("hour must be 0 to 23, not " + hour);
    }

    /** The latest weekly slot at or before {@code now}: the period a digest posted now belongs to. */
    public Instant lastWeeklySlot(Instant now) {
        ZonedDateTime at = now.atZone(ZoneOffset.UTC);
        ZonedDateTime slot = at.with(TemporalAdjusters.previousOrSame(day)).toLocalDate().atTime(hour, 0)
                .atZone(ZoneOffset.UTC);
        if (slot.isAfter(at)) slot = slot.minusWeeks(1);
        return slot.toInstant();
    }

    /** The latest monthly slot at or before {@code now}: the first {@link #day} of a month, at {@link #hour}. */
    public Instant lastMonthlySlot(Instant now) {
        ZonedDateTime at = now.atZone(ZoneOffset.UTC);
        ZonedDateTime slot = firstOfMonth(at.toLocalDate());
        if (slot.isAfter(at)) slot = firstOfMonth(at.toLocalDate().minusMonths(1));
        return slot.toInstant();
    }

    private ZonedDateTime firstOfMonth(LocalDate inMonth) {
        return inMonth.with(TemporalAdjusters.firstInMonth(day)).atTime(hour, 0).atZone(ZoneOffset.UTC);
    }
}
