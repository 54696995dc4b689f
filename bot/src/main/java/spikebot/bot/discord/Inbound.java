package spikebot.bot.discord;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import spikebot.bot.core.Event;
import spikebot.bot.core.Origin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** What JDA delivers, as the core's events. Who and where come from the event itself, so they are never stale. */
final class Inbound {
    private Inbound() {
    }

    static Event slash(SlashCommandInteractionEvent e) {
        Map<String, String> options = new LinkedHashMap<>();
        for (OptionMapping o : e.getOptions()) {
            options.put(o.getName(), o.getType() == OptionType.BOOLEAN ? Boolean.toString(o.getAsBoolean())
                    : o.getAsString());
        }
        return new Event.SlashCommand(origin(e.getMember(), e.getGuildChannel()), e.getName(),
                e.getSubcommandName(), options);
    }

    static Event autocomplete(CommandAutoCompleteInteractionEvent e) {
        return new Event.Autocomplete(origin(e.getMember(), e.getGuildChannel()), e.getName(),
                e.getSubcommandName(), e.getFocusedOption().getName(), e.getFocusedOption().getValue());
    }

    static Event button(ButtonInteractionEvent e) {
        return new Event.ButtonClick(origin(e.getMember(), e.getGuildChannel()), e.getComponentId(),
                e.getMessageId());
    }

    static Event select(StringSelectInteractionEvent e) {
        return new Event.SelectChoice(origin(e.getMember(), e.getGuildChannel()), e.getComponentId(),
                e.getMessageId(), e.getValues());
    }

    static Event modal(ModalInteractionEvent e) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (ModalMapping m : e.getValues()) fields.put(m.getCustomId(), m.getAsString());
        return new Event.FormSubmit(origin(e.getMember(), e.getGuildChannel()), e.getModalId(), fields);
    }

    static Event messageCommand(MessageContextInteractionEvent e) {
        Message target = e.getTarget();
        return new Event.MessageCommand(origin(e.getMember(), e.getGuildChannel()), e.getName(), target.getId(),
                target.getMember() != null ? target.getMember().getEffectiveName()
                        : target.getAuthor().getEffectiveName(),
                target.getContentDisplay());
    }

    /** A plain guild message; the mention of the bot is taken out of the text when the bot was mentioned. */
    static Event message(MessageReceivedEvent e) {
        Message message = e.getMessage();
        String self = e.getJDA().getSelfUser().getId();
        boolean mentionsBot = message.getMentions().getUsers().stream().anyMatch(u -> u.getId().equals(self));
        String content = message.getContentRaw();
        if (mentionsBot) {
            content = Pattern.compile("<@!?" + self + ">").matcher(content).replaceAll("").strip();
        }
        return new Event.MessagePosted(origin(e.getMember(), e.getGuildChannel()), message.getId(), content,
                mentionsBot);
    }

    static Origin origin(Member member, GuildChannel channel) {
        String parent = channel instanceof ThreadChannel thread ? thread.getParentChannel().getId() : null;
        return new Origin(channel.getGuild().getId(), channel.getId(), parent, actor(member));
    }

    static spikebot.bot.core.Actor actor(Member member) {
        return new spikebot.bot.core.Actor(member.getId(), member.getEffectiveName(),
                member.hasPermission(Permission.MANAGE_SERVER));
    }
}
