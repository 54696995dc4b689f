package spikebot.bot.cli;

/** A mistake in how a command was called: printed as one line, exit code 2, no stack trace. */
public class CommandLineError extends RuntimeException {
    public CommandLineError(String message) {
        super(message);
    }
}
