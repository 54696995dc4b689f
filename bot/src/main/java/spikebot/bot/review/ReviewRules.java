package spikebot.bot.review;

import spikebot.knowledge.Note;
import spikebot.knowledge.NoteKind;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * When a note may be out of date: a result that was never final (a paper check not attempted or not reproduced, a
 * spike shelved or needing more time) goes stale as the world moves on (the paper's code is released, the library
 * matures), and a library evaluation goes stale as the library does.
 *
 * @param unfinishedPaperCheck not attempted or not reproduced
 * @param unfinishedSpike      shelved or needing more time
 * @param libraryEvaluation    a spike run from the library checklist, or tagged {@code library}, whatever its outcome
 */
record ReviewRules(Period unfinishedPaperCheck, Period unfinishedSpike, Period libraryEvaluation) {
    static final ReviewRules DEFAULTS = new ReviewRules(Period.ofMonths(6), Period.ofMonths(3), Period.ofYears(1));
    /** The front-matter key that restarts a note's clock. */
    static final String REVIEWED = "reviewed";

    /** The shortest age any rule waits for: notes younger than this need not be read at all. */
    Period shortest() {
        return unfinishedSpike;
    }

    /** How long this note stays fresh, or empty when no rule covers it. */
    Optional<Period> freshFor(Note note) {
        if (note.kind() == NoteKind.PAPER_CHECK
                && ("not-attempted".equals(note.outcome()) || "not-reproduced".equals(note.outcome()))) {
            return Optional.of(unfinishedPaperCheck);
        }
        if (note.kind() != NoteKind.SPIKE) return Optional.empty();
        if ("shelved".equals(note.outcome()) || "needs-more-time".equals(note.outcome())) {
            return Optional.of(unfinishedSpike);
        }
        boolean library = "library".equals(note.extraText("template"))
                || note.tags().stream().anyMatch(t -> t.equalsIgnoreCase("library"));
        return library ? Optional.of(libraryEvaluation) : Optional.empty();
    }

    /** The day the note's clock started: when someone last said it is still valid, else its date; null if neither. */
    static LocalDate clockStart(Note note) {
        LocalDate reviewed = null;
        String text = note.extraText(REVIEWED);
        if (text != null) {
            try {
                reviewed = LocalDate.parse(text.strip());
            } catch (java.time.format.DateTimeParseException e) {
                // a hand-edited value the bot cannot read: the note's date decides
            }
        }
        if (reviewed == null) return note.date();
        return note.date() == null || reviewed.isAfter(note.date()) ? reviewed : note.date();
    }

    /** The day the note may be out of date from; empty when no rule covers it or it has no date. */
    Optional<LocalDate> staleFrom(Note note) {
        LocalDate start = clockStart(note);
        if (start == null) return Optional.empty();
        return freshFor(note).map(start::plus);
    }
}
