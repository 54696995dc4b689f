package spikebot.bot.discord.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.MockResponse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Predicate;

import static spikebot.bot.discord.fake.FakeWorld.JSON;

/**
 * REST faults a test injects: the next request that matches gets this status instead of its answer, 429 with
 * {@code retry_after} (seconds) as Discord sends it, or any 5xx. Used once each, in the order they were added.
 */
final class Faults {
    private record Fault(Predicate<RecordedCall> matches, int status, double retryAfterSeconds) {
    }

    private final Deque<Fault> faults = new ArrayDeque<>();

    void add(Predicate<RecordedCall> matches, int status, double retryAfterSeconds) {
        synchronized (faults) {
            faults.add(new Fault(matches, status, retryAfterSeconds));
        }
    }

    /** The answer of the first fault that matches this request (and that fault is used up), or null. */
    MockResponse take(RecordedCall call) {
        synchronized (faults) {
            for (var it = faults.iterator(); it.hasNext(); ) {
                Fault f = it.next();
                if (f.matches().test(call)) {
                    it.remove();
                    return response(f);
                }
            }
        }
        return null;
    }

    private static MockResponse response(Fault fault) {
        if (fault.status() == 429) {
            ObjectNode json = JSON.createObjectNode();
            json.put("message", "You are being rate limited.");
            json.put("retry_after", fault.retryAfterSeconds());
            json.put("global", false);
            // Discord's own 429 (not Cloudflare's, which has no Via header and blocks every route).
            return new MockResponse.Builder().code(429)
                    .addHeader("Content-Type", "application/json")
                    .addHeader("Via", "1.1 google")
                    .addHeader("Retry-After", String.valueOf((long) Math.ceil(fault.retryAfterSeconds())))
                    .addHeader("X-RateLimit-Limit", "5")
                    .addHeader("X-RateLimit-Remaining", "0")
                    .addHeader("X-RateLimit-Reset-After", String.valueOf(fault.retryAfterSeconds()))
                    .addHeader("X-RateLimit-Bucket", "fake-" + Integer.toHexString(fault.matches().hashCode()))
                    .addHeader("X-RateLimit-Scope", "user")
                    .body(json.toString()).build();
        }
        return RestRoutes.error(fault.status(), 0, fault.status() + ": Server Error");
    }
}
