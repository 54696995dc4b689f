package spikebot.knowledge;

import java.util.List;

/** The notes a folder holds, and every file that could not be read as one. */
public record LoadReport(List<NoteFile> notes, List<Problem> problems) {
    public LoadReport {
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
    }
}
