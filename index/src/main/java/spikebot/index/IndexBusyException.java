package spikebot.index;

/**
 * Another process (usually the running bot) holds the index for writing. Searching still works, on what that
 * process last committed; only changing the index has to wait for it.
 */
public class IndexBusyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public IndexBusyException(String message) {
        super(message);
    }
}
