package spikebot.bot.review;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a note may be out of date: a result that was never final (a paper check not attempted or not reproduced, a
 * spike shelved or needing more time) goes stale as the world moves on (the paper's code is released, the library
 * matures), and a library evaluation goes stale as the library does.
 *
 * @param unfinishedPaperCheck not attempted or not reproduced
 * @param unfinishedSpike      shelved or needing more time
 * @param libraryEvaluation    a spike run from the library checklist, or tagged {@code library}, whatever its outcome
 * @param problem              why a team's rules file was not used (one line), or null
 */
record ReviewRules(Period unfinishedPaperCheck, Period unfinishedSpike, Period libraryEvaluation, String problem) {
    static final ReviewRules DEFAULTS = new ReviewRules(Period.ofMonths(6), Period.ofMonths(3), Period.ofYears(1),
            null);
    /** A team's own periods, beside its checklist templates; read afresh for each review so edits apply at once. */
    static final String FILE = "review-rules.yaml";
    private static final Pattern PERIOD = Pattern.compile("\\s*(\\d{1,4})\\s*([dwmy])\\s*");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file as written, e.g. {@code paper-checks: 6m}, {@code spikes: 3m}, {@code library-evaluations: 1y}. */
    private record FileRules(String paperChecks, String spikes, String libraryEvaluations) {
    }

    /**
     * The rules in {@code <state>/review-rules.yaml}, each missing one at its default; the defaults, with the reason
     * in {@link #problem}, when the file cannot be used.
     */
    static ReviewRules load(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        if (!Files.isRegularFile(file)) return DEFAULTS;
        try {
            FileRules raw = YAML.readValue(file.toFile(), FileRules.class);
            if (raw == null) return DEFAULTS;
            return new ReviewRules(period(raw.paperChecks(), DEFAULTS.unfinishedPaperCheck),
                    period(raw.spikes(), DEFAULTS.unfinishedSpike),
                    period(raw.libraryEvaluations(), DEFAULTS.libraryEvaluation), null);
        } catch (IOException | IllegalArgumentException e) {
            String reason = e instanceof IllegalArgumentException ? e.getMessage()
                    : e.getMessage().lines().findFirst().orElse("unreadable");
            return new ReviewRules(DEFAULTS.unfinishedPaperCheck, DEFAULTS.unfinishedSpike, DEFAULTS.libraryEvaluation,
                    ".spikebot/" + FILE + ": " + reason + " (the defaults apply: paper-checks 6m, spikes 3m, "
                            + "library-evaluations 1y)");
        }
    }

    /** {@code 90d}, {@code 2w}, {@code 6m}, {@code 1y}. */
    static Period period(String text, Period fallback) {
        if (text == null || text.isBlank()) return fallback;
        Matcher m = PERIOD.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a period: write it like 90d, 6m or 1y");
        }
        int n = Integer.parseInt(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Period.ofDays(n);
            case "w" -> Period.ofWeeks(n);
            case "m" -> Period.ofMonths(n);
            default -> Period.ofYears(n);
        };
    }
    /** The front-matter key that restarts a note's clock. */
    static final String REVIEWED = "reviewed";

    /** The shortest age any rule waits for: notes younger than this need not be read at all. */
    LocalDate youngestDue(LocalDate today) {
        LocalDate a = today.minus(unfinishedPaperCheck), b = today.minus(unfinishedSpike);
        LocalDate c = today.minus(libraryEvaluation);
        LocalDate latest = a.isAfter(b) ? a : b;
        return latest.isAfter(c) ? latest : c;
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
