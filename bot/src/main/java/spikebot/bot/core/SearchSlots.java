package spikebot.bot.core;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Searches run at once, in all guilds. A search is pure CPU, so more than the cores can run only slows each; one
 * core is left for the connection to Discord, whose acknowledgements must leave within 3 seconds. Fair, so that a
 * burst is answered in the order it came.
 *
 * <p>A slot is held only while the index searches or highlights, never while a feature asks the platform who may
 * see a note (a REST look-up in Discord): a slow look-up must not keep other people's questions waiting.
 */
final class SearchSlots {
    /** Questions in flight beyond the slots after which the next are searched by words alone. */
    static final int BACKLOG = 16;
    private final int slots = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    private final Semaphore semaphore = new Semaphore(slots, true);
    private final AtomicInteger questions = new AtomicInteger();

    /** Runs one search in a slot, waiting for one if all are taken. */
    <T> T search(Supplier<T> work) {
        semaphore.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            semaphore.release();
        }
    }

    /** A question ({@link Needs#SEARCHER}) comes in; returns the way out. */
    Runnable enter() {
        questions.incrementAndGet();
        return questions::decrementAndGet;
    }

    /**
     * Whether more questions are in flight than can be searched by meaning in time: embedding a question takes about
     * twice as long as searching it, so a burst (200 questions at once) is answered by words alone beyond the first
     * few, all within Discord's patience, rather than by meaning and late.
     */
    boolean backlog() {
        return questions.get() > slots + BACKLOG;
    }
}
