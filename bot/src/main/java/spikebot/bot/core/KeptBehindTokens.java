package spikebot.bot.core;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Values a button stands for, kept on this side rather than in its custom id: an id is at most 100 characters and
 * goes back and forth through the client, so it carries a short token and never the user's words. Kept for a day and
 * in memory only: a button pressed later, or after a restart, finds nothing, and its feature says what to do instead
 * (it costs one command, no more).
 *
 * @param <T> what a token stands for
 */
public final class KeptBehindTokens<T> {
    public static final Duration KEEP = Duration.ofDays(1);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    /** What a token looks like, for a feature's custom-id codec. */
    public static final Pattern TOKEN = Pattern.compile("[" + ALPHABET + "]{10}");
    /** Bounds the memory a flood of buttons can take: the oldest go first. */
    private static final int MAX_KEPT = 10_000;

    private record Kept<T>(T value, Instant at) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Kept<T>> kept = new LinkedHashMap<>();

    /** Keeps the value and returns the token that stands for it. */
    public synchronized String keep(T value, Instant now) {
        StringBuilder token = new StringBuilder(10);
        for (int i = 0; i < 10; i++) token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        kept.put(token.toString(), new Kept<>(value, now));
        if (kept.size() > MAX_KEPT) kept.remove(kept.keySet().iterator().next());
        return token.toString();
    }

    /** The value behind a token, while it is still kept. */
    public synchronized Optional<T> get(String token, Instant now) {
        Kept<T> k = kept.get(token);
        if (k == null || now.isAfter(k.at().plus(KEEP))) return Optional.empty();
        return Optional.of(k.value());
    }
}
