package spikebot.bot.core;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * How old a note is, in the words people use, the same in the shell, the console and Discord. A note's date is a
 * day, so it is counted in days against today's date: a note dated today is "today" (not "21 hours ago", which a
 * Discord timestamp of its midnight would show), and the wording does not change with the reader's client.
 */
public final class Ages {
    private Ages() {
    }

    /** "today", "yesterday", "5 days ago", "3 weeks ago", "20 months ago", "2 years ago". */
    public static String since(LocalDate date, LocalDate today) {
        long days = ChronoUnit.DAYS.between(date, today);
        if (days < 0) return "dated in the future";
        if (days == 0) return "today";
        if (days == 1) return "yesterday";
        if (days < 14) return days + " days ago";
        if (days < 60) return days / 7 + " weeks ago";
        Period period = Period.between(date, today);
        long months = period.toTotalMonths();
        if (months < 24) return months + " months ago";
        return period.getYears() + " years ago";
    }
}
