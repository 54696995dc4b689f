package spikebot.bot.capture;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** Background work that runs only when a test says so, on the test's thread: no sleeps, no races. */
final class ManualExecutor implements Executor {
    private final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs everything queued (and what that queues); returns how many tasks ran. */
    int runAll() {
        int ran = 0;
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            task.run();
            ran++;
        }
        return ran;
    }

    int waiting() {
        return tasks.size();
    }
}
