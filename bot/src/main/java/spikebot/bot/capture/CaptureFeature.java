package spikebot.bot.capture;

import spikebot.bot.core.Action;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.Event;
import spikebot.bot.core.Feature;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.Origin;
import spikebot.bot.core.Refusal;
import spikebot.bot.core.Text;
import spikebot.bot.core.ThreadHistory;
import spikebot.knowledge.discussion.DiscussionMessage;
import spikebot.knowledge.discussion.DiscussionNotes;
import spikebot.knowledge.discussion.DiscussionThread;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Captured discussions: in channels an admin opted in, threads and forum posts are kept as discussion notes and kept
 * in step with every message, edit and delete (written at the next tick, in one batch); past threads are imported
 * on a background thread; anyone may leave their own messages out; and a new post, in a captured channel or one with
 * passive answers, is answered once with what came before ("has this been asked before?").
 *
 * <p>Plain channel chatter is never captured: only threads and forum posts, which the platform sends as
 * {@link Event.ThreadActivity}.
 */
public final class CaptureFeature implements Feature {
    /** New threads remembered while their first message is awaited; the oldest are forgotten past this. */
    private static final int AWAITED = 1_000;

    private final ChannelAccess access;
    private final ThreadHistory history;
    private final Executor background;
    private final Backfill backfill;
    private final CaptureCommands commands;
    private final AskedBefore askedBefore;
    private final UnaskedAnswers unasked;
    private final Map<String, GuildCapture> guilds = new ConcurrentHashMap<>();

