package spikebot.bot.discord;

import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IAutoCompleteCallback;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.components.ComponentInteraction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.bot.core.Action;
import spikebot.bot.core.Chat;
import spikebot.bot.core.Defer;
import spikebot.bot.core.Draft;
import spikebot.bot.core.Event;
import spikebot.bot.core.Origin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Carries out the core's actions for one event, in order, on Discord: the first reply answers the interaction (or
 * replaces its deferred reply), later ones are follow-ups; a thread is opened before the core is told about it. For
 * a plain message, a reply is a reply to that message; for something that happened in a thread without a message
 * to reply to (a thread opened, renamed), a reply is a message in that thread; for scheduled work there is nothing
 * to reply to. A post with a receipt is reported to the core once Discord took it ({@link Chat#delivered}), so
 * that a later action can edit it.
 *
 * <p>Each REST call completes before the next action starts, so that, for example, a summary is posted before its
 * thread is archived. Runs on the bot's worker threads, never on JDA's gateway thread.
 *
 * <p>An interaction is acknowledged once only: by the first answer, by the deferral the core asked for, or by the
 * safety net ({@link #deferIfUnanswered}) on a timer thread. Where it stands is one {@link Acknowledgement}, changed
 * under this object's monitor; the REST calls themselves never run under it.
 */
final class Exchange {
    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);
    /** What a public "thinking…" becomes when the answer is for one person only. */
    private static final Draft ANSWERED_PRIVATELY = Draft.text("Answered privately.");

    private final Chat core;
    private final DiscordThreads threads;
    /** The interaction being answered, or null for plain messages and scheduled work. */
    private final Interaction interaction;
    /** The plain message being answered, or null. */
    private final Message message;
    /** Whether a reply goes into the origin's channel (a thread's activity) when there is nothing to reply to. */
    private final boolean postsReplies;
    /** Who and where, or null for scheduled work. */
    private final Origin origin;
    private Acknowledgement acknowledgement = Acknowledgement.NONE;

    private Exchange(Chat core, DiscordThreads threads, Interaction interaction, Message message, Origin origin,
                     boolean postsReplies) {
        this.core = core;
        this.threads = threads;
        this.interaction = interaction;
        this.message = message;
        this.origin = origin;
        this.postsReplies = postsReplies;
    }

    static Exchange forInteraction(Chat core, DiscordThreads threads, Interaction interaction, Origin origin) {
        return new Exchange(core, threads, interaction, null, origin, false);
    }

    static Exchange forMessage(Chat core, DiscordThreads threads, Message message, Origin origin) {
        return new Exchange(core, threads, null, message, origin, false);
    }

    /** For activity in a thread with no message to answer: replies are posted in the thread. */
    static Exchange forThread(Chat core, DiscordThreads threads, Origin origin) {
        return new Exchange(core, threads, null, null, origin, true);
    }

    static Exchange forSchedule(Chat core, DiscordThreads threads) {
        return new Exchange(core, threads, null, null, null, false);
    }

    /**
     * Acknowledges the interaction at once when the core says its answer may be slow. Asynchronous: it is called
     * on JDA's event thread so that the acknowledgement leaves before any queued work; JDA holds later follow-ups
     * until it is done.
     */
    void deferIfAsked(Defer defer) {
        if (defer == null || !(interaction instanceof IReplyCallback callback)) return;
        if (!claim(Acknowledgement.deferredReply(defer.ephemeral()))) return;
        callback.deferReply(defer.ephemeral()).queue(null, e -> LOG.warn("could not defer an interaction: {}",
                e.getMessage()));
    }

    /**
     * The safety net, run shortly before Discord's 3 seconds are up: if the interaction has no answer yet (the
     * core is slow, or the event waited behind others), it is acknowledged now, so the user sees "thinking…"
     * instead of "This interaction failed". A click defers the update of its message; anything else defers a
     * public reply (a private answer then settles it as described in {@link #reply}).
     *
     * @return whether it had to
     */
    boolean deferIfUnanswered() {
        if (interaction instanceof ComponentInteraction component) {
            if (!claim(Acknowledgement.DEFERRED_UPDATE)) return false;
            component.deferEdit().queue(null, e -> LOG.warn("could not defer a click: {}", e.getMessage()));
            return true;
        }
        if (interaction instanceof IReplyCallback callback) {
            if (!claim(Acknowledgement.DEFERRED_PUBLIC)) return false;
            callback.deferReply(false).queue(null, e -> LOG.warn("could not defer an interaction: {}",
                    e.getMessage()));
            return true;
        }
        return false;
    }

    /**
     * Takes the interaction's callback; false when it was used (or deferred) already. Taken for good: JDA refuses a
     * second callback even when the first one failed.
     */
    private synchronized boolean claim(Acknowledgement next) {
        if (acknowledgement != Acknowledgement.NONE) return false;
        acknowledgement = next;
        return true;
    }

    /** Whether the interaction's callback is used (or being used). */
    synchronized boolean acknowledged() {
        return acknowledgement != Acknowledgement.NONE;
    }

    private synchronized Acknowledgement acknowledgement() {
        return acknowledgement;
    }

    private synchronized void answered() {
        acknowledgement = acknowledgement.afterAnswer();
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
        for (Action again : run(actions)) {
            if (again instanceof Action.Post post && post.receipt() != null) core.undelivered(post.receipt());
        }
    }

    /**
     * Carries out the actions in order; one that fails is logged and told, and the next ones still run.
     *
     * @return the actions that failed for a passing reason ({@link Failures#passing}), to be tried again
     */
    List<Action> run(List<Action> actions) {
        List<Action> again = new ArrayList<>();
        for (Action action : actions) {
            try {
                perform(action);
            } catch (RuntimeException e) {
                LOG.warn("could not {}: {}", describe(action), Failures.reason(e));
                if (Failures.passing(e)) again.add(action);
                tellUser("I could not finish that: " + Failures.reason(e));
            }
        }
        return again;
    }

    private void perform(Action action) {
        switch (action) {
            case Action.Reply r -> reply(r.message(), r.ephemeral());
            case Action.Update u -> update(u);
            case Action.ShowForm m -> showForm(m);
            case Action.Suggest s -> suggest(s);
            case Action.OpenThread t -> openThread(t);
            case Action.Post p -> post(p);
            case Action.Edit e -> threads.channel(e.channelId(), origin == null)
                    .editMessageById(e.messageId(), Outbound.edit(e.message())).complete();
            case Action.ArchiveThread a -> threads.archive(a.threadId());
        }
    }

    private void post(Action.Post p) {
        Message posted = threads.channel(p.channelId(), origin == null).sendMessage(Outbound.create(p.message()))
                .complete();
        if (p.receipt() != null) core.delivered(p.receipt(), posted.getChannel().getId(), posted.getId());
    }

    private void reply(Draft draft, boolean ephemeral) {
        if (interaction instanceof IReplyCallback callback) {
            InteractionHook hook = callback.getHook();
            if (claim(Acknowledgement.ANSWERED)) {
                callback.reply(Outbound.create(draft)).setEphemeral(ephemeral).complete();
                return;
            }
            switch (acknowledgement()) {
                case DEFERRED_PUBLIC -> {
                    if (ephemeral) {
                        answerPrivatelyAfterPublicDeferral(hook, draft);
                    } else {
                        hook.editOriginal(Outbound.edit(draft)).complete();
                        answered();
                    }
                }
                case DEFERRED_PRIVATE -> {
                    // Stays private even when the answer could be public: Discord keeps the deferral's visibility.
                    hook.editOriginal(Outbound.edit(draft)).complete();
                    answered();
                }
                default -> hook.sendMessage(Outbound.create(draft)).setEphemeral(ephemeral).complete();
            }
        } else if (message != null) {
            if (ephemeral) {
                LOG.warn("dropped a private reply to a plain message (Discord cannot show it to one person)");
                return;
            }
            message.reply(Outbound.create(draft)).mentionRepliedUser(false).failOnInvalidReply(false).complete();
        } else if (postsReplies && !ephemeral) {
            threads.channel(origin.channelId(), false).sendMessage(Outbound.create(draft)).complete();
        } else {
            LOG.warn("dropped a reply with nothing to reply to: {}", draft.content());
        }
    }

    /**
     * The public "thinking…" must never carry a private answer, and Discord puts the first follow-up in its place
     * with its visibility. So it is settled with a neutral text first; only once that worked does the answer go
     * out as a private follow-up, and the neutral text is removed.
     */
    private void answerPrivatelyAfterPublicDeferral(InteractionHook hook, Draft draft) {
        hook.editOriginal(Outbound.edit(ANSWERED_PRIVATELY)).complete();
        answered();
        hook.sendMessage(Outbound.create(draft)).setEphemeral(true).complete();
        hook.deleteOriginal().queue(null, e -> LOG.debug("could not remove the deferred reply: {}", e.getMessage()));
    }

    private void update(Action.Update u) {
        if (!(interaction instanceof ComponentInteraction component)) {
            LOG.warn("dropped an update outside a button or menu interaction");
            return;
        }
        if (claim(Acknowledgement.ANSWERED)) {
            ((IMessageEditCallback) component).editMessage(Outbound.edit(u.message())).complete();
        } else if (acknowledgement() == Acknowledgement.DEFERRED_UPDATE) {
            component.getHook().editOriginal(Outbound.edit(u.message())).complete();
        } else {
            component.getMessageChannel().editMessageById(component.getMessageId(), Outbound.edit(u.message()))
                    .complete();
        }
    }

    private void showForm(Action.ShowForm m) {
        if (!(interaction instanceof IModalCallback callback)) {
            LOG.warn("dropped a form outside an interaction");
        } else if (claim(Acknowledgement.ANSWERED)) {
            callback.replyModal(Outbound.modal(m.form())).complete();
        } else {
            // Only when the core took so long that the safety net had to acknowledge first.
            throw new IllegalStateException("the form took too long to open; please try again");
        }
    }

    private void suggest(Action.Suggest s) {
        if (interaction instanceof IAutoCompleteCallback callback && claim(Acknowledgement.ANSWERED)) {
            callback.replyChoices(Outbound.choices(s.choices())).complete();
        }
    }

    /** Opens the thread, then tells the core, and carries out its answer in this same exchange. */
    private void openThread(Action.OpenThread t) {
        if (interaction instanceof IReplyCallback callback && claim(Acknowledgement.DEFERRED_PUBLIC)) {
            // Two or three REST calls may pass Discord's 3 seconds: acknowledge first.
            callback.deferReply(false).complete();
        }
        handle(threads.open(t, origin));
    }

    /** Best effort: a private note to the user about a failure, never shown to anyone else. */
    private void tellUser(String text) {
        if (!(interaction instanceof IReplyCallback)) return;
        try {
            reply(Draft.text(text), true);
        } catch (RuntimeException e) {
            LOG.debug("could not tell the user about a failure: {}", e.getMessage());
        }
    }

    private static String describe(Action action) {
        return action.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}
