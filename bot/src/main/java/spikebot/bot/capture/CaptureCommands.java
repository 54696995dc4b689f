package spikebot.bot.capture;

import spikebot.bot.core.Action;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.Event;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.OptionSpec;
import spikebot.bot.core.Refusal;
import spikebot.bot.core.Text;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /spikebot capture}, {@code /spikebot import} (Manage Server) and {@code /spikebot consent} (anyone). Bad
 * input gets one line and changes nothing.
 */
final class CaptureCommands {
    static final CommandSpec SPEC = CommandSpec.group("spikebot", "Spikebot settings for this server",
            CommandSpec.slash("capture", "Keep a forum's or text channel's threads as discussion notes",
                            OptionSpec.choice("state", "on or off", true, List.of("on", "off")),
                            OptionSpec.channel("channel", "The forum or text channel", true),
                            OptionSpec.flag("purge", "With off: also delete its discussion notes"))
                    .withExample("/spikebot capture state:on channel:#ml-help").forManagers(),
            CommandSpec.slash("import", "Bring in a captured channel's past threads",
                            OptionSpec.channel("channel", "The forum or text channel", true),
                            OptionSpec.text("since", "Only threads started on or after this day, e.g. 2024-01-31",
                                    false, 10))
                    .withExample("/spikebot import channel:#ml-help since:2024-01-01").forManagers(),
            CommandSpec.slash("consent", "Whether your messages may be kept in discussion notes (yours to decide)",
                            OptionSpec.choice("state", "off leaves your messages out, on lets them back in", true,
                                    List.of("off", "on")))
                    .withExample("/spikebot consent state:off"));

    /** {@code <#id>} (a mention or the picker's value), or an id or name as typed ({@code #general} in the console). */
    private static final Pattern CHANNEL = Pattern.compile("<#(\\d{1,25})>|#?([\\w-]{1,100})");
    static final String NO_INTENT = "I cannot read message text: Discord gives bots the text of messages (in history "
            + "too) only with the Message Content intent, so there is nothing to capture yet. Whoever runs the bot: "
            + "Discord Developer Portal → your application → Bot → Privileged Gateway Intents → Message Content "
            + "Intent, then restart the bot. Nothing was changed.";

    private final ChannelAccess access;

    CaptureCommands(ChannelAccess access) {
        this.access = access;
    }

    List<Action> capture(GuildKnowledge guild, GuildCapture capture, Event.SlashCommand command) throws IOException {
        managersOnly(command);
        boolean on = onOrOff(command.option("state"));
        String channel = channel(guild, command);
        boolean purge = "true".equalsIgnoreCase(command.option("purge"));
        if (on && purge) throw new Refusal("purge goes with state:off: it deletes an uncaptured channel's notes.");
        String where = Text.channel(channel);
        if (on) {
            if (!access.readsMessageText()) throw new Refusal(NO_INTENT);
            capture.settings.capture(channel, true);
            return reply("Capture is on in " + where + ": its new threads and posts, their messages, edits and "
                    + "deletes are kept as discussion notes from now on. `/spikebot import channel:" + where
                    + "` brings in the past ones. Anyone can leave their messages out with "
                    + "`/spikebot consent state:off`.");
        }
        boolean wasOn = capture.settings.captured(channel);
        capture.settings.capture(channel, false);
        capture.stopImportOf(channel, "capture was turned off in " + where + ".");
        if (!purge) {
            long kept = capture.threads.countsByChannel().getOrDefault(channel, 0L);
            if (kept == 0) return reply(wasOn ? "Capture is off in " + where + ": nothing new is kept."
                    : "Capture was not on in " + where + "; nothing is kept from there.");
            return reply("Capture is off in " + where + ": nothing new is kept. Its " + kept + " discussion "
                    + (kept == 1 ? "note stays" : "notes stay") + "; `/spikebot capture state:off channel:" + where
                    + " purge:true` deletes " + (kept == 1 ? "it." : "them."));
        }
        int purged = capture.threads.purge(channel);
        capture.threads.flush(guild::replace);
        return reply("Capture is off in " + where + (purged == 1 ? " and its 1 discussion note is deleted"
                : " and its " + purged + " discussion notes are deleted") + ", with everything kept of them.");
    }

