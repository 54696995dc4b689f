package spikebot.bot.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.ChatDriver;
import spikebot.knowledge.NoteKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.core.ChatDriver.ADMIN;
import static spikebot.bot.core.ChatDriver.ALICE;
import static spikebot.bot.core.ChatDriver.assertPrivateReply;
import static spikebot.bot.core.ChatDriver.in;
import static spikebot.bot.core.ChatDriver.note;
import static spikebot.bot.core.ChatDriver.only;

class StatusFeatureTest {
    @TempDir
    Path kb;

    @Test
    void managersSeeNotesSpikesAndMalformedFilesWithTheirLine() throws Exception {
        note(kb, NoteKind.SPIKE, "Evaluate Polars", "no-go", "Polars stays out.", null);
        Files.createDirectories(kb.resolve("spikes"));
        Files.writeString(kb.resolve("spikes/broken.md"), "---\nkind: [spike\ntitle: x\n---\nbody\n");
        Files.writeString(kb.resolve("spikes/odd.md"), "---\nkind: experiment\ntitle: Odd\n---\nbody\n");
        try (ChatDriver bot = ChatDriver.single(kb)) {
            bot.startSpike(in("100", ALICE), "topic", "Evaluate DuckDB", "timebox", "2h");
            assertPrivateReply(bot.slash(in("100", ALICE), "spikebot", "status"), "Manage Server");

            Action.Reply reply = only(bot.slash(in("100", ADMIN), "spikebot", "status"), Action.Reply.class);
            String status = reply.message().content();
            assertTrue(reply.ephemeral());
            assertTrue(status.contains("**Notes indexed:** 2\n"), "the odd one is read without its kind: " + status);
            assertTrue(status.contains("**Search:** words only (bm25)"), status);
            assertTrue(status.contains("**Open spikes:** 1\n"), status);
            assertTrue(status.contains("**Malformed notes:** 1 ") && status.contains("• `spikes/broken.md:"), status);
            assertTrue(status.contains("**Read without some values:** 1") && status.contains("• `spikes/odd.md:2: "),
                    status);

            bot.clock.advance(Duration.ofHours(3));
            assertTrue(only(bot.slash(in("100", ADMIN), "spikebot", "status"), Action.Reply.class).message()
                    .content().contains("**Open spikes:** 1 (1 overdue)"));
            assertPrivateReply(bot.slash(in("100", ADMIN), "spikebot", "passive", "state", "on"), "are on");
        }
    }
}
