package spikebot.bot.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wall clock, plus however much time the user skipped with {@code wait}: lets a person see a spike's
 * reminders without waiting hours for them. Time only moves forward: a spike's deadline, its reminders and the
 * notes it writes would make no sense in reverse.
 */
final class ConsoleClock extends Clock {
    /** The longest one {@code wait}: past a spike's longest time box (4 weeks) and a few of its daily reminders. */
    static final Duration LONGEST_WAIT = Duration.ofDays(7 * 6);
    /** {@code 2h}, {@code 1d 4h}, {@code 1h30m}: numbers with a unit, nothing else. */
    private static final Pattern WAIT = Pattern.compile("(\\s*\\d{1,5}\\s*[mhdw])+\\s*");
    private static final Pattern PART = Pattern.compile("(\\d{1,5})\\s*([mhdw])");

    private final Clock base;
    private volatile Duration skipped = Duration.ZERO;

    ConsoleClock(Clock base) {
        this.base = base;
    }

    void skip(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("time only moves forward, not by " + d);
        skipped = skipped.plus(d);
    }

    /**
     * What the user typed after {@code wait}, as a duration.
     *
     * @throws IllegalArgumentException with the message to show: not a duration, negative, zero or too long
     */
    static Duration parseWait(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        if (wanted.startsWith("-")) {
            throw new IllegalArgumentException("time only moves forward: say how long to wait, e.g. `wait 2h`");
        }
        if (!WAIT.matcher(wanted).matches()) {
            throw new IllegalArgumentException("say how long, e.g. `wait 2h`, `wait 1d` or `wait 1h30m`");
        }
        Duration d = Duration.ZERO;
        Matcher m = PART.matcher(wanted);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "w" -> Duration.ofDays(7 * n);
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofMinutes(n);
            });
        }
        if (d.isZero()) throw new IllegalArgumentException("say how long, e.g. `wait 2h`");
        if (d.compareTo(LONGEST_WAIT) > 0) {
            throw new IllegalArgumentException("at most " + LONGEST_WAIT.toDays() / 7 + " weeks at a time");
        }
        return d;
    }

    /** "1 day 4 hours", "1 hour 30 minutes": exactly what was asked for, unlike the rounded "in 2 hours". */
    static String spelledOut(Duration d) {
        List<String> parts = new ArrayList<>();
        if (d.toDays() > 0) parts.add(d.toDays() + (d.toDays() == 1 ? " day" : " days"));
        if (d.toHoursPart() > 0) parts.add(d.toHoursPart() + (d.toHoursPart() == 1 ? " hour" : " hours"));
        if (d.toMinutesPart() > 0) parts.add(d.toMinutesPart() + (d.toMinutesPart() == 1 ? " minute" : " minutes"));
        return String.join(" ", parts);
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
