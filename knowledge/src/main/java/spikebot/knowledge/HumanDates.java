package spikebot.knowledge;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as the tools and people that write notes give them. Only unambiguous forms are read: {@code 03/04/2020}
 * is March in one country and April in another, so it is left for a warning rather than guessed.
 *
 * <p>A date with a time keeps the day as written, whatever its zone: {@code 2020-11-15T23:30:00-08:00} is the 15th
 * for its author, even if it is the 16th in UTC.
 */
final class HumanDates {
    /** Year first: 2020-11-15, 2020/11/15, 2020.11.15, 2020-1-5, optionally followed by a time and zone. */
    private static final Pattern YEAR_FIRST =
            Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:(?:[T ]|\\s+).*)?");
    /** A Jekyll post's file name: 2020-12-17-title.md. */
    private static final Pattern FILE_NAME_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-.+");
    /** A weekday before the date, an ordinal after the day, a time after the year: left out before parsing. */
    private static final Pattern WEEKDAY =
            Pattern.compile("^(?i)(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\\s+");
    private static final Pattern ORDINAL = Pattern.compile("(?i)\\b(\\d{1,2})(st|nd|rd|th)\\b");
    private static final Pattern AFTER_YEAR = Pattern.compile("^(.*?\\b\\d{4})\\b.*$");
    private static final List<DateTimeFormatter> WORDS = List.of(
            formatter("d MMM uuuu"), formatter("d MMMM uuuu"),
            formatter("MMM d uuuu"), formatter("MMMM d uuuu"),
            formatter("MMM uuuu d"), formatter("uuuu MMM d"), formatter("uuuu MMMM d"));
    /** Epoch milliseconds between 2001 and 2286: Dendron's created and updated. */
    private static final long MIN_MILLIS = 1_000_000_000_000L;

    private HumanDates() {
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** A date written as text, or empty when it is not one Spikebot can read without guessing. */
    static Optional<LocalDate> parse(String text) {
        if (text == null) return Optional.empty();
        String value = text.strip();
        Matcher iso = YEAR_FIRST.matcher(value);
        if (iso.matches()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(3)),
                        Integer.parseInt(iso.group(4))));
            } catch (DateTimeException e) {
                return Optional.empty(); // 2025-02-30
            }
        }
        if (value.matches("\\d{12,13}")) return epochMillis(Long.parseLong(value));
        String words = WEEKDAY.matcher(value).replaceFirst("");
        words = ORDINAL.matcher(words).replaceAll("$1");
        Matcher year = AFTER_YEAR.matcher(words);
        if (year.matches() && year.group(1).length() > 4) words = year.group(1); // drop a time after the year
        words = words.replace(",", " ").replaceAll("(?i)\\bsept\\b", "Sep").replace(".", " ").strip()
                .replaceAll("\\s+", " ");
        for (DateTimeFormatter formatter : WORDS) {
            try {
                return Optional.of(LocalDate.parse(words, formatter));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /** A date given as a number: epoch milliseconds, as Dendron writes {@code created} and {@code updated}. */
    static Optional<LocalDate> epochMillis(long millis) {
        if (millis < MIN_MILLIS || millis > 9_999_999_999_999L) return Optional.empty();
        return Optional.of(LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
    }

    /** The date a Jekyll post carries in its file name ({@code 2020-12-17-title.md}); empty for other names. */
    static Optional<LocalDate> fromFileName(String fileName) {
        Matcher m = FILE_NAME_DATE.matcher(fileName);
        if (!m.matches()) return Optional.empty();
        try {
            return Optional.of(LocalDate.parse(m.group(1)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
