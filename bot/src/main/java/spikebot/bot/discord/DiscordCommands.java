package spikebot.bot.discord;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.OptionSpec;
import spikebot.bot.core.Text;

import java.util.List;

/** The core's commands as Discord registers them: guild-only, manager commands hidden from others by default. */
final class DiscordCommands {
    private static final int DESCRIPTION = 100;

    private DiscordCommands() {
    }

    static List<CommandData> of(List<CommandSpec> specs) {
        return specs.stream().map(DiscordCommands::command).toList();
    }

    private static CommandData command(CommandSpec spec) {
        CommandData data;
        if (spec.type() == CommandSpec.Type.MESSAGE) {
            data = Commands.message(spec.name());
        } else {
            SlashCommandData slash = Commands.slash(spec.name(), description(spec.name(), spec.description()));
            slash.addOptions(spec.options().stream().map(DiscordCommands::option).toList());
            for (CommandSpec sub : spec.subcommands()) {
                slash.addSubcommands(new SubcommandData(sub.name(), description(sub.name(), sub.description()))
                        .addOptions(sub.options().stream().map(DiscordCommands::option).toList()));
            }
            data = slash;
        }
        data.setContexts(InteractionContextType.GUILD);
        if (spec.managersOnly()) data.setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
        return data;
    }

    /**
     * A channel option offers the channels that hold threads (see {@link DiscordChannelAccess#kind}); Discord sends
     * the picked channel's id as its value. Media channels (type 16) hold posts too, but Discord's published API
     * description does not list them among the types an option may offer: their id can still be typed.
     */
    private static OptionData option(OptionSpec spec) {
        OptionType type = switch (spec.type()) {
            case BOOLEAN -> OptionType.BOOLEAN;
            case CHANNEL -> OptionType.CHANNEL;
            case STRING -> OptionType.STRING;
        };
        OptionData option = new OptionData(type, spec.name(), description(spec.name(), spec.description()),
                spec.required(), spec.autocomplete() && spec.choices().isEmpty());
        if (type == OptionType.CHANNEL) {
            option.setChannelTypes(ChannelType.TEXT, ChannelType.NEWS, ChannelType.FORUM);
        }
        if (type == OptionType.STRING) {
            if (spec.maxLength() > 0) option.setMaxLength(Math.min(spec.maxLength(), OptionData.MAX_STRING_OPTION_LENGTH));
            for (String choice : spec.choices()) option.addChoice(choice, choice);
        }
        return option;
    }

    private static String description(String name, String description) {
        String text = description == null || description.isBlank() ? name : description;
        return Text.cut(Text.oneLine(text), DESCRIPTION);
    }
}
