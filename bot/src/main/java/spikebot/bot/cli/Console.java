package spikebot.bot.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The process's standard streams, passed in so that commands run the same in tests and in a shell. */
public record Console(InputStream in, PrintStream out, PrintStream err) {
    public static Console system() {
        return new Console(System.in, System.out, System.err);
    }
}
