package spikebot.bot.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The wall clock, plus however much time the user skipped with {@code wait}: lets a person see a spike's
 * reminders without waiting hours for them.
 */
final class ConsoleClock extends Clock {
    private final Clock base;
    private volatile Duration skipped = Duration.ZERO;

    ConsoleClock(Clock base) {
        this.base = base;
    }

    void skip(Duration d) {
        skipped = skipped.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        ConsoleClock c = new ConsoleClock(base.withZone(zone));
        c.skipped = skipped;
        return c;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(skipped);
    }
}
