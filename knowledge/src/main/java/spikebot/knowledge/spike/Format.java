package spikebot.knowledge.spike;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How many people work a spike: it changes who may close it and how the note credits it. */
public enum Format {
    SOLO, PAIR, TEAM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Format> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id().equals(t)).findFirst();
    }
}
