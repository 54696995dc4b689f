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
    void checkValidatesTheConfigWithoutATokenOrAConnection(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("kb"));
        java.nio.file.Path config = java.nio.file.Files.writeString(dir.resolve("spikebot.yml"), """
                guilds:
                  "123456789012345678":
                    knowledge-base: kb
                """);
        assertEquals(0, RunCommand.run(new String[]{"--check", "--config", config.toString()}, console, Map.of()));
        assertTrue(out.toString().contains("is valid: 1 guild(s)") && out.toString().contains(dir.resolve("kb").toString()),
                out.toString());
        java.nio.file.Files.writeString(config, "guilds:\n  \"12\":\n    knowledge-base: kb\n");
        CommandLineError e = assertThrows(CommandLineError.class,
                () -> RunCommand.run(new String[]{"--check", "--config", config.toString()}, console, Map.of()));
        assertTrue(e.getMessage().contains("must be a Discord id"), e.getMessage());
    }

    @Test
    void throughMainItExitsWithCode2() {
        int code = spikebot.bot.Main.run(new String[]{"run", "--bogus"}, console);
        assertEquals(2, code);
        assertTrue(out.toString().contains("unknown option --bogus"), out.toString());
    }
}
