package spikebot.bot.passive;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.bot.ask.AskCommand;
import spikebot.bot.ask.Questions;
import spikebot.bot.core.Action;
import spikebot.bot.core.ActionRow;
import spikebot.bot.core.Audience;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.Component;
import spikebot.bot.core.CustomIds;
import spikebot.bot.core.Embed;
import spikebot.bot.core.Event;
import spikebot.bot.core.Guild;
import spikebot.bot.core.HitCards;
import spikebot.bot.core.Message;
import spikebot.bot.core.OptionSpec;
import spikebot.bot.core.PriorWork;
import spikebot.bot.core.Text;
import spikebot.index.Hit;
import spikebot.index.SearchRequest;
import spikebot.knowledge.DurableFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Unprompted answers: in channels where an admin turned them on, a plain message that asks whether something was
 * done before gets the prior work, but only when the match is strong, once per message, and not more than once
 * per channel every few minutes. People rate each answer; the ratings are kept.
 */
public final class PassiveAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(PassiveAnswers.class);
    /** Between two passive answers in one channel: unasked help must stay rare to stay welcome. */
    public static final Duration COOLDOWN = Duration.ofMinutes(10);
    static final int MAX_HITS = 3;
    private static final int REMEMBERED_MESSAGES = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final CommandSpec SPEC = new CommandSpec(CommandSpec.Type.SLASH, "spikebot",
            "Spikebot settings for this server", List.of(),
            List.of(CommandSpec.slash("passive", "Answer \"has anyone done this before?\" messages in this channel "
                    + "unprompted", OptionSpec.choice("state", "on or off", true, List.of("on", "off")))), true);

    private final ChannelAccess access;
    private final Clock clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    /** One guild's passive-answer state. */
    private static final class State {
        final Set<String> channels;
        final Map<String, Instant> lastAnswer = new HashMap<>();
        final Set<String> answered = new LinkedHashSet<>();
        final FeedbackLog log;

        State(Set<String> channels, FeedbackLog log) {
            this.channels = channels;
            this.log = log;
        }
    }

    public PassiveAnswers(ChannelAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    /** {@code /spikebot passive on|off}: managers only, for the channel it is used in. */
    public List<Action> configure(Guild guild, Event.SlashCommand command) {
        if (!command.origin().member().canManageServer()) {
            return List.of(Action.Reply.privately("Only someone with the Manage Server permission can change "
                    + "Spikebot's settings."));
        }
        if (!"passive".equals(command.subcommand())) {
            return List.of(Action.Reply.privately("Unknown setting. Try `/spikebot passive state:on`."));
        }
        String value = command.option("state");
        boolean on;
        if ("on".equalsIgnoreCase(value)) on = true;
        else if ("off".equalsIgnoreCase(value)) on = false;
        else return List.of(Action.Reply.privately("Say `on` or `off`."));
        State state = state(guild);
        String channel = command.origin().channelId();
        if (on) state.channels.add(channel);
        else state.channels.remove(channel);
        try {
            save(guild, state.channels);
        } catch (IOException e) {
            LOG.warn("cannot save passive channels of guild {}: {}", guild.id(), e.toString());
            return List.of(Action.Reply.privately("Changed for now, but could not save the setting (" + e.getMessage()
                    + "): it will be lost on restart."));
        }
        return List.of(Action.Reply.privately(on
                ? "Passive answers are on in " + Text.channel(channel) + ": messages that ask whether something was "
                  + "done before get the prior work when a note matches strongly (at most once every "
                  + COOLDOWN.toMinutes() + " minutes)."
                : "Passive answers are off in " + Text.channel(channel) + "."));
    }

    public boolean enabledIn(Guild guild, String channelId, String parentId) {
        State state = state(guild);
        return state.channels.contains(channelId) || (parentId != null && state.channels.contains(parentId));
    }

    /** A plain message: an answer only if it asks the question, the channel allows it, and a note fits well. */
    public List<Action> consider(Guild guild, Event.MessagePosted message) {
        var origin = message.origin();
        if (!enabledIn(guild, origin.channelId(), origin.parentId())) return List.of();
        String text = Text.oneLine(message.content());
        if (!Questions.asksIfDoneBefore(text)) return List.of();
        State state = state(guild);
        if (state.answered.contains(message.messageId())) return List.of();
        Instant now = clock.instant();
        Instant last = state.lastAnswer.get(origin.channelId());
        if (last != null && now.isBefore(last.plus(COOLDOWN))) return List.of();

        SearchRequest request = SearchRequest.of(Text.cut(text, AskCommand.MAX_QUESTION)).withLimit(MAX_HITS);
        PriorWork work = PriorWork.find(guild, request, Audience.of(origin, false), access, Hit.STRONG);
        if (work.isEmpty()) return List.of();

        remember(state.answered, message.messageId());
        state.lastAnswer.put(origin.channelId(), now);
        record(state, Map.of("type", "answer", "at", now.toString(), "channel", origin.channelId(),
                "message", message.messageId(), "notes", work.shown().stream().map(Hit::path).toList()));

        List<Embed.Field> fields = work.shown().stream().map(h -> HitCards.field(h, guild)).toList();
        Embed embed = new Embed("This may have been done before", null, null, fields, null, null);
        ActionRow buttons = ActionRow.of(
                Component.Button.of(CustomIds.of("passive", "fb", message.messageId(), "helpful"), "Helpful",
                        Component.Style.SUCCESS),
                Component.Button.of(CustomIds.of("passive", "fb", message.messageId(), "not-relevant"), "Not relevant",
                        Component.Style.SECONDARY));
        return List.of(new Action.Reply(new Message("", List.of(embed), List.of(buttons)), false));
    }

    /** "Helpful" / "Not relevant" on a passive answer. */
    public List<Action> feedback(Guild guild, Event.ButtonClick click) {
        List<String> parts = CustomIds.parts(click.customId());
        if (parts.size() != 4 || !parts.get(1).equals("fb")
                || !(parts.get(3).equals("helpful") || parts.get(3).equals("not-relevant"))) {
            return List.of(Action.Reply.privately("This button is not one I know; it may be from an older version."));
        }
        String verdict = parts.get(3);
        record(state(guild), Map.of("type", "feedback", "at", clock.instant().toString(),
                "channel", click.origin().channelId(), "message", parts.get(2),
                "user", click.origin().member().id(), "verdict", verdict));
        return List.of(Action.Reply.privately(verdict.equals("helpful")
                ? "Thanks, glad it helped. Noted." : "Thanks: noted as not relevant, so answers can get better."));
    }

    private void record(State state, Map<String, Object> entry) {
        try {
            state.log.append(new LinkedHashMap<>(entry));
        } catch (IOException e) {
            LOG.warn("cannot record passive-answer feedback in {}: {}", state.log.file(), e.toString());
        }
    }

    private State state(Guild guild) {
        return states.computeIfAbsent(guild.id(), id -> new State(load(guild), new FeedbackLog(guild.stateDir())));
    }

    private static void remember(Set<String> answered, String messageId) {
        answered.add(messageId);
        if (answered.size() > REMEMBERED_MESSAGES) answered.remove(answered.iterator().next());
    }

    private static Path file(Guild guild) {
        return guild.stateDir().resolve("passive-channels.json");
    }

    /** The saved channel list once an admin changed it, else the config's. */
    private static Set<String> load(Guild guild) {
        Path file = file(guild);
        Set<String> channels = new TreeSet<>(guild.config().passiveChannels());
        if (Files.isRegularFile(file)) {
            try {
                channels = new TreeSet<>(List.of(JSON.readValue(file.toFile(), String[].class)));
            } catch (IOException e) {
                LOG.warn("ignoring unreadable {}: {}", file, e.toString());
            }
        }
        return channels;
    }

    private static void save(Guild guild, Set<String> channels) throws IOException {
        DurableFiles.replace(file(guild), JSON.writeValueAsBytes(channels));
    }
}
