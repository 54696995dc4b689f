package spikebot.bot.passive;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.bot.ask.AskFeature;
import spikebot.bot.ask.Questions;
import spikebot.bot.core.Action;
import spikebot.bot.core.ControlRow;
import spikebot.bot.core.Audience;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.Control;
import spikebot.bot.core.Card;
import spikebot.bot.core.Event;
import spikebot.bot.core.Feature;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.HitCards;
import spikebot.bot.core.Draft;
import spikebot.bot.core.OptionSpec;
import spikebot.bot.core.PriorWork;
import spikebot.bot.core.Refusal;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Unprompted answers: in channels where an admin turned them on, a plain message that asks whether something was
 * done before gets the prior work, but only when the match is strong, once per message, and not more than once
 * per channel every few minutes. People rate each answer, one vote each (the last counts); a note that two people
 * called not relevant to a question is not offered again for near-identical ones.
 */
public final class PassiveAnswers implements Feature {
    private static final Logger LOG = LoggerFactory.getLogger(PassiveAnswers.class);
    /** Between two passive answers in one channel: unasked help must stay rare to stay welcome. */
    public static final Duration COOLDOWN = Duration.ofMinutes(10);
    static final int MAX_HITS = 3;
    private static final int REMEMBERED_MESSAGES = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final CommandSpec SPEC = new CommandSpec(CommandSpec.Type.SLASH, "spikebot",
            "Spikebot settings for this server", List.of(),
            List.of(CommandSpec.slash("passive", "Answer \"has anyone done this before?\" messages in this channel "
                    + "unprompted", OptionSpec.choice("state", "on or off", true, List.of("on", "off")))
                    .withExample("/spikebot passive state:on")), true);

    private final ChannelAccess access;
    private final Clock clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    /** One guild's passive-answer state. */
    private static final class State {
        final Set<String> channels;
        final Map<String, Instant> lastAnswer = new HashMap<>();
        final Set<String> answered = new LinkedHashSet<>();
        final FeedbackLog log;
        final FeedbackVotes votes;

        State(Set<String> channels, FeedbackLog log, FeedbackVotes votes) {
            this.channels = channels;
            this.log = log;
            this.votes = votes;
        }
    }

    public PassiveAnswers(ChannelAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(SPEC);
    }

    @Override
    public List<String> customIdPrefixes() {
        return List.of(FeedbackButton.PREFIX);
    }

    /** Plain messages not addressed to the bot: only those may get an unprompted answer. */
    @Override
    public boolean hears(Event.MessagePosted message) {
        return !message.mentionsBot();
    }

    @Override
    public List<Action> handle(GuildKnowledge guild, Event event) {
        return switch (event) {
            case Event.SlashCommand c -> configure(guild, c);
            case Event.MessagePosted m -> consider(guild, m);
            case Event.ButtonClick b -> feedback(guild, b);
            default -> throw new Refusal("This control is not one I know; it may be from an older version.");
        };
    }

