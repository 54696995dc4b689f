package spikebot.bot.discord;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Work that must keep the order Discord sent it in, one lane per key: a message written and then edited must reach
 * the core in that order, or a note would keep the old text. The bot's workers run one task per event with no
 * order among them; a lane runs its tasks one after another on those workers, and different lanes side by side.
 * A lane that has emptied is dropped.
 */
final class Lanes {
    private final Executor workers;
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    Lanes(Executor workers) {
        this.workers = workers;
    }

    /**
     * Runs the work after everything queued on the same key before it.
     *
     * @throws java.util.concurrent.RejectedExecutionException when the workers are shut down
     */
    void run(String key, Runnable work) {
        CompletableFuture<Void> tail = tails.compute(key, (k, before) -> before == null
                ? CompletableFuture.runAsync(work, workers)
                : before.handle((ok, failed) -> null).thenRunAsync(work, workers));
        tail.whenComplete((ok, failed) -> tails.remove(key, tail));
    }
}
