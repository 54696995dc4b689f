package spikebot.bot.help;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.Limits;
import spikebot.bot.core.ChatDriver;
import spikebot.bot.core.CommandSpec;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.core.ChatDriver.ALICE;
import static spikebot.bot.core.ChatDriver.in;
import static spikebot.bot.core.ChatDriver.only;

class HelpFeatureTest {
    @TempDir
    Path kb;

    @Test
    void listsEveryCommandOfTheWiredCoreWithAnExampleEach() {
        try (ChatDriver bot = ChatDriver.single(kb)) {
            Action.Reply reply = only(bot.slash(in("100", ALICE), "help", null), Action.Reply.class);
            assertTrue(reply.ephemeral(), "help answers only the asker");
            String help = reply.message().embeds().get(0).description();
            assertTrue(help.length() < Limits.EMBED_DESCRIPTION, "fits its card whole: " + help.length());
            for (CommandSpec spec : bot.core.commands()) {
                if (spec.type() == CommandSpec.Type.MESSAGE) {
                    assertTrue(help.contains("**" + spec.name() + "**"), spec.name() + " missing:\n" + help);
                } else if (spec.subcommands().isEmpty()) {
                    assertTrue(help.contains("**/" + spec.name() + "**"), spec.name() + " missing:\n" + help);
                } else {
                    for (CommandSpec sub : spec.subcommands()) {
                        assertTrue(help.contains("**/" + spec.name() + " " + sub.name() + "**"),
                                spec.name() + " " + sub.name() + " missing:\n" + help);
                    }
                }
            }
            assertTrue(help.contains("e.g. `/ask question:has anyone tried Polars for the ETL? kind:spike`"), help);
            assertTrue(help.contains("**/spikebot passive**: ") && help.contains("(Manage Server)"), help);
            assertTrue(help.contains("e.g. `/spike close outcome:go`"), "made from a required choice:\n" + help);
            long commands = help.lines().filter(l -> l.startsWith("• **/")).count();
            long examples = help.lines().filter(l -> l.startsWith("  e.g. `/")).count();
            assertTrue(commands == examples && commands >= 10, commands + " commands, " + examples + " examples");
        }
    }
}
