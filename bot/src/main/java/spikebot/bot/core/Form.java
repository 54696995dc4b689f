package spikebot.bot.core;

import java.util.List;

/**
 * A modal (pop-up form) of up to five text inputs. Its submission comes back as {@link Event.FormSubmit} with
 * the same custom id.
 */
public record Form(String customId, String title, List<TextInput> inputs) {
    public Form {
        CustomIds.check(customId);
        title = Text.cut(Text.oneLine(title), Limits.MODAL_TITLE);
        inputs = List.copyOf(inputs.subList(0, Math.min(inputs.size(), Limits.MODAL_INPUTS)));
    }

    /**
     * One text input.
     *
     * @param id          the key of its value in {@link Event.FormSubmit#fields()}
     * @param paragraph   several lines (Discord's PARAGRAPH style) rather than one (SHORT)
     * @param value       pre-filled text, or null
     * @param maxLength   at most 4000
     */
    public record TextInput(String id, String label, boolean paragraph, boolean required, String value,
                            String placeholder, int maxLength) {
        public TextInput {
            CustomIds.check(id);
            label = Text.cut(Text.oneLine(label), Limits.INPUT_LABEL);
            maxLength = Math.max(1, Math.min(maxLength, Limits.INPUT_VALUE));
            value = Text.cut(value, maxLength);
            placeholder = Text.cut(placeholder, Limits.INPUT_PLACEHOLDER);
        }
    }
}
