package spikebot.knowledge.spike;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a spike may run: written like {@code 30m}, {@code 2h}, {@code 4h}, {@code 2d}, {@code 1w}, or combined
 * ({@code 1h30m}). Days are 24 hours of the clock, not working days.
 *
 * <p>Bounded on purpose: under 15 minutes is not an investigation, and over 4 weeks is a project, not a spike.
 */
public record TimeBox(Duration duration) {
    public static final Duration MIN = Duration.ofMinutes(15);
    public static final Duration MAX = Duration.ofDays(28);
    public static final TimeBox DEFAULT = new TimeBox(Duration.ofHours(4));

    private static final Pattern PART = Pattern.compile("(\\d{1,6})\\s*(w|d|h|m)");
    private static final Pattern WHOLE = Pattern.compile("(\\s*\\d{1,6}\\s*[wdhm])+\\s*");

    public TimeBox {
        if (duration.compareTo(MIN) < 0 || duration.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("a time box must be between " + format(MIN) + " and " + format(MAX));
        }
    }

    /**
     * Reads a time box as people write it.
     *
     * @throws IllegalArgumentException with a message fit to show the user
     */
    public static TimeBox parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) throw new IllegalArgumentException("give a time box like 2h, 4h, 2d or 1w");
        if (!WHOLE.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + shorten(text) + "' is not a time box: write it like 30m, 2h, "
                    + "4h, 2d or 1w (m = minutes, h = hours, d = days, w = weeks)");
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "w" -> Duration.ofDays(7 * n);
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofMinutes(n);
            });
        }
        if (total.compareTo(MIN) < 0) {
            throw new IllegalArgumentException("'" + shorten(text) + "' is too short: a time box must be at least "
                    + format(MIN));
        }
        if (total.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("'" + shorten(text) + "' is too long: a time box can be at most "
                    + format(MAX) + " (a longer piece of work is a project, not a spike)");
        }
        return new TimeBox(total);
    }

    /** As people write it, largest units first: {@code 1w2d}, {@code 4h}, {@code 1h30m}. */
    @Override
    public String toString() {
        return format(duration);
    }

    /**
     * A duration as time boxes are written, largest units first and cut to the minute: {@code 1w2d}, {@code 1h30m};
     * one wording for every duration a spike shows.
     */
    public static String format(Duration d) {
        long minutes = d.toMinutes();
        StringBuilder out = new StringBuilder();
        long[] sizes = {7 * 24 * 60, 24 * 60, 60, 1};
        String[] units = {"w", "d", "h", "m"};
        for (int i = 0; i < sizes.length; i++) {
            long n = minutes / sizes[i];
            if (n > 0) out.append(n).append(units[i]);
            minutes %= sizes[i];
        }
        return out.isEmpty() ? "0m" : out.toString();
    }

    private static String shorten(String text) {
        String t = text.strip();
        return t.length() > 20 ? t.substring(0, 20) + "…" : t;
    }
}
