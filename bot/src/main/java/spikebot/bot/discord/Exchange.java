package spikebot.bot.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ForumChannel;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.forums.ForumPost;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IAutoCompleteCallback;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.components.ComponentInteraction;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.InteractionFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.bot.core.Action;
import spikebot.bot.core.Chat;
import spikebot.bot.core.Defer;
import spikebot.bot.core.Event;
import spikebot.bot.core.Origin;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Carries out the core's actions for one event, in order, on Discord: the first reply answers the interaction (or
 * edits its deferred reply), later ones are follow-ups; a thread is opened before the core is told about it. For a
 * plain message, a reply is a reply to that message; for reminder ticks there is nothing to reply to.
 *
 * <p>Each REST call completes before the next action starts, so that, for example, a summary is posted before its
 * thread is archived. Runs on the bot's worker threads, never on JDA's gateway thread.
 *
 * <p>An interaction is acknowledged once only: by the first answer, by the deferral the core asked for, or by the
 * safety net ({@link #deferIfUnanswered}) on a timer thread. That choice is made under this object's monitor; the
 * REST calls themselves never are.
 */
final class Exchange {
    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);
    /** How long a reminder waits for the guilds to come back after Discord invalidated the session. */
    private static final Duration RELOAD_WAIT = Duration.ofMinutes(2);

    private final JDA jda;
    private final Chat core;
    private final DiscordSettings settings;
    private final ThreadDirectory threads;
    /** The interaction being answered, or null for plain messages and ticks. */
    private final Interaction interaction;
    /** The plain message being answered, or null. */
    private final Message message;
    private final Origin origin;
    /** The interaction's one callback is used or being used; guarded by this. */
    private boolean acknowledged;
    /** Acknowledged with a deferred reply ("thinking…"), to be edited with the answer. */
    private volatile boolean deferred;
    private volatile boolean deferredEphemeral;
    /** Acknowledged with a deferred update of the component's message, to be edited with the new version. */
    private volatile boolean deferredUpdate;
    /** The deferred reply was replaced by the answer; only the worker thread uses it. */
    private boolean replied;

    private Exchange(JDA jda, Chat core, DiscordSettings settings, ThreadDirectory threads,
                     Interaction interaction, Message message, Origin origin) {
        this.jda = jda;
        this.core = core;
        this.settings = settings;
        this.threads = threads;
        this.interaction = interaction;
        this.message = message;
        this.origin = origin;
    }

    static Exchange forInteraction(JDA jda, Chat core, DiscordSettings settings, ThreadDirectory threads,
                                   Interaction interaction, Origin origin) {
        return new Exchange(jda, core, settings, threads, interaction, null, origin);
    }

    static Exchange forMessage(JDA jda, Chat core, DiscordSettings settings, ThreadDirectory threads,
                               Message message, Origin origin) {
        return new Exchange(jda, core, settings, threads, null, message, origin);
    }

    static Exchange forTick(JDA jda, Chat core, DiscordSettings settings, ThreadDirectory threads) {
        return new Exchange(jda, core, settings, threads, null, null, null);
    }

    /**
     * Acknowledges the interaction at once when the core says its answer may be slow. Asynchronous: it is called
     * on JDA's event thread so that the acknowledgement leaves before any queued work; JDA holds later follow-ups
     * until it is done.
     */
    synchronized void deferIfAsked(Defer defer) {
        if (defer == null || acknowledged || !(interaction instanceof IReplyCallback callback)) return;
        callback.deferReply(defer.ephemeral()).queue(null, e -> LOG.warn("could not defer an interaction: {}",
                e.getMessage()));
        deferredEphemeral = defer.ephemeral();
        deferred = acknowledged = true;
    }

    /**
     * The safety net, run on a timer a little before Discord's 3 seconds are up: if the interaction has no answer
     * yet (the core is slow, or the event waited behind others), it is acknowledged now, so the user sees
     * "thinking…" instead of "This interaction failed". A click defers the update of its message; anything else
     * defers a public reply (a private answer then replaces it as described in {@link #reply}).
     */
    synchronized void deferIfUnanswered() {
        if (acknowledged) return;
        if (interaction instanceof ComponentInteraction component) {
            component.deferEdit().queue(null, e -> LOG.warn("could not defer a click: {}", e.getMessage()));
            deferredUpdate = acknowledged = true;
        } else if (interaction instanceof IReplyCallback callback) {
            callback.deferReply(false).queue(null, e -> LOG.warn("could not defer an interaction: {}",
                    e.getMessage()));
            deferred = acknowledged = true;
        }
    }

    /**
     * Takes the interaction's callback for this answer; false when it was used (or deferred) already. Taken for
     * good: JDA refuses a second callback even when the first one failed.
     */
    private synchronized boolean claimCallback() {
        if (acknowledged) return false;
        acknowledged = true;
        return true;
    }

    /** Asks the core and carries out its answer; a failure is logged and, where possible, told to the user. */
    void handle(Event event) {
        List<Action> actions;
        try {
            actions = core.handle(event);
        } catch (RuntimeException e) {
            LOG.error("the core failed on {}", event, e);
            actions = List.of(Action.Reply.privately("Something went wrong on my side; it has been logged."));
        }
        run(actions);
    }

    void run(List<Action> actions) {
        for (Action action : actions) {
            try {
                perform(action);
            } catch (RuntimeException e) {
                LOG.warn("could not {}: {}", describe(action), reason(e));
                tellUser("I could not finish that: " + reason(e));
            }
        }
    }

    private void perform(Action action) {
        switch (action) {
            case Action.Reply r -> reply(r);
            case Action.Update u -> update(u);
            case Action.ShowForm m -> showModal(m);
            case Action.Suggest s -> suggest(s);
            case Action.OpenThread t -> openThread(t);
            case Action.Post p -> channel(p.channelId()).sendMessage(Outbound.create(p.message())).complete();
            case Action.Edit e -> channel(e.channelId())
                    .editMessageById(e.messageId(), Outbound.edit(e.message())).complete();
            case Action.ArchiveThread a -> archive(a.threadId());
        }
    }

    private void reply(Action.Reply r) {
        if (interaction instanceof IReplyCallback callback) {
            InteractionHook hook = callback.getHook();
            if (claimCallback()) {
                callback.reply(Outbound.create(r.message())).setEphemeral(r.ephemeral()).complete();
                replied = true;
            } else if (deferred && !replied) {
                replied = true;
                if (r.ephemeral() && !deferredEphemeral) {
                    // The deferred reply is public: never put a private answer there. Settle it with a neutral
                    // text first (the first follow-up after a deferral would otherwise take its place and its
                    // visibility), answer privately, then remove it.
                    hook.editOriginal(Outbound.edit(spikebot.bot.core.Draft.text("Answered privately.")))
                            .complete();
                    hook.sendMessage(Outbound.create(r.message())).setEphemeral(true).complete();
                    hook.deleteOriginal().queue(null, e -> LOG.debug("could not remove the deferred reply: {}",
                            e.getMessage()));
                } else {
                    hook.editOriginal(Outbound.edit(r.message())).complete();
                }
            } else {
                hook.sendMessage(Outbound.create(r.message())).setEphemeral(r.ephemeral()).complete();
            }
        } else if (message != null) {
            if (r.ephemeral()) {
                LOG.warn("dropped a private reply to a plain message (Discord cannot show it to one person)");
                return;
            }
            message.reply(Outbound.create(r.message())).mentionRepliedUser(false).failOnInvalidReply(false)
                    .complete();
        } else {
            LOG.warn("dropped a reply with nothing to reply to: {}", r.message().content());
        }
    }

    private void update(Action.Update u) {
        if (!(interaction instanceof ComponentInteraction component)) {
            LOG.warn("dropped an update outside a button or menu interaction");
            return;
        }
        if (claimCallback()) {
            ((IMessageEditCallback) component).editMessage(Outbound.edit(u.message())).complete();
        } else if (deferredUpdate) {
            component.getHook().editOriginal(Outbound.edit(u.message())).complete();
        } else {
            component.getMessageChannel().editMessageById(component.getMessageId(), Outbound.edit(u.message()))
                    .complete();
        }
    }

    private void showModal(Action.ShowForm m) {
        if (!(interaction instanceof IModalCallback callback)) {
            LOG.warn("dropped a modal outside an interaction");
        } else if (claimCallback()) {
            callback.replyModal(Outbound.modal(m.form())).complete();
        } else {
            // Only when the core took so long that the safety net had to acknowledge first.
            throw new IllegalStateException("the form took too long to open; please try again");
        }
    }

    private void suggest(Action.Suggest s) {
        if (interaction instanceof IAutoCompleteCallback callback && claimCallback()) {
            callback.replyChoices(Outbound.choices(s.choices())).complete();
        }
    }

    /**
     * Opens the thread (a forum post when the guild has a spike forum, or when asked in a forum), then tells the
     * core, and carries out its answer in this same exchange: usually the reply to the command.
     */
    private void openThread(Action.OpenThread t) {
        if (interaction instanceof IReplyCallback callback && claimCallback()) {
            // Two or three REST calls may pass Discord's 3 seconds: acknowledge first.
            callback.deferReply(false).complete();
            deferred = true;
        }
        Event outcome;
        try {
            outcome = createThread(t);
        } catch (RuntimeException e) {
            LOG.warn("could not open thread '{}': {}", t.name(), reason(e));
            outcome = new Event.ThreadFailed(origin, t.ref(), reason(e));
        }
        handle(outcome);
    }

    private Event createThread(Action.OpenThread t) {
        String forumId = origin == null ? null : settings.spikeForum(origin.guildId());
        GuildChannel home = jda.getGuildChannelById(forumId != null ? forumId : t.channelId());
        if (home == null) throw new IllegalStateException("the channel is unknown or I cannot see it");
        if (home instanceof ForumChannel forum) {
            ForumPost post = forum.createForumPost(t.name(), Outbound.create(t.first())).complete();
            threads.remember(post.getThreadChannel());
            return new Event.ThreadOpened(origin, t.ref(), post.getThreadChannel().getId(),
                    post.getMessage().getId());
        }
        if (home instanceof TextChannel text) {
            ThreadChannel thread = text.createThreadChannel(t.name())
                    .setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_1_WEEK).complete();
            threads.remember(thread);
            Message first = thread.sendMessage(Outbound.create(t.first())).complete();
            if (origin != null) {
                thread.addThreadMemberById(origin.actor().id()).queue(null,
                        e -> LOG.debug("could not add the spike owner to its thread: {}", e.getMessage()));
            }
            return new Event.ThreadOpened(origin, t.ref(), thread.getId(), first.getId());
        }
        throw new IllegalStateException("threads cannot be opened in #" + home.getName());
    }

    private void archive(String threadId) {
        ThreadChannel thread = jda.getThreadChannelById(threadId);
        if (thread == null) throw new IllegalStateException("thread " + threadId + " is unknown or already gone");
        threads.remember(thread);
        if (!thread.isArchived()) thread.getManager().setArchived(true).complete();
    }

    private GuildMessageChannel channel(String channelId) {
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null && origin == null) channel = afterReload(channelId);
        if (channel == null) throw new IllegalStateException("channel " + channelId + " is unknown or I cannot see it");
        return channel;
    }

    /**
     * For a reminder: JDA forgets every guild while a session is re-established (after Discord invalidated it), and
     * the core has already counted the reminder as posted. Nothing was sent yet, so waiting for the guilds to come
     * back and looking again can only post it once, never twice.
     */
    private GuildMessageChannel afterReload(String channelId) {
        long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
        try {
            while (jda.getStatus() != JDA.Status.CONNECTED || jda.getGuildCache().isEmpty()) {
                if (System.nanoTime() > deadline || jda.getStatus().ordinal() >= JDA.Status.SHUTTING_DOWN.ordinal()) {
                    return null;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return jda.getChannelById(GuildMessageChannel.class, channelId);
    }

    /** Best effort: a private note to the user about a failure, if there is a user to tell. */
    private void tellUser(String text) {
        if (!(interaction instanceof IReplyCallback callback)) return;
        try {
            var data = Outbound.create(spikebot.bot.core.Draft.text(text));
            if (claimCallback()) {
                callback.reply(data).setEphemeral(true).complete();
                replied = true;
            } else {
                callback.getHook().sendMessage(data).setEphemeral(true).complete();
            }
        } catch (RuntimeException e) {
            LOG.debug("could not tell the user about a failure: {}", e.getMessage());
        }
    }

    private static String describe(Action action) {
        return action.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    static String reason(Throwable e) {
        // complete() may wrap what went wrong (a cancelled request says only "join"): look down the causes.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InteractionFailureException) {
                return "Discord did not take this interaction's first answer, so it takes no other";
            }
            if (t instanceof ErrorResponseException er) {
                if (er.getErrorResponse() == ErrorResponse.MISSING_PERMISSIONS) {
                    return "I lack a Discord permission for that here (" + er.getMeaning() + ")";
                }
                return "Discord said: " + er.getMeaning();
            }
            if (t instanceof InsufficientPermissionException ip) {
                return "I need the Discord permission " + ip.getPermission().getName() + " here";
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
