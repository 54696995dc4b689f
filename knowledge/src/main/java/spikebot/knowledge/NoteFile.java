package spikebot.knowledge;

import java.util.List;

/**
 * A note as found on disk.
 *
 * @param path         relative to the knowledge base, with forward slashes
 * @param note         the parsed note
 * @param lastModified file time in milliseconds, used to notice edits
 * @param size         bytes, used with the time to notice edits
 * @param warnings     values of the file the note is read without (see {@link ParsedNote}); empty for most notes
 */
public record NoteFile(String path, Note note, long lastModified, long size, List<Problem> warnings) {
    public NoteFile {
        warnings = List.copyOf(warnings);
    }

    /** A note read without warnings, or written by Spikebot. */
    public NoteFile(String path, Note note, long lastModified, long size) {
        this(path, note, lastModified, size, List.of());
    }

    public FileStamp stamp() {
        return new FileStamp(path, lastModified, size);
    }
}
