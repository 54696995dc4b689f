package spikebot.bot.discord.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.MockResponse;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static spikebot.bot.discord.fake.FakeWorld.JSON;

/**
 * Discord's rate limits, as its documentation describes them: every answer carries {@code X-RateLimit-Bucket},
 * {@code -Limit}, {@code -Remaining}, {@code -Reset} and {@code -Reset-After}; a route's bucket counts per major
 * parameter (the channel, guild or webhook in the path); on top of all, a global limit per bot, which interaction
 * endpoints are not bound by. A request over a limit gets 429 with {@code retry_after}, {@code global} and
 * {@code X-RateLimit-Scope}. Counted in real time (fixed windows), because the client waits in real time; the
 * windows are shorter than Discord's (one second for {@link #PER_ROUTE} requests instead of five) so that tests stay
 * quick, which changes the waiting, not the rules a client must follow.
 */
final class RateLimits {
    static final int PER_ROUTE = 5;
    static final long WINDOW_MS = 1_000;
    static final int GLOBAL = 50;

    private static final class Window {
        long start;
        int used;
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Window global = new Window();
    private int refused;

    /** The answer to send instead, when this request is over a limit; else null (and the request is counted). */
    synchronized MockResponse take(String method, String path) {
        long now = System.currentTimeMillis();
        boolean exempt = path.startsWith("interactions/") || path.startsWith("webhooks/");
        if (!exempt) {
            roll(global, now);
            if (global.used >= GLOBAL) return tooMany(now, global, "global", true, GLOBAL);
        }
        Window window = windows.computeIfAbsent(key(method, path), k -> new Window());
        roll(window, now);
        if (window.used >= PER_ROUTE) return tooMany(now, window, "user", false, PER_ROUTE);
        window.used++;
        if (!exempt) global.used++;
        return null;
    }

    /** Adds this route's rate-limit headers to an answer. */
    synchronized MockResponse withHeaders(String method, String path, MockResponse answer) {
        Window window = windows.get(key(method, path));
        if (window == null) return answer;
        long now = System.currentTimeMillis();
        return headers(answer.newBuilder(), bucket(method, path), PER_ROUTE - window.used, PER_ROUTE,
                resetAfter(window, now), now).build();
    }

    synchronized int refused() {
        return refused;
    }

    private MockResponse tooMany(long now, Window window, String scope, boolean globalLimit, int limit) {
        refused++;
        double after = resetAfter(window, now);
        ObjectNode body = JSON.createObjectNode().put("message", "You are being rate limited.")
                .put("retry_after", after).put("global", globalLimit);
        MockResponse.Builder builder = new MockResponse.Builder().code(429)
                .addHeader("Content-Type", "application/json")
                .addHeader("Via", "1.1 google")
                .addHeader("Retry-After", String.valueOf((long) Math.ceil(after)))
                .addHeader("X-RateLimit-Scope", scope)
                .body(body.toString());
        if (globalLimit) builder.addHeader("X-RateLimit-Global", "true");
        return headers(builder, "global", 0, limit, after, now).build();
    }

    private static MockResponse.Builder headers(MockResponse.Builder b, String bucket, int remaining, int limit,
                                                double resetAfter, long now) {
        return b.addHeader("X-RateLimit-Bucket", bucket)
                .addHeader("X-RateLimit-Limit", String.valueOf(limit))
                .addHeader("X-RateLimit-Remaining", String.valueOf(Math.max(0, remaining)))
                .addHeader("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f", (now + resetAfter * 1000) / 1000.0))
                .addHeader("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", resetAfter));
    }

    private static void roll(Window window, long now) {
        if (now - window.start >= WINDOW_MS) {
            window.start = now;
            window.used = 0;
        }
    }

    private static double resetAfter(Window window, long now) {
        return Math.max(0, WINDOW_MS - (now - window.start)) / 1000.0;
    }

    /** The route's bucket, the same for every major parameter, as Discord's opaque hash is. */
    private static String bucket(String method, String path) {
        return Integer.toHexString((method + " " + path.replaceAll("\\d{6,}|itoken-\\d+", "{}")).hashCode());
    }

    /** A bucket counts per major parameter: the first id in the path (channel, guild, webhook, interaction). */
    private static String key(String method, String path) {
        String[] p = path.split("/");
        String major = p.length > 1 ? p[0] + "/" + p[1] + (p[0].equals("webhooks") && p.length > 2 ? "/" + p[2] : "")
                : p[0];
        return bucket(method, path) + " " + major;
    }
}
