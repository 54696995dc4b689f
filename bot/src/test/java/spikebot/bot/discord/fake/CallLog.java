package spikebot.bot.discord.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Every REST request the fake answered, in order of arrival; tests wait on it instead of sleeping. */
final class CallLog {
    private final List<RecordedCall> calls = new ArrayList<>();
    private final Duration timeout;

    CallLog(Duration timeout) {
        this.timeout = timeout;
    }

    void record(RecordedCall call) {
        synchronized (calls) {
            calls.add(call);
            calls.notifyAll();
        }
    }

    List<RecordedCall> all() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Waits until at least {@code count} recorded calls match, however long ago they came; returns them all. */
    List<RecordedCall> awaitCount(Predicate<RecordedCall> filter, int count) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        List<RecordedCall> matching = new ArrayList<>();
        while (true) {
            // Filtered outside the lock, and only what is new: the server's threads record calls meanwhile.
            List<RecordedCall> fresh;
            synchronized (calls) {
                fresh = List.copyOf(calls.subList(checked, calls.size()));
            }
            checked += fresh.size();
            fresh.stream().filter(filter).forEach(matching::add);
            if (matching.size() >= count) return matching;
            synchronized (calls) {
                if (calls.size() > checked) continue;
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " matching REST call(s), the bot made:\n  "
                            + String.join("\n  ", calls.stream().map(RecordedCall::toString).toList()));
                }
                try {
                    calls.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }
}
