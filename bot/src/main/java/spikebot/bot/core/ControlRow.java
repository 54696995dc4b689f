package spikebot.bot.core;

import java.util.List;

/** A row of up to five buttons, or one select menu. */
public record ControlRow(List<Control> components) {
    public ControlRow {
        components = List.copyOf(components.subList(0, Math.min(components.size(), Limits.BUTTONS_PER_ROW)));
    }

    public static ControlRow of(Control... components) {
        return new ControlRow(List.of(components));
    }
}
