package spikebot.bot.discord;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.MessageTopLevelComponent;
import net.dv8tion.jda.api.components.actionrow.ActionRowChildComponent;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import spikebot.bot.core.ControlRow;
import spikebot.bot.core.Choice;
import spikebot.bot.core.Control;
import spikebot.bot.core.Card;
import spikebot.bot.core.Draft;

import java.util.List;
import java.util.Set;

/**
 * The core's messages, modals and choices as JDA builds them. Every message allows no mentions at all (not even
 * of the user replied to): nothing the bot posts can ping.
 */
final class Outbound {
    /** Discord rejects a message with neither text nor embeds; this shows as nothing. */
    private static final String BLANK = "\u200B";

    private Outbound() {
    }

    static MessageCreateData create(Draft message) {
        return new MessageCreateBuilder()
                .setContent(content(message))
                .setEmbeds(embeds(message))
                .setComponents(rows(message))
                .setAllowedMentions(Set.of())
                .mentionRepliedUser(false)
                .build();
    }

    static MessageEditData edit(Draft message) {
        return new MessageEditBuilder()
                .setContent(content(message))
                .setEmbeds(embeds(message))
                .setComponents(rows(message))
                .setAllowedMentions(Set.of())
                .mentionRepliedUser(false)
                .build();
    }

    private static String content(Draft message) {
        return message.content().isEmpty() && message.embeds().isEmpty() ? BLANK : message.content();
    }

    private static List<MessageEmbed> embeds(Draft message) {
        return message.embeds().stream().map(Outbound::embed).toList();
    }

    private static MessageEmbed embed(Card e) {
        EmbedBuilder b = new EmbedBuilder();
        if (e.title() != null) b.setTitle(e.title(), e.url());
        if (e.description() != null) b.setDescription(e.description());
        for (Card.Field f : e.fields()) b.addField(f.name(), f.value(), f.inline());
        if (e.footer() != null) b.setFooter(e.footer());
        if (e.color() != null) b.setColor(e.color());
        if (b.isEmpty()) b.setDescription(BLANK);
        return b.build();
    }

    private static List<MessageTopLevelComponent> rows(Draft message) {
        return message.rows().stream()
                .filter(row -> !row.components().isEmpty())
                .<MessageTopLevelComponent>map(Outbound::row).toList();
    }

    private static net.dv8tion.jda.api.components.actionrow.ActionRow row(ControlRow row) {
        return net.dv8tion.jda.api.components.actionrow.ActionRow.of(
                row.components().stream().map(Outbound::component).toList());
    }

    private static ActionRowChildComponent component(Control component) {
        return switch (component) {
            case Control.Button b -> {
                String label = b.label() == null || b.label().isBlank() ? "…" : b.label();
                Button button = b.style() == Control.Style.LINK ? Button.link(b.url(), label)
                        : Button.of(style(b.style()), b.customId(), label);
                yield b.disabled() ? button.asDisabled() : button;
            }
            case Control.SelectMenu m -> {
                StringSelectMenu.Builder menu = StringSelectMenu.create(m.customId())
                        .setRequiredRange(m.minValues(), m.maxValues());
                if (m.placeholder() != null && !m.placeholder().isBlank()) menu.setPlaceholder(m.placeholder());
                for (Control.SelectOption o : m.options()) {
                    SelectOption option = SelectOption.of(o.label(), o.value()).withDefault(o.selected());
                    if (o.description() != null && !o.description().isBlank()) {
                        option = option.withDescription(o.description());
                    }
                    menu.addOptions(option);
                }
                yield menu.build();
            }
        };
    }

    private static ButtonStyle style(Control.Style style) {
        return switch (style) {
            case PRIMARY -> ButtonStyle.PRIMARY;
            case SECONDARY -> ButtonStyle.SECONDARY;
            case SUCCESS -> ButtonStyle.SUCCESS;
            case DANGER -> ButtonStyle.DANGER;
            case LINK -> ButtonStyle.LINK;
        };
    }

    static Modal modal(spikebot.bot.core.Form modal) {
        Modal.Builder builder = Modal.create(modal.customId(), modal.title());
        for (spikebot.bot.core.Form.TextInput in : modal.inputs()) {
            TextInput.Builder input = TextInput.create(in.id(),
                            in.paragraph() ? TextInputStyle.PARAGRAPH : TextInputStyle.SHORT)
                    .setRequired(in.required())
                    .setMaxLength(in.maxLength());
            if (in.value() != null && !in.value().isEmpty()) input.setValue(in.value());
            if (in.placeholder() != null && !in.placeholder().isEmpty()) input.setPlaceholder(in.placeholder());
            builder.addComponents(Label.of(in.label(), input.build()));
        }
        return builder.build();
    }

    static List<Command.Choice> choices(List<Choice> choices) {
        return choices.stream()
                .filter(c -> !c.name().isEmpty() && !c.value().isEmpty())
                .map(c -> new Command.Choice(c.name(), c.value())).toList();
    }
}
