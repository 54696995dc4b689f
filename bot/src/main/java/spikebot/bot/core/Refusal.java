package spikebot.bot.core;

/**
 * A request the core turns down (bad option, no permission, unknown id), with a message fit to show the user.
 * {@link ChatCore} answers it privately, so a mistake never clutters the channel.
 */
public final class Refusal extends RuntimeException {
    public Refusal(String message) {
        super(message, null, false, false);
    }
}
