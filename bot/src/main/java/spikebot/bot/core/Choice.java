package spikebot.bot.core;

/** One autocomplete choice: what the user sees and what the option receives. */
public record Choice(String name, String value) {
    public Choice {
        name = Text.cut(name, Limits.CHOICE);
        value = Text.cut(value, Limits.CHOICE);
    }
}
