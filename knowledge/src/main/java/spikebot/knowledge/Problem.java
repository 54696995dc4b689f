package spikebot.knowledge;

/**
 * Why a file could not be read as a note.
 *
 * @param path   relative to the knowledge base
 * @param line   1-based line the problem was found on; 0 when it concerns the whole file
 * @param reason one sentence a person can act on
 */
public record Problem(String path, int line, String reason) {
    /** "path:line: reason", one line even when a file name holds line breaks or other control characters. */
    @Override
    public String toString() {
        String shown = path.codePoints()
                .mapToObj(c -> Character.isISOControl(c) ? String.format("\\u%04X", c) : Character.toString(c))
                .collect(java.util.stream.Collectors.joining());
        return line > 0 ? shown + ":" + line + ": " + reason : shown + ": " + reason;
    }
}
