package spikebot.bot.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.RawGatewayEvent;
import net.dv8tion.jda.api.events.channel.ChannelCreateEvent;
import net.dv8tion.jda.api.events.channel.update.ChannelUpdateAppliedTagsEvent;
import net.dv8tion.jda.api.events.channel.update.ChannelUpdateArchivedEvent;
import net.dv8tion.jda.api.events.channel.update.ChannelUpdateLockedEvent;
import net.dv8tion.jda.api.events.channel.update.ChannelUpdateNameEvent;
import net.dv8tion.jda.api.events.channel.update.GenericChannelUpdateEvent;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageBulkDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.events.thread.ThreadRevealedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.bot.core.Actor;
import spikebot.bot.core.Chat;
import spikebot.bot.core.Event;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * JDA's events in, the core's events out. Runs on JDA's gateway thread, so it only translates, acknowledges
 * interactions the core says may be slow, sets the safety net for the others, and hands the real work to the
 * bot's workers. What happens in threads ({@link ThreadActivities}) reaches the core in the order Discord sent it,
 * one {@link Lanes lane} per thread.
 */
final class EventRouter extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(EventRouter.class);

    private final Chat core;
    private final DiscordSettings settings;
    private final DiscordChannelAccess access;
    private final ThreadDirectory directory;
    private final DiscordThreads threads;
    private final ExecutorService workers;
    private final Lanes lanes;
    private final SafetyNet safetyNet;
    private final Consumer<String> registerCommands;

    /** @param workers where events are handled (they may block on Discord's REST API) */
    EventRouter(Chat core, DiscordSettings settings, DiscordChannelAccess access, ThreadDirectory directory,
                DiscordThreads threads, ExecutorService workers, SafetyNet safetyNet,
                Consumer<String> registerCommands) {
        this.core = core;
        this.settings = settings;
        this.access = access;
        this.directory = directory;
        this.threads = threads;
        this.workers = workers;
        this.lanes = new Lanes(workers);
        this.safetyNet = safetyNet;
        this.registerCommands = registerCommands;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent e) {
        interaction(e, Inbound::slash);
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent e) {
        interaction(e, Inbound::autocomplete);
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent e) {
        interaction(e, Inbound::button);
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent e) {
        interaction(e, Inbound::select);
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent e) {
        interaction(e, Inbound::modal);
    }

    @Override
    public void onMessageContextInteraction(MessageContextInteractionEvent e) {
        interaction(e, Inbound::messageCommand);
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent e) {
        if (!e.isFromGuild() || e.getAuthor().isBot() || e.isWebhookMessage() || e.getMember() == null
                || e.getMessage().getType().isSystem()) {
            return;
        }
        Event event = Inbound.message(e);
        boolean mentionsBot = ((Event.MessagePosted) event).mentionsBot();
        // Plain chatter in guilds the bot does not serve is none of its business; a mention still gets an answer.
        if (!mentionsBot && !settings.guilds().containsKey(e.getGuild().getId())) return;
        access.saw(e.getMember());
        Exchange exchange = Exchange.forMessage(core, threads, e.getMessage(), event.origin());
        if (!(e.getChannel() instanceof ThreadChannel thread)) {
            submit(() -> exchange.handle(event));
            return;
        }
        // In a thread, the core hears of the message as part of the discussion first, then as a message to answer.
        Optional<Event.ThreadActivity> written = settings.guilds().containsKey(e.getGuild().getId())
                ? ThreadActivities.written(e.getMessage(), e.getMember()) : Optional.empty();
        inLane(event.origin(), () -> {
            directory.remember(thread);
            written.ifPresent(exchange::handle);
            exchange.handle(event);
        });
    }

    @Override
    public void onMessageUpdate(MessageUpdateEvent e) {
        if (e.isFromGuild()) ThreadActivities.edited(e.getMessage(), e.getMember()).ifPresent(this::inThread);
    }

    @Override
    public void onMessageDelete(MessageDeleteEvent e) {
        if (e.isFromGuild()) {
            ThreadActivities.deleted(e.getGuildChannel(), List.of(e.getMessageId()), nobody(e.getJDA()))
                    .ifPresent(this::inThread);
        }
    }

    @Override
    public void onMessageBulkDelete(MessageBulkDeleteEvent e) {
        ThreadActivities.deleted(e.getChannel(), e.getMessageIds(), nobody(e.getJDA())).ifPresent(this::inThread);
    }

    @Override
    public void onChannelCreate(ChannelCreateEvent e) {
        if (e.getChannel() instanceof ThreadChannel thread) threadAppeared(thread, true);
    }

    @Override
    public void onThreadRevealed(ThreadRevealedEvent e) {
        threadAppeared(e.getThread(), false);
    }

    /**
     * Kept in the directory first: a captured private thread stays judged by its privacy once archived, and the
     * core may already show its notes.
     */
    private void threadAppeared(ThreadChannel thread, boolean newlyCreated) {
        inThread(ThreadActivities.created(thread, newlyCreated), () -> directory.remember(thread));
    }

    /**
     * A change people make to a thread that a discussion shows: its name, tags, archived or locked state. One
     * update from Discord may change several and so bring several of these; the core sees the thread as it is now
     * each time. Not who may invite to it: JDA reports that on every update of a public thread when Discord sends
     * {@code invitable} for it. Archiving is the last moment a thread is in JDA's cache: where it lives is kept
     * before JDA forgets.
     */
    @Override
    public void onGenericChannelUpdate(GenericChannelUpdateEvent<?> e) {
        if (!(e.getChannel() instanceof ThreadChannel thread)) return;
        if (e instanceof ChannelUpdateNameEvent || e instanceof ChannelUpdateAppliedTagsEvent
                || e instanceof ChannelUpdateArchivedEvent || e instanceof ChannelUpdateLockedEvent) {
            inThread(ThreadActivities.changed(thread, nobody(e.getJDA())), () -> directory.remember(thread));
        }
    }

    /**
     * What JDA drops because it holds no archived thread: a thread deleted (see
     * {@link ThreadActivities#deleted(net.dv8tion.jda.api.utils.data.DataObject, Actor)}) and messages deleted in a
     * thread it does not hold (see {@link ThreadActivities#messagesDeleted}); those in channels it holds come as
     * JDA's own events.
     */
    @Override
    public void onRawGateway(RawGatewayEvent e) {
        switch (e.getType()) {
            case "THREAD_DELETE" -> ThreadActivities.deleted(e.getPayload(), nobody(e.getJDA())).ifPresent(deleted ->
                    inThread(deleted, () -> directory.forget(deleted.origin().guildId(), deleted.origin().channelId())));
            case "MESSAGE_DELETE", "MESSAGE_DELETE_BULK" -> ThreadActivities.messagesDeleted(e.getPayload(), e.getJDA(),
                    nobody(e.getJDA())).ifPresent(this::inThread);
            default -> {
            }
        }
    }

    /** Something happened in a thread of a guild the bot serves: the core hears it in Discord's order. */
    private void inThread(Event.ThreadActivity activity) {
        inThread(activity, () -> {
        });
    }

    /** @param first what the adapter itself keeps of it, done in the same lane before the core hears of it */
    private void inThread(Event.ThreadActivity activity, Runnable first) {
        if (!settings.guilds().containsKey(activity.origin().guildId())) return;
        Exchange exchange = Exchange.forThread(core, threads, activity.origin());
        inLane(activity.origin(), () -> {
            first.run();
            exchange.handle(activity);
        });
    }

    /** After everything before it in the same thread. */
    private void inLane(spikebot.bot.core.Origin origin, Runnable work) {
        try {
            lanes.run(origin.guildId() + "/" + origin.channelId(), () -> guarded(work));
        } catch (RejectedExecutionException ex) {
            LOG.debug("shutting down: dropped an event");
        }
    }

    /** Discord does not say who did it: the bot stands in (see {@link ThreadActivities}). */
    private static Actor nobody(JDA jda) {
        return new Actor(jda.getSelfUser().getId(), jda.getSelfUser().getName(), false);
    }

    @Override
    public void onGuildJoin(GuildJoinEvent e) {
        if (settings.guilds().containsKey(e.getGuild().getId())) {
            submit(() -> registerCommands.accept(e.getGuild().getId()));
        } else {
            LOG.info("joined guild {} ({}), which is not in the config file: it gets no commands",
                    e.getGuild().getName(), e.getGuild().getId());
        }
    }

    private <E extends Interaction> void interaction(E e, Function<E, Event> translate) {
        if (e.getMember() == null || e.getGuild() == null) return; // commands are registered for guilds only
        Event event;
        try {
            event = translate.apply(e);
        } catch (RuntimeException ex) {
            LOG.warn("could not read a {}: {}", e.getClass().getSimpleName(), ex.toString());
            return;
        }
        access.saw(e.getMember());
        Exchange exchange = Exchange.forInteraction(core, threads, e, event.origin());
        if (!(event instanceof Event.Autocomplete)) { // suggestions cannot be deferred
            try {
                exchange.deferIfAsked(core.deferral(event).orElse(null));
            } catch (RuntimeException ex) {
                LOG.error("the core failed to say whether to defer {}", event, ex);
            }
            safetyNet.watch(exchange, e.getTimeCreated().toInstant());
        }
        submit(() -> {
            if (e.getChannel() instanceof ThreadChannel thread) directory.remember(thread);
            exchange.handle(event);
        });
    }

    private void submit(Runnable work) {
        try {
            workers.execute(() -> guarded(work));
        } catch (RejectedExecutionException ex) {
            LOG.debug("shutting down: dropped an event");
        }
    }

    private static void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException ex) {
            LOG.error("unexpected failure while answering", ex);
        }
    }
}
