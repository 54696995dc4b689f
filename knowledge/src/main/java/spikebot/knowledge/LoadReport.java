package spikebot.knowledge;

import java.util.List;

/** The notes a folder holds, and every file that could not be read as one. */
public record LoadReport(List<NoteFile> notes, List<Problem> problems) {
    public LoadReport {
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
    }

    /** Values the notes were read without (a date in no known form, …): each note is loaded, but should be fixed. */
    public List<Problem> warnings() {
        return notes.stream().flatMap(n -> n.warnings().stream()).toList();
    }
}
