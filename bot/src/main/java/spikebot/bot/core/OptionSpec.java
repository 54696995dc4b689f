package spikebot.bot.core;

import java.util.List;

/**
 * One option of a slash command.
 *
 * @param choices      fixed values Discord offers (empty: free text)
 * @param autocomplete the core suggests values as the user types ({@link Event.Autocomplete})
 * @param maxLength    longest accepted text (Discord enforces it; the core also checks); 0 for booleans
 */
public record OptionSpec(String name, String description, Type type, boolean required, List<String> choices,
                         boolean autocomplete, int maxLength) {

    /**
     * {@code CHANNEL}: a forum or text channel picked from the platform's list; its value arrives as the channel's id
     * (typed by hand it may also be a {@code <#id>} mention, which the feature accepts).
     */
    public enum Type { STRING, BOOLEAN, CHANNEL }

    public OptionSpec {
        choices = List.copyOf(choices);
    }

    public static OptionSpec text(String name, String description, boolean required, int maxLength) {
        return new OptionSpec(name, description, Type.STRING, required, List.of(), false, maxLength);
    }

    public static OptionSpec choice(String name, String description, boolean required, List<String> choices) {
        return new OptionSpec(name, description, Type.STRING, required, choices, false, 100);
    }

    public static OptionSpec flag(String name, String description) {
        return new OptionSpec(name, description, Type.BOOLEAN, false, List.of(), false, 0);
    }

    /** A forum or text channel; see {@link Type#CHANNEL}. */
    public static OptionSpec channel(String name, String description, boolean required) {
        return new OptionSpec(name, description, Type.CHANNEL, required, List.of(), false, 100);
    }

    public OptionSpec autocompleted() {
        return new OptionSpec(name, description, type, required, choices, true, maxLength);
    }
}
