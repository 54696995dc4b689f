package spikebot.bot.notes;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The filters of each listing shown, kept here rather than in its buttons' custom ids (which are short, go through
 * the client and must carry no user text): a button carries a token. Kept in memory for a day; a button clicked
 * later, or after a restart, asks for {@code /notes} again, which costs one command and no more.
 */
final class Listings {
    static final Duration KEEP = Duration.ofDays(1);
    static final String TOKEN = "[a-z2-9]{10}";
    /** Bounds the memory a flood of listings can take. */
    private static final int MAX_KEPT = 10_000;
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private record Kept(NotesQuery query, Instant at) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Kept> kept = new LinkedHashMap<>();

    synchronized String keep(NotesQuery query, Instant now) {
        StringBuilder token = new StringBuilder(10);
        for (int i = 0; i < 10; i++) token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        kept.put(token.toString(), new Kept(query, now));
        if (kept.size() > MAX_KEPT) kept.remove(kept.keySet().iterator().next());
        return token.toString();
    }

    synchronized Optional<NotesQuery> query(String token, Instant now) {
        Kept k = kept.get(token);
        if (k == null || now.isAfter(k.at().plus(KEEP))) return Optional.empty();
        return Optional.of(k.query());
    }
}