    /** {@code /spikebot passive on|off}: managers only, for the channel it is used in. */
    List<Action> configure(GuildKnowledge guild, Event.SlashCommand command) {
        if (!command.origin().actor().canManageServer()) {
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
        if (on && !access.readsMessageText()) {
            return List.of(Action.Reply.privately("Passive answers are on in " + Text.channel(channel) + ", but I "
                    + "cannot read messages yet: Discord gives bots the text of plain messages only with the Message "
                    + "Content intent. Whoever runs the bot: Discord Developer Portal → your application → Bot → "
                    + "Privileged Gateway Intents → Message Content Intent, then restart the bot. Until then, "
                    + "mention me or use /ask."));
        }
        return List.of(Action.Reply.privately(on
                ? "Passive answers are on in " + Text.channel(channel) + ": messages that ask whether something was "
                  + "done before get the prior work when a note matches strongly (at most once every "
                  + COOLDOWN.toMinutes() + " minutes)."
                : "Passive answers are off in " + Text.channel(channel) + "."));
    }

    public boolean enabledIn(GuildKnowledge guild, String channelId, String parentId) {
        State state = state(guild);
        return state.channels.contains(channelId) || (parentId != null && state.channels.contains(parentId));
    }

    /** A plain message: an answer only if it asks the question, the channel allows it, and a note fits well. */
    List<Action> consider(GuildKnowledge guild, Event.MessagePosted message) {
        var origin = message.origin();
        if (!enabledIn(guild, origin.channelId(), origin.parentId())) return List.of();
        String text = Text.oneLine(message.content());
        if (!Questions.asksIfDoneBefore(text)) return List.of();
        State state = state(guild);
        if (state.answered.contains(message.messageId())) return List.of();
        Instant now = clock.instant();
        Instant last = state.lastAnswer.get(origin.channelId());
        if (last != null && now.isBefore(last.plus(COOLDOWN))) return List.of();

        String question = Text.cut(text, AskFeature.MAX_QUESTION);
        SearchRequest request = SearchRequest.of(question).withLimit(MAX_HITS);
        PriorWork work = PriorWork.find(guild, request, Audience.of(origin, false), access, Hit.STRONG);
        Optional<Draft> answer = offer(guild, origin.channelId(), message.messageId(), question, work.shown(),
                "This may have been done before");
        if (answer.isEmpty()) return List.of();
        state.lastAnswer.put(origin.channelId(), now);
        return List.of(new Action.Reply(answer.get(), false));
    }

    /**
     * An unasked answer to a message, with Helpful / Not relevant buttons, recorded so that votes on it count: what
     * a passive answer posts, and what capture's "has this been asked before?" reply to a new post offers. Notes that
     * people voted not relevant to a near-identical question are left out; a message is answered once.
     *
     * @param hits the notes worth showing, best first, already judged visible to everyone who reads the answer
     * @return the answer; empty when the message was answered already or no note is left
     */
    public Optional<Draft> offer(GuildKnowledge guild, String channelId, String messageId, String question,
                                 List<Hit> hits, String title) {
        State state = state(guild);
        if (state.answered.contains(messageId)) return Optional.empty();
        // People said these do not answer this question: an unasked answer must not repeat them.
        Set<String> unwelcome = state.votes.unwelcome(question);
        List<Hit> shown = hits.stream().filter(h -> !unwelcome.contains(h.path())).toList();
        if (shown.isEmpty()) return Optional.empty();

        remember(state.answered, messageId);
        List<String> notes = shown.stream().map(Hit::path).toList();
        state.votes.answered(new FeedbackVotes.Answer(messageId, question, notes));
        record(state, Map.of("type", "answer", "at", clock.instant().toString(), "channel", channelId,
                "message", messageId, "question", question, "notes", notes));

        List<Card.Field> fields = shown.stream().map(h -> HitCards.field(h, guild)).toList();
        Card embed = new Card(title, null, null, fields, null, null);
        ControlRow buttons = ControlRow.of(
                Control.Button.of(new FeedbackButton(messageId, true).customId(), "Helpful",
                        Control.Style.SUCCESS),
                Control.Button.of(new FeedbackButton(messageId, false).customId(), "Not relevant",
                        Control.Style.SECONDARY));
        return Optional.of(new Draft("", List.of(embed), List.of(buttons)));
    }

    /** "Helpful" / "Not relevant" on a passive answer. */
    List<Action> feedback(GuildKnowledge guild, Event.ButtonClick click) {
        FeedbackButton button = FeedbackButton.parse(click.customId()).orElse(null);
        if (button == null) {
            return List.of(Action.Reply.privately("This button is not one I know; it may be from an older version."));
        }
        State state = state(guild);
        String user = click.origin().actor().id();
        Boolean earlier = state.votes.vote(button.messageId(), user, button.helpful());
        record(state, Map.of("type", "feedback", "at", clock.instant().toString(),
                "channel", click.origin().channelId(), "message", button.messageId(),
                "user", user, "verdict", button.verdict()));
        if (earlier != null && earlier == button.helpful()) {
            return List.of(Action.Reply.privately("You already said so; it still counts once."));
        }
        String changed = earlier == null ? "" : " (your earlier vote is replaced: one vote per person)";
        return List.of(Action.Reply.privately(button.helpful()
                ? "Thanks, glad it helped. Noted" + changed + "."
                : "Thanks: noted as not relevant" + changed + ". Once two people say so, I stop offering that note "
                  + "for this question."));
    }

    private void record(State state, Map<String, Object> entry) {
        try {
            state.log.append(new LinkedHashMap<>(entry));
        } catch (IOException e) {
            LOG.warn("cannot record passive-answer feedback in {}: {}", state.log.file(), e.toString());
        }
    }

    private State state(GuildKnowledge guild) {
        return states.computeIfAbsent(guild.id(), id -> {
            FeedbackLog log = new FeedbackLog(guild.stateDir());
            FeedbackVotes votes;
            try {
                votes = FeedbackVotes.of(log.read());
            } catch (IOException e) {
                LOG.warn("cannot read {}: earlier votes are not counted: {}", log.file(), e.toString());
                votes = FeedbackVotes.of(List.of());
            }
            return new State(load(guild), log, votes);
        });
    }

    private static void remember(Set<String> answered, String messageId) {
        answered.add(messageId);
        if (answered.size() > REMEMBERED_MESSAGES) answered.remove(answered.iterator().next());
    }

    private static Path file(GuildKnowledge guild) {
        return guild.stateDir().resolve("passive-channels.json");
    }

    /** The saved channel list once an admin changed it, else the config's. */
    private static Set<String> load(GuildKnowledge guild) {
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

    private static void save(GuildKnowledge guild, Set<String> channels) throws IOException {
        DurableFiles.replace(file(guild), JSON.writeValueAsBytes(channels));
    }
}
