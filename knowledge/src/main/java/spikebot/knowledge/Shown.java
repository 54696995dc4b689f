package spikebot.knowledge;

import java.util.stream.Collectors;

/** A value from a file, quoted in a report: on one line, and short. */
final class Shown {
    private Shown() {
    }

    static String value(String value) {
        return value(value, 60);
    }

    static String value(String value, int length) {
        String line = value.codePoints()
                .mapToObj(c -> Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                        ? String.format("\\u%04X", c) : Character.toString(c))
                .collect(Collectors.joining());
        return line.length() > length ? line.substring(0, length) + "…" : line;
    }

    /** The first line of a library's message, for a one-line report. */
    static String firstLine(String message) {
        if (message == null) return "unknown error";
        return value(message.lines().findFirst().orElse(message).strip(), 200);
    }
}
