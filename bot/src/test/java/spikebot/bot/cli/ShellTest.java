package spikebot.bot.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import spikebot.bot.Main;
import spikebot.index.SearchMode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's help and errors, in-process (CommandLineProcessTest runs the real process). */
class ShellTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new Console(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "index", "ask", "add", "chat", "run", "eval", "bench"})
    void everyCommandHasHelp(String command) {
        assertEquals(0, run(command, "--help"), err.toString());
        assertTrue(printed().startsWith("Usage: spikebot " + command), printed());
        assertTrue(printed().contains("-h, --help"), printed());
        out.reset();
        assertEquals(0, run("help", command), err.toString());
        assertTrue(printed().startsWith("Usage: spikebot " + command), printed());
        assertTrue(err.toString().isEmpty(), err.toString());
    }

    @Test
    void theHelpOfSearchNamesTheRealDefault() {
        assertEquals(0, run("ask", "--help"));
        assertTrue(printed().contains("default: " + SearchMode.DEFAULT.id()), printed());
    }

    @Test
    void chatAndIndexShareTheKnowledgeBaseOption() {
        assertEquals(2, run("chat"));
        String chat = err.toString(StandardCharsets.UTF_8);
        err.reset();
        assertEquals(2, run("index"));
        String index = err.toString(StandardCharsets.UTF_8);
        assertEquals("spikebot chat: knowledge base folder './knowledge-base' does not exist (pass --kb DIR, or try "
                + "'spikebot demo' on the bundled sample)", chat.strip());
        assertEquals(chat.replace("spikebot chat", "spikebot index"), index);
    }

    @Test
    void anOptionGivenTwiceIsRefused() {
        assertEquals(2, run("ask", "--kind", "spike", "--kind", "note", "polars"));
        assertTrue(err.toString().contains("option '--kind' (KIND) should be specified only once"), err.toString());
    }

    @Test
    void atFilesAreNotExpanded() {
        assertEquals(2, run("ask", "--kb", "nowhere", "@alice", "polars"));
        assertTrue(err.toString().contains("knowledge base folder 'nowhere' does not exist"), err.toString());
    }
}
