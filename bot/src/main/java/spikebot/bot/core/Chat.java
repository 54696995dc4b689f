package spikebot.bot.core;

import java.util.List;
import java.util.Optional;

/**
 * What an adapter (Discord, console) talks to. {@link ChatCore} is the real one; an adapter's own tests use a
 * scripted stand-in, so that they test the adapter against the platform and not the features.
 */
public interface Chat extends AutoCloseable {

    /** The slash commands and message menu entries to register. */
    List<CommandSpec> commands();

    /** Whether to acknowledge this interaction before handling it; empty when the answer is quick or a form. */
    Optional<Defer> deferral(Event event);

    /** What to do in answer to an event; never throws for bad input (it answers with a clear message instead). */
    List<Action> handle(Event event);

    /** What is due now (reminders and other scheduled posts); called at start and then every few seconds. */
    List<Action> tick();

    /**
     * A scheduled post from {@link #tick()} that the platform did not take (a server error, the connection gone): its
     * feature counts it as not sent, so that a later tick hands it out again, also after a restart.
     */
    default void undelivered(Action.Receipt receipt) {
    }

    /** A scheduled post with a receipt was taken by the platform as this message (see {@link Feature#delivered}). */
    default void delivered(Action.Receipt receipt, String channelId, String messageId) {
    }

    @Override
    void close();
}
