package spikebot.bot.spike;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Topics offered by "Start a spike" buttons, kept here rather than in the buttons' custom ids: an id is at most 100
 * characters and goes back and forth through the client, so it carries a short token and never the user's words.
 * Kept briefly and in memory only: a button clicked after a day or a restart opens the form with an empty topic,
 * which costs the user one line of typing and no more.
 */
final class StartOffers {
    static final Duration KEEP = Duration.ofDays(1);
    /** Bounds the memory a flood of questions can take. */
    private static final int MAX_OFFERS = 10_000;
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[" + ALPHABET + "]{10}");

    private record Offer(Map<String, String> fields, Instant at) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Offer> offers = new LinkedHashMap<>();

    /**
     * Keeps the start form's fields (a topic offered under an answer, or all that was typed into a form that had a
     * bad field) and returns the token that stands for them.
     */
    synchronized String offer(Map<String, String> fields, Instant now) {
        StringBuilder token = new StringBuilder(10);
        for (int i = 0; i < 10; i++) token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        offers.put(token.toString(), new Offer(Map.copyOf(fields), now));
        if (offers.size() > MAX_OFFERS) offers.remove(offers.keySet().iterator().next());
        return token.toString();
    }

    /** Whether the text has the shape of a token this class makes (older buttons carried a topic instead). */
    static boolean isToken(String text) {
        return TOKEN.matcher(text).matches();
    }

    /** The fields behind a token, while they are still kept. */
    synchronized Optional<Map<String, String>> fields(String token, Instant now) {
        Offer offer = offers.get(token);
        if (offer == null || now.isAfter(offer.at().plus(KEEP))) return Optional.empty();
        return Optional.of(offer.fields());
    }
}
