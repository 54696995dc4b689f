package spikebot.bot.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.knowledge.discussion.DiscussionMessage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Activity in threads goes to every feature that watches it; receipts of delivered posts to the post's owner. */
class ThreadActivityRoutingTest {
    @TempDir
    Path kb;

    /** A feature that records what reached it and answers activity with a post naming itself. */
    private static final class Recorder implements Feature {
        final String prefix;
        final boolean watching;
        final List<String> seen = new ArrayList<>();

        Recorder(String prefix, boolean watching) {
            this.prefix = prefix;
            this.watching = watching;
        }

        @Override
        public List<CommandSpec> commands() {
            return List.of();
        }

        @Override
        public List<String> customIdPrefixes() {
            return List.of(prefix);
        }

        @Override
        public boolean watches(Event.ThreadActivity activity) {
            return watching;
        }

        @Override
        public List<Action> handle(GuildKnowledge guild, Event event) {
            seen.add(event.getClass().getSimpleName());
            if (prefix.equals("broken")) throw new IllegalStateException("a feature failing on activity");
            return List.of(new Action.Post("t1", Draft.text(prefix)));
        }

        @Override
        public void delivered(GuildKnowledge guild, String ref, String channelId, String messageId) {
            seen.add("delivered " + ref + " " + channelId + "/" + messageId);
        }
    }

    private final Origin inThread = new Origin("g1", "t1", "c1", new Actor("u1", "Ana", false));
    private final Event.MessageWritten written = new Event.MessageWritten(inThread, new DiscussionMessage("m1", "u1",
            "Ana", Instant.parse("2026-01-01T00:00:00Z"), null, "hello", null, List.of()));

    @Test
    void everyWatcherSeesActivityInTurnAndAFailingOneDoesNotStopTheOthers() {
        Recorder first = new Recorder("first", true);
        Recorder deaf = new Recorder("deaf", false);
        Recorder broken = new Recorder("broken", true);
        Recorder last = new Recorder("last", true);
        try (ChatCore core = core(List.of(first, deaf, broken, last))) {
            List<Action> actions = core.handle(written);
            assertEquals(List.of("first", "last"), actions.stream()
                    .map(a -> ((Action.Post) a).message().content()).toList());
            assertEquals(List.of("MessageWritten"), first.seen);
            assertEquals(List.of(), deaf.seen);
            assertEquals(List.of("MessageWritten"), broken.seen);
            assertEquals(List.of("MessageWritten"), last.seen);
        }
    }

    @Test
    void activityInAGuildWithoutAKnowledgeBaseIsIgnoredSilently() {
        Recorder watcher = new Recorder("w", true);
        try (ChatCore core = core(List.of(watcher))) {
            Origin elsewhere = new Origin("other", "t1", "c1", new Actor("u1", "Ana", false));
            assertTrue(core.handle(new Event.ThreadDeleted(elsewhere, "t1")).isEmpty());
            assertTrue(watcher.seen.isEmpty());
        }
    }

    @Test
    void aDeliveredReceiptReachesTheFeatureThatOwnsItsRef() {
        Recorder one = new Recorder("one", false);
        Recorder two = new Recorder("two", false);
        try (ChatCore core = core(List.of(one, two))) {
            core.delivered(new Action.Receipt("g1", "two:progress:c1"), "c1", "m9");
            core.delivered(new Action.Receipt("g1", "nobody:x"), "c1", "m10");
            assertEquals(List.of(), one.seen);
            assertEquals(List.of("delivered two:progress:c1 c1/m9"), two.seen);
        }
    }

    private ChatCore core(List<Feature> features) {
        return new ChatCore(Map.of("g1", GuildConfig.of(kb)), features,
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), null);
    }
}
