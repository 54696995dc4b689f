package spikebot.index;

/**
 * Told as a sync reads the notes that changed, so that a person indexing a large folder sees how far it got. Called
 * from the threads that read, often: an implementation throttles its own output.
 */
@FunctionalInterface
public interface SyncProgress {
    /** Reports nothing. */
    SyncProgress NONE = (read, total) -> { };

    /** {@code read} of the {@code total} files to read are read (and indexed, or found malformed). */
    void read(int read, int total);
}
