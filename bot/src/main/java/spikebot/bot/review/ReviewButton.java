package spikebot.bot.review;

import spikebot.bot.core.CustomIds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The custom id of a Re-check or Still valid button: {@code review:<verb>:<note>}, where {@code note} is a short
 * hash of the note's path (a path is made of a title, user text, and may be longer than an id allows). The click is
 * matched back to the note among the notes the review covers.
 */
record ReviewButton(Verb verb, String noteKey) {
    static final String PREFIX = "review";

    enum Verb {
        RECHECK("recheck"), VALID("valid");

        final String id;

        Verb(String id) {
            this.id = id;
        }
    }

    static ReviewButton of(Verb verb, String path) {
        return new ReviewButton(verb, key(path));
    }

    String customId() {
        return CustomIds.of(PREFIX, verb.id, noteKey);
    }

    /** 16 hex digits of the path's SHA-256: a collision among one team's notes is not a practical concern. */
    static String key(String path) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Empty for an id this version does not make (an older version's, or a forged one). */
    static Optional<ReviewButton> parse(String customId) {
        List<String> parts = CustomIds.parts(customId);
        if (parts.size() != 3 || !parts.get(0).equals(PREFIX) || !parts.get(2).matches("[0-9a-f]{16}")) {
            return Optional.empty();
        }
        for (Verb v : Verb.values()) {
            if (v.id.equals(parts.get(1))) return Optional.of(new ReviewButton(v, parts.get(2)));
        }
        return Optional.empty();
    }
}
