package spikebot.knowledge.spike;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Tags as people type them when closing a spike or saving a solution: {@code Dataframes, rust} or {@code #etl #gpu}. */
public final class Tags {
    static final int MAX_TAGS = 10;
    static final int MAX_TAG = 40;

    private Tags() {
    }

    /** Lower case, a dash for each run of spaces, without repeats; longer ones dropped, at most ten kept. */
    public static List<String> parse(String typed) {
        if (typed == null) return List.of();
        return Arrays.stream(typed.split("[,#]"))
                .map(t -> t.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-"))
                .filter(t -> !t.isEmpty() && t.length() <= MAX_TAG).distinct().limit(MAX_TAGS).toList();
    }
}
