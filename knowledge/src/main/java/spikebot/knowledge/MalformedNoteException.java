package spikebot.knowledge;

/** A note that cannot be read, with the line where the trouble is (0 when it concerns the whole file). */
public class MalformedNoteException extends Exception {
    private final int line;

    public MalformedNoteException(int line, String reason) {
        super(reason);
        this.line = line;
    }

    public int line() {
        return line;
    }

    public Problem problemIn(String path) {
        return new Problem(path, line, getMessage());
    }
}