    List<Action> importing(GuildKnowledge guild, GuildCapture capture, Event.SlashCommand command)
            throws IOException {
        managersOnly(command);
        String channel = channel(guild, command);
        LocalDate since = since(command.option("since"));
        String where = Text.channel(channel);
        if (!access.readsMessageText()) throw new Refusal(NO_INTENT);
        if (!capture.settings.captured(channel)) {
            throw new Refusal("Capture is off in " + where + ": turn it on first with `/spikebot capture state:on "
                    + "channel:" + where + "` (import brings in the past, capture keeps it in step).");
        }
        ImportRun running = capture.running();
        if (running != null) {
            String other = Text.channel(running.job.channelId());
            throw new Refusal(running.job.channelId().equals(channel)
                    ? "An import of " + where + " is already running; its progress is in "
                      + Text.channel(running.job.reportChannel()) + "."
                    : "An import of " + other + " is running; one at a time: try again when it is done.");
        }
        capture.startImport(new CaptureSettings.Import(channel, since, command.origin().channelId(), null));
        return reply("Importing the threads of " + where + (since == null ? "" : " started since " + since)
                + ": progress is posted here and kept up to date. Threads already imported and unchanged are "
                + "skipped, and a restart resumes it.");
    }

    List<Action> consent(GuildCapture capture, Event.SlashCommand command) throws IOException {
        boolean on = onOrOff(command.option("state"));
        String user = command.origin().actor().id();
        if (!on) {
            capture.threads.optOut(user);
            return reply("Done: your messages are left out of every discussion note in this server, from now on "
                    + "and in those already kept (within seconds); the notes say a message was left out, not what "
                    + "it said. `/spikebot consent state:on` lets them back in.");
        }
        var threads = capture.threads.optIn(user);
        if (access.readsMessageText()) capture.reread(threads);
        return reply("Your messages may be kept in discussion notes again"
                + (threads.isEmpty() ? "." : threads.size() == 1 ? ": the thread you wrote in is read again at "
                + "the next sync." : ": the " + threads.size() + " threads you wrote in are read again at the next "
                + "sync."));
    }

    private static void managersOnly(Event.SlashCommand command) {
        if (!command.origin().actor().canManageServer()) {
            throw new Refusal("Only someone with the Manage Server permission can change Spikebot's settings.");
        }
    }

    private static boolean onOrOff(String value) {
        if ("on".equalsIgnoreCase(value)) return true;
        if ("off".equalsIgnoreCase(value)) return false;
        throw new Refusal("Say `on` or `off`.");
    }

    /** The channel option: a forum or text channel that exists, as the platform's picker gives it or typed. */
    private String channel(GuildKnowledge guild, Event.SlashCommand command) {
        String value = command.option("channel");
        if (value == null) throw new Refusal("Which channel? Pick a forum or text channel, e.g. `channel:#ml-help`.");
        Matcher m = CHANNEL.matcher(value.strip());
        if (!m.matches()) {
            throw new Refusal("'" + Text.escape(Text.cut(Text.oneLine(value), 40)) + "' is not a channel: pick one "
                    + "from the list (type #) or give its id.");
        }
        String id = m.group(1) != null ? m.group(1) : m.group(2);
        return switch (access.kind(guild.id(), id)) {
            case HOLDS_THREADS -> id;
            case OTHER -> throw new Refusal(Text.channel(id) + " is not a forum or text channel: only their threads "
                    + "and posts can be captured.");
            case UNKNOWN -> throw new Refusal("I cannot find that channel (" + id + "): it does not exist in this "
                    + "server, or I cannot see it.");
        };
    }

    private static LocalDate since(String value) {
        if (value == null) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Refusal("since must be a date like 2024-01-31, not '" + Text.escape(Text.cut(Text.oneLine(value),
                    20)) + "'.");
        }
    }

    private static List<Action> reply(String text) {
        return List.of(Action.Reply.privately(text));
    }
}
