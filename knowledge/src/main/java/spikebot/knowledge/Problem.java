package spikebot.knowledge;

/**
 * Why a file could not be read as a note.
 *
 * @param path   relative to the knowledge base
 * @param line   1-based line the problem was found on; 0 when it concerns the whole file
 * @param reason one sentence a person can act on
 */
public record Problem(String path, int line, String reason) {
    @Override
    public String toString() {
        return line > 0 ? path + ":" + line + ": " + reason : path + ": " + reason;
    }
}