    /**
     * @param history    what was said in the platform's threads: imports and re-reads read it
     * @param background runs imports and re-reads away from the guild's lock (tests pass one they run by hand)
     * @param unasked    what capture borrows from passive answers
     */
    public CaptureFeature(ChannelAccess access, ThreadHistory history, Clock clock, Executor background,
                          UnaskedAnswers unasked) {
        this.access = access;
        this.history = history;
        this.background = background;
        this.backfill = new Backfill(history, clock);
        this.commands = new CaptureCommands(access);
        this.askedBefore = new AskedBefore(access, unasked);
        this.unasked = unasked;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CaptureCommands.SPEC);
    }

    @Override
    public List<String> customIdPrefixes() {
        return List.of(GuildCapture.PREFIX);
    }

    /** Every thread activity: whether its channel is captured is per guild, known once the event is handled. */
    @Override
    public boolean watches(Event.ThreadActivity activity) {
        return true;
    }

    @Override
    public List<Action> handle(GuildKnowledge guild, Event event) throws IOException {
        GuildCapture capture = state(guild);
        return switch (event) {
            case Event.SlashCommand c when "capture".equals(c.subcommand()) -> commands.capture(guild, capture, c);
            case Event.SlashCommand c when "import".equals(c.subcommand()) -> commands.importing(guild, capture, c);
            case Event.SlashCommand c when "consent".equals(c.subcommand()) -> commands.consent(capture, c);
            case Event.ThreadActivity activity -> live(guild, capture, activity);
            default -> throw new Refusal("This is not something capture answers.");
        };
    }

    private List<Action> live(GuildKnowledge guild, GuildCapture capture, Event.ThreadActivity activity)
            throws IOException {
        switch (activity) {
            case Event.ThreadCreated created -> {
                DiscussionThread thread = created.thread();
                boolean captured = capture.settings.captured(thread.parentId());
                // An older thread that came into view (the bot was added to it) has a past: read it whole.
                if (captured && capture.threads.described(thread, !created.newlyCreated()) && !created.newlyCreated()) {
                    capture.reread(List.of(thread));
                }
                if (created.newlyCreated() && (captured || unasked.enabledIn().test(guild, thread.parentId()))) {
                    var awaiting = capture.awaitingFirstMessage;
                    awaiting.put(thread.threadId(), thread);
                    if (awaiting.size() > AWAITED) awaiting.remove(awaiting.keySet().iterator().next());
                }
            }
            case Event.ThreadChanged changed -> {
                DiscussionThread thread = changed.thread();
                if (capture.settings.captured(thread.parentId()) && capture.threads.described(thread, true)) {
                    capture.reread(List.of(thread)); // changed before it was kept: read it whole
                }
            }
            case Event.ThreadDeleted deleted -> {
                capture.threadDeleted(deleted.threadId());
            }
            case Event.MessageWritten written -> {
                keep(capture, written.origin(), written.message());
                DiscussionThread asking = capture.awaitingFirstMessage.remove(written.origin().channelId());
                if (asking != null) {
                    Set<String> own = new HashSet<>(Set.of(DiscussionNotes.path(asking)));
                    capture.threads.notePath(asking.threadId()).ifPresent(own::add);
                    return askedBefore.answer(guild, asking, written.message(), own);
                }
            }
            case Event.MessageEdited edited -> keep(capture, edited.origin(), edited.message());
            case Event.MessagesDeleted deleted ->
                    capture.threads.deleted(deleted.origin().channelId(), deleted.messageIds());
        }
        return List.of();
    }

    /**
     * A message written or edited in a captured channel's thread; a thread not kept yet is read whole later. Not
     * without the Message Content intent: the text would be blank, and an edit would blank what was kept.
     */
    private void keep(GuildCapture capture, Origin origin, DiscussionMessage message) throws IOException {
        if (!capture.settings.captured(origin.parentId()) || !access.readsMessageText()) return;
        DiscussionThread known = new DiscussionThread(origin.guildId(), origin.parentId(), null, origin.channelId(),
                "", message.posted(), false, List.of(), null);
        if (capture.threads.message(known, message)) capture.reread(List.of(known));
    }

    @Override
    public List<Action> tick(GuildKnowledge guild) throws IOException {
        return state(guild).tick(guild, access.readsMessageText());
    }

    @Override
    public void delivered(GuildKnowledge guild, String ref, String channelId, String messageId) throws IOException {
        state(guild).delivered(ref, messageId);
    }

    @Override
    public void undelivered(GuildKnowledge guild, String ref) {
        state(guild).undelivered(ref);
    }

    /**
     * {@code /solved} in a thread: a captured discussion links to its solution. Returns the discussion note's path,
     * for the solution to link back; empty when the thread is not captured. Called under the guild's lock.
     */
    public Optional<String> solved(GuildKnowledge guild, String threadId, String solutionPath) throws IOException {
        GuildCapture capture = state(guild);
        if (capture.threads.notePath(threadId).isEmpty()) return Optional.empty();
        capture.threads.solved(threadId, solutionPath);
        capture.threads.flush(guild::replace);
        return capture.threads.notePath(threadId);
    }

    /** One line for {@code /spikebot status}: channels captured, discussions kept, an import under way. */
    public String status(GuildKnowledge guild) {
        GuildCapture capture = state(guild);
        Set<String> channels = capture.settings.channels();
        Map<String, Long> kept = capture.threads.countsByChannel();
        long total = kept.values().stream().mapToLong(Long::longValue).sum();
        if (channels.isEmpty()) {
            return "**Capture:** off in every channel" + (total == 0 ? "." : "; " + total + " discussion notes kept "
                    + "from earlier (`/spikebot capture state:off … purge:true` deletes them).");
        }
        String list = channels.stream().map(c -> Text.channel(c) + " (" + kept.getOrDefault(c, 0L) + ")")
                .collect(Collectors.joining(", "));
        ImportRun run = capture.running();
        return "**Capture:** " + channels.size() + (channels.size() == 1 ? " channel, " : " channels, ") + total
                + (total == 1 ? " discussion" : " discussions") + " kept: " + list
                + (run == null ? "." : ". " + run.text(false));
    }

    @Override
    public void close() {
        guilds.values().forEach(GuildCapture::close);
    }

    private GuildCapture state(GuildKnowledge guild) {
        return guilds.computeIfAbsent(guild.id(), id -> {
            try {
                return new GuildCapture(id, guild.stateDir(), background, history, backfill);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
