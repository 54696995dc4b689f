package spikebot.bot.core;

import java.util.List;

/** A row of up to five buttons, or one select menu. */
public record ActionRow(List<Component> components) {
    public ActionRow {
        components = List.copyOf(components.subList(0, Math.min(components.size(), Limits.BUTTONS_PER_ROW)));
    }

    public static ActionRow of(Component... components) {
        return new ActionRow(List.of(components));
    }
}
