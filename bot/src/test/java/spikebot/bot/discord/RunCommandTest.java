package spikebot.bot.discord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.Main;
import spikebot.bot.cli.Console;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Console console = new Console(new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));

    private int run(Map<String, String> env, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "run";
        System.arraycopy(args, 0, all, 1, args.length);
        return Main.run(all, console, env);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void missingTokenIsAOneLineError() {
        assertEquals(2, run(Map.of()));
        assertTrue(printed().startsWith("spikebot run: DISCORD_TOKEN is not set"), printed());
        assertEquals(1, printed().lines().count(), printed());
        out.reset();
        assertEquals(2, run(Map.of("DISCORD_TOKEN", " ")));
        assertTrue(printed().startsWith("spikebot run: DISCORD_TOKEN is not set"), printed());
    }

    @Test
    void missingConfigIsNamedAndTheTokenIsNeverPrinted() {
        String token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.secret-token";
        assertEquals(2, run(Map.of("DISCORD_TOKEN", token), "--config", "/nonexistent/spikebot.yml"));
        assertTrue(printed().contains("/nonexistent/spikebot.yml"), printed());
        assertFalse(printed().contains(token), printed());
    }

    @Test
    void anUnknownOptionExitsWithCode2() {
        assertEquals(2, run(Map.of(), "--bogus"));
        assertTrue(printed().contains("unknown option --bogus"), printed());
    }

    @Test
    void checkValidatesTheConfigWithoutATokenOrAConnection(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("kb"));
        Path config = Files.writeString(dir.resolve("spikebot.yml"), """
                guilds:
                  "123456789012345678":
                    knowledge-base: kb
                """);
        assertEquals(0, run(Map.of(), "--check", "--config", config.toString()));
        assertTrue(printed().contains("is valid: 1 guild(s)") && printed().contains(dir.resolve("kb").toString()),
                printed());
        out.reset();
        Files.writeString(config, "guilds:\n  \"12\":\n    knowledge-base: kb\n");
        assertEquals(2, run(Map.of(), "--check", "--config", config.toString()));
        assertTrue(printed().contains("must be a Discord id"), printed());
    }
}
