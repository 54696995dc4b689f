package spikebot.bot.digest;

import spikebot.index.Hit;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteKind;
import spikebot.knowledge.spike.TimeBox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed spike or paper check as the digest tells it: read from its note. Notes the bot wrote from a spike thread
 * carry exact times in their "Time box" section (see {@code SpikeNotes}); notes written by hand have a date and
 * perhaps a {@code timebox}, and the digest says what it can.
 *
 * <p>Reading times from the note's text, not its front matter, because that is where spike notes keep them today;
 * front-matter keys ({@code started}, {@code closed}) would be sturdier and are for the notes' format to add.
 *
 * @param hit        the note as the index has it (title, kind, outcome, authors, link)
 * @param decision   the first sentences of its "Decision" section; null when it has none
 * @param closed     when it closed: the exact time when recorded, else the end of its date (so that a note dated
 *                   on a digest's day goes into the next digest, never into two)
 * @param started    null when not recorded
 * @param box        the time box asked for at start; null when not recorded
 * @param boxed      the box with its extensions (deadline minus start); null when not recorded
 * @param extensions how many times it was extended
 */
record ClosedWork(Hit hit, String decision, Instant closed, Instant started, Duration box, Duration boxed,
                  int extensions) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Pattern TIMES = Pattern.compile("from (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d) UTC to "
            + "(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d) UTC; closed (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d) UTC");
    private static final Pattern DECISION = Pattern.compile("(?m)^## Decision[ \\t]*\\n\\s*((?:[^\\n]+(?:\\n|$))+)");
    private static final int DECISION_CHARS = 200;

    static ClosedWork of(Hit hit, Note note) {
        Instant started = null;
        Instant deadline = null;
        Instant closed = hit.date() == null ? Instant.EPOCH
                : hit.date().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
        Matcher times = TIMES.matcher(note.body());
        if (times.find()) {
            started = instant(times.group(1));
            deadline = instant(times.group(2));
            closed = instant(times.group(3));
        }
        Duration box = null;
        if (note.timebox() != null) {
            try {
                box = TimeBox.parse(note.timebox()).duration();
            } catch (IllegalArgumentException e) {
                // a hand-written box the bot cannot read: the digest leaves it out
            }
        }
        Object ext = note.extra().get("extensions");
        int extensions = ext instanceof Number n ? n.intValue() : 0;
        Duration boxed = started != null && deadline != null ? Duration.between(started, deadline) : box;
        return new ClosedWork(hit, decision(note.body()), closed, started, box, boxed, extensions);
    }

    boolean spike() {
        return hit.kind() == NoteKind.SPIKE;
    }

    /** Time from start to close; null when not recorded. */
    Duration used() {
        return started == null ? null : Duration.between(started, closed);
    }

    /** Used more than the box it started with (extended, or closed after its deadline); null when unknown. */
    Boolean overran() {
        Duration used = used();
        return used == null || box == null ? null : used.compareTo(box) > 0;
    }

    String owner() {
        return hit.authors().isEmpty() ? null : hit.authors().get(0);
    }

    private static Instant instant(String text) {
        return LocalDateTime.parse(text, WHEN).toInstant(ZoneOffset.UTC);
    }

    private static String decision(String body) {
        Matcher m = DECISION.matcher(body);
        if (!m.find()) return null;
        String paragraph = m.group(1).strip().replaceAll("\\s+", " ");
        if (paragraph.length() <= DECISION_CHARS) return paragraph;
        int end = paragraph.lastIndexOf(". ", DECISION_CHARS);
        return end > 40 ? paragraph.substring(0, end + 1) : paragraph.substring(0, DECISION_CHARS - 1) + "…";
    }
}
