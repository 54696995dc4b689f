package spikebot.knowledge;

import java.util.List;

/**
 * A note as read from its text, with what could not be read in it: each warning names a value the note is read
 * without (a date in no known form, an author map without a name), in the same "path:line: reason" form as a
 * {@link Problem} that costs a whole file.
 */
public record ParsedNote(Note note, List<Problem> warnings) {
    public ParsedNote {
        warnings = List.copyOf(warnings);
    }
}
