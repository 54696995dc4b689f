package spikebot.bot.core;

import java.util.List;

/**
 * The core's custom ids: {@code feature:verb:arg:arg…}, at most 100 characters. Arguments are ids and small
 * numbers the core made, never user text, so they need no escaping.
 */
public final class CustomIds {
    private CustomIds() {
    }

    public static String of(String... parts) {
        String id = String.join(":", parts);
        check(id);
        return id;
    }

    /** The feature part of a custom id (what {@link Feature#customIdPrefixes()} declares); empty for none. */
    public static String prefix(String customId) {
        if (customId == null) return "";
        int colon = customId.indexOf(':');
        return colon < 0 ? customId : customId.substring(0, colon);
    }

    /** The parts of a custom id; an id the core did not make still parses, and the feature says it is unknown. */
    public static List<String> parts(String customId) {
        return customId == null ? List.of() : List.of(customId.split(":", -1));
    }

    static void check(String customId) {
        if (customId == null || customId.isEmpty() || customId.length() > Limits.CUSTOM_ID) {
            throw new IllegalArgumentException("custom id must be 1 to 100 characters: " + customId);
        }
    }
}
