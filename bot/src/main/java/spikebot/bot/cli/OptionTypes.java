package spikebot.bot.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import spikebot.index.SearchMode;
import spikebot.knowledge.NoteKind;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The typed values of the shell's options: picocli converts each option's text with one of these, and a value that
 * does not fit becomes the one-line error "--since must be a date like 2025-03-12, not '2025-13-01'" (exit code 2)
 * before the command runs. Checks that need two options at once (an outcome against a kind, a number's range) are
 * here too, so every command words them alike.
 */
public final class OptionTypes {
    private OptionTypes() {
    }

    /**
     * A value that does not fit its option. The message is what the value must be; {@link Shell} puts the option's
     * name in front, since one converter serves several options ({@code --since} and {@code --until}).
     */
    static final class BadValue extends TypeConversionException {
        BadValue(String mustBe, String value) {
            super("must be " + mustBe + ", not '" + value + "'");
        }
    }

    /** A calendar day, as ISO writes it: 2025-03-12. */
    public static final class IsoDate implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new BadValue("a date like 2025-03-12", value);
            }
        }
    }

    /** A whole number: picocli's own would say "'x' is not an int". */
    public static final class WholeNumber implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                throw new BadValue("a whole number", value);
            }
        }
    }

    /** A kind of note by its id ({@code spike}, {@code paper-check}, …). */
    public static final class KindId implements ITypeConverter<NoteKind> {
        @Override
        public NoteKind convert(String value) {
            return NoteKind.parse(value).orElseThrow(() -> new BadValue("one of " + NoteKind.ids(), value));
        }
    }

    /** The ids of the kinds, for the help text ({@code ${COMPLETION-CANDIDATES}}) and shell completion. */
    public static final class KindIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(NoteKind.values()).map(NoteKind::id).iterator();
        }
    }

    /** {@code bm25} or {@code hybrid}. */
    public static final class Search implements ITypeConverter<SearchMode> {
        @Override
        public SearchMode convert(String value) {
            return SearchMode.parse(value).orElseThrow(() -> new BadValue("bm25 or hybrid", value));
        }
    }

    /**
     * An outcome, as it is stored (lower case, dashes for spaces), checked against the kind when there is one and
     * else against the outcomes of every kind; null when not given. {@code none} means "no outcome" for a kind that
     * takes it.
     */
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

    /** A whole number option within its bounds; picocli has already refused one that is not a number. */
    static int within(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new CommandLineError(option + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    /** Words with blanks stripped and empty ones dropped (a repeated {@code --tag ""} adds nothing). */
    static List<String> words(List<String> values) {
        return values.stream().map(String::strip).filter(w -> !w.isEmpty()).toList();
    }
}
