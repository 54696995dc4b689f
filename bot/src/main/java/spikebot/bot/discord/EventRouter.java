package spikebot.bot.discord;

import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.channel.update.ChannelUpdateArchivedEvent;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.bot.core.Chat;
import spikebot.bot.core.Event;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * JDA's events in, the core's events out. Runs on JDA's gateway thread, so it only translates, acknowledges
 * interactions the core says may be slow, sets the safety net for the others, and hands the real work to the
 * bot's workers.
 */
final class EventRouter extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(EventRouter.class);

    private final Chat core;
    private final DiscordSettings settings;
    private final DiscordChannelAccess access;
    private final ThreadDirectory directory;
    private final DiscordThreads threads;
    private final ExecutorService workers;
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
        submit(() -> {
            if (e.getChannel() instanceof ThreadChannel thread) directory.remember(thread);
            exchange.handle(event);
        });
    }

    /** The last moment a thread is in JDA's cache: keep where it lives before the gateway forgets it. */
    @Override
    public void onChannelUpdateArchived(ChannelUpdateArchivedEvent e) {
        if (e.getChannel() instanceof ThreadChannel thread) submit(() -> directory.remember(thread));
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
            workers.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException ex) {
                    LOG.error("unexpected failure while answering", ex);
                }
            });
        } catch (RejectedExecutionException ex) {
            LOG.debug("shutting down: dropped an event");
        }
    }
}
