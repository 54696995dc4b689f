package spikebot.knowledge;

/**
 * A note as found on disk.
 *
 * @param path         relative to the knowledge base, with forward slashes
 * @param note         the parsed note
 * @param lastModified file time in milliseconds, used to notice edits
 * @param size         bytes, used with the time to notice edits
 */
public record NoteFile(String path, Note note, long lastModified, long size) {
    public FileStamp stamp() {
        return new FileStamp(path, lastModified, size);
    }
}
