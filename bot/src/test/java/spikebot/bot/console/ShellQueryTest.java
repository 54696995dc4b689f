package spikebot.bot.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.ChatDriver;
import spikebot.bot.core.MutableClock;
import spikebot.knowledge.SampleKnowledgeBase;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShellQueryTest {
    @TempDir
    Path kb;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ShellQuery shell() throws Exception {
        SampleKnowledgeBase.copyTo(kb);
        return new ShellQuery(kb, new MutableClock(ChatDriver.T0), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void listPrintsEveryPageWithoutButtons() throws Exception {
        try (ShellQuery shell = shell()) {
            assertEquals(0, shell.list(Map.of()));
        }
        String text = out.toString(StandardCharsets.UTF_8);
        long numbered = text.lines().filter(Pattern.compile("^│ \\d+\\. ").asPredicate()).count();
        assertEquals(50, numbered, text);
        assertTrue(text.contains("Page 5 of 5"));
        assertFalse(text.contains("[2] Next"), "no buttons in a shell");
    }

    @Test
    void whoAndRefusals() throws Exception {
        try (ShellQuery shell = shell()) {
            assertEquals(0, shell.who("polars"));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("1. alice"));
            assertEquals(2, shell.list(Map.of("outcome", "maybe")));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown outcome 'maybe'"));
            assertEquals(0, shell.tags());
        }
    }
}
