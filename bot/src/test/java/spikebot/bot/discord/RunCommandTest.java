package spikebot.bot.discord;

import org.junit.jupiter.api.Test;
import spikebot.bot.cli.CommandLineError;
import spikebot.bot.cli.Console;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Console console = new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(out),
            new PrintStream(out));

    @Test
    void missingTokenIsAOneLineError() {
        CommandLineError e = assertThrows(CommandLineError.class,
                () -> RunCommand.run(new String[0], console, Map.of()));
        assertTrue(e.getMessage().startsWith("DISCORD_TOKEN is not set"), e.getMessage());
        assertThrows(CommandLineError.class, () -> RunCommand.run(new String[0], console, Map.of("DISCORD_TOKEN", " ")));
    }

    @Test
    void missingConfigIsNamedAndTheTokenIsNeverPrinted() {
        String token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.secret-token";
        CommandLineError e = assertThrows(CommandLineError.class, () -> RunCommand.run(
                new String[]{"--config", "/nonexistent/spikebot.yml"}, console, Map.of("DISCORD_TOKEN", token)));
        assertTrue(e.getMessage().contains("/nonexistent/spikebot.yml"), e.getMessage());
        assertFalse(e.getMessage().contains(token));
        assertFalse(out.toString().contains(token));
    }

    @Test
    void throughMainItExitsWithCode2() {
        int code = spikebot.bot.Main.run(new String[]{"run", "--bogus"}, console);
        assertEquals(2, code);
        assertTrue(out.toString().contains("unknown option --bogus"), out.toString());
    }
}
