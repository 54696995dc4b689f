package spikebot.bot.console;

import spikebot.bot.wiring.Features;
import org.junit.jupiter.api.Test;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.ChatCore;
import spikebot.bot.core.CommandSpec;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlashLineTest {
    static final List<CommandSpec> SPECS = Features.core(Map.of(), ChannelAccess.ALL, Clock.systemUTC(), null).commands();

    private static SlashLine parse(String line) {
        SlashLine.Parsed r = SlashLine.parse(line, SPECS, ChatConsole.FIELD_IDS, name -> name);
        assertNull(r.error(), r.error());
        return r.line();
    }

    private static String error(String line) {
        return SlashLine.parse(line, SPECS, ChatConsole.FIELD_IDS, name -> name).error();
    }

    @Test
    void valuesRunUntilTheNextKnownOption() {
        SlashLine s = parse("/spike start topic:Evaluate Polars: the lazy API timebox:4h goal:under 1h, see https://x.io/a:b");
        assertEquals("spike", s.command());
        assertEquals("start", s.subcommand());
        assertEquals(Map.of("topic", "Evaluate Polars: the lazy API", "timebox", "4h",
                "goal", "under 1h, see https://x.io/a:b"), s.options());
    }

    @Test
    void leadingWordsFillTheFirstRequiredOption() {
        assertEquals(Map.of("question", "has anyone tried Polars?", "kind", "spike"),
                parse("/ask has anyone tried Polars? kind:spike").options());
        assertEquals(Map.of("state", "on"), parse("/spikebot passive on").options());
        assertEquals(Map.of("outcome", "go", "summary", "ship it", "approaches", "A vs B"),
                parse("/spike close go summary:ship it approaches:A vs B").options());
    }

    @Test
    void mistakesAreExplained() {
        assertTrue(error("/nope").startsWith("unknown command /nope"), error("/nope"));
        assertTrue(error("/spike fly").contains("start, note, extend"), error("/spike fly"));
        assertTrue(error("/spike extend by:2h").contains("needs reason:"), error("/spike extend by:2h"));
        assertTrue(error("/spike list extra words").contains("not an option"));
    }
}
