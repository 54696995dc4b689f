package spikebot.bot.discord;

import java.util.function.LongSupplier;

/**
 * Spaces requests evenly, at most so many a second, across the threads that share it. Why: Discord limits a bot to
 * 50 requests a second across all its routes (the global limit), and JDA paces each route's bucket but not that one:
 * it learns of it from a 429 and then holds every request for the whole {@code Retry-After}, rounded up to a second.
 * Several threads reading history at once ran into it every second and a half; and Discord counts 429s towards
 * banning an application's IP for a while (10,000 in 10 minutes). Spaced out below the limit, they run into nothing.
 * Only the history reads of an import go through it; the bot's answers, which are few, are left to JDA.
 */
final class RequestPace {
    /** Sleeps this many nanoseconds (tests count instead of sleeping). */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long spacing;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    /** When the next request may start, in {@link #nanoTime}'s terms. */
    private long next;
    private boolean started;

    RequestPace(int perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        if (perSecond < 1) throw new IllegalArgumentException("perSecond must be at least 1");
        this.spacing = 1_000_000_000L / perSecond;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** In real time. */
    RequestPace(int perSecond) {
        this(perSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** Waits for this request's turn; an idle spell saves up no burst. */
    void await() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            long slot = !started || now - next > 0 ? now : next;
            started = true;
            next = slot + spacing;
            wait = slot - now;
        }
        if (wait > 0) sleeper.sleep(wait);
    }
}
