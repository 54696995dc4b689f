package spikebot.bot.core;

import java.util.List;
import java.util.Objects;

/** A message component: a button or a select menu. Custom ids are the core's own; clicks come back with them. */
public sealed interface Control {

    /** Discord's button styles; {@code LINK} opens {@link Button#url()} instead of sending a click. */
    enum Style { PRIMARY, SECONDARY, SUCCESS, DANGER, LINK }

    /**
     * @param customId what {@link Event.ButtonClick} carries back; null for link buttons
     * @param url      for {@link Style#LINK} only
     */
    record Button(String customId, String label, Style style, String url, boolean disabled) implements Control {
        public Button {
            Objects.requireNonNull(style, "style");
            if (style == Style.LINK) Objects.requireNonNull(url, "url");
            else CustomIds.check(customId);
            label = Text.cut(Text.oneLine(label), Limits.BUTTON_LABEL);
        }

        public static Button of(String customId, String label, Style style) {
            return new Button(customId, label, style, null, false);
        }

        public static Button link(String url, String label) {
            return new Button(null, label, Style.LINK, url, false);
        }
    }

    /** A string select menu; at most 25 options. */
    record SelectMenu(String customId, String placeholder, List<SelectOption> options, int minValues,
                      int maxValues) implements Control {
        public SelectMenu {
            CustomIds.check(customId);
            placeholder = Text.cut(placeholder, Limits.PLACEHOLDER);
            options = List.copyOf(options.subList(0, Math.min(options.size(), Limits.SELECT_OPTIONS)));
            maxValues = Math.max(1, Math.min(maxValues, options.size()));
            minValues = Math.max(0, Math.min(minValues, maxValues));
        }
    }

    /**
     * One option of a select menu.
     *
     * @param selected shown as already chosen
     */
    record SelectOption(String value, String label, String description, boolean selected) {
        public SelectOption {
            value = Text.cut(value, Limits.SELECT_OPTION_TEXT);
            label = Text.cut(Text.oneLine(label), Limits.SELECT_OPTION_TEXT);
            description = Text.cut(description, Limits.SELECT_OPTION_TEXT);
        }
    }
}
