package spikebot.bot.cli;

import spikebot.knowledge.NoteKind;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Reads the note options that several commands share, with the one-line errors a person can act on. */
final class NoteOptions {
    private NoteOptions() {
    }

    /** A kind by its id, or null when not given. */
    static NoteKind kind(String text) {
        if (text == null) return null;
        return NoteKind.parse(text).orElseThrow(() -> new CommandLineError(
                "unknown kind '" + text + "' (expected one of " + NoteKind.ids() + ")"));
    }

    /** An outcome, checked against the kind when there is one, else against every kind; null when not given. */
    static String outcome(String text, NoteKind kind) {
        if (text == null) return null;
        String outcome = text.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
        if (kind != null) {
            if (!kind.accepts(outcome)) {
                throw new CommandLineError("outcome '" + text + "' does not fit kind " + kind.id()
                        + (kind.outcomes().isEmpty() ? " (it takes none)"
                        : " (expected one of " + String.join(", ", kind.outcomes()) + ")"));
            }
            return outcome.equals("none") ? null : outcome;
        }
        Set<String> all = new LinkedHashSet<>();
        Arrays.stream(NoteKind.values()).forEach(k -> all.addAll(k.outcomes()));
        if (!all.contains(outcome)) {
            throw new CommandLineError("unknown outcome '" + text + "' (expected one of " + String.join(", ", all) + ")");
        }
        return outcome;
    }

    static LocalDate date(String option, String text) {
        if (text == null) return null;
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CommandLineError("--" + option + " must be a date like 2025-03-12, not '" + text + "'");
        }
    }
}
