package spikebot.bot.spike;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.ChatDriver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.core.ChatDriver.ALICE;
import static spikebot.bot.core.ChatDriver.in;
import static spikebot.bot.core.ChatDriver.only;
import static spikebot.bot.core.ChatDriver.text;

class RemindersTest {
    @TempDir
    Path kb;
    ChatDriver bot;

    @BeforeEach
    void setUp() {
        bot = ChatDriver.single(kb);
    }

    @AfterEach
    void tearDown() {
        bot.close();
    }

    private List<String> tickAfter(Duration d) {
        bot.clock.advance(d);
        return bot.core.tick().stream().map(a -> {
            Action.Post post = (Action.Post) a;
            return post.channelId() + ": " + text(post.message());
        }).toList();
    }

    @Test
    void aFourHourSpikeIsRemindedAtHalfTimeAnHourBeforeAtTheEndAndDaily() {
        String thread = bot.startSpike(in("100", ALICE), "topic", "Evaluate Polars", "timebox", "4h");
        assertEquals(List.of(), tickAfter(Duration.ofMinutes(119)));
        List<String> half = tickAfter(Duration.ofMinutes(1));
        assertEquals(1, half.size());
        assertTrue(half.get(0).startsWith(thread + ": ⏳ Half time on **Evaluate Polars**"), half.get(0));
        assertEquals(List.of(), tickAfter(Duration.ZERO), "each fires once");
        List<String> nearEnd = tickAfter(Duration.ofHours(1));
        assertTrue(nearEnd.get(0).contains("⏰"), nearEnd.toString());
        List<String> end = tickAfter(Duration.ofHours(1));
        assertTrue(end.get(0).contains("Time is up") && end.get(0).contains("/spike close outcome:go"), end.toString());
        assertEquals(List.of(), tickAfter(Duration.ofHours(23)));
        List<String> daily = tickAfter(Duration.ofHours(1));
        assertTrue(daily.get(0).contains("still open, 1 day past"), daily.toString());
        assertEquals(List.of(), tickAfter(Duration.ofHours(1)));
    }

    @Test
    void durationsAreWrittenAsTimeBoxesAre() {
        bot.startSpike(in("100", ALICE), "topic", "Evaluate Polars", "timebox", "3h");
        List<String> half = tickAfter(Duration.ofMinutes(90));
        assertTrue(half.get(0).contains("about 1h30m left"), half.toString());
        assertTrue(half.get(0).contains("0 findings"), half.toString());
    }

    @Test
    void timeLeftIsWrittenToItsTwoLargestUnits() {
        assertEquals("3w6d", SpikeView.about(Duration.ofDays(28).minusMinutes(1)));
        assertEquals("2d", SpikeView.about(Duration.ofDays(2).plusMinutes(5)));
        assertEquals("1h30m", SpikeView.about(Duration.ofMinutes(90)));
        assertEquals("12m", SpikeView.about(Duration.ofMinutes(12).plusSeconds(40)));
        assertEquals("0m", SpikeView.about(Duration.ofSeconds(-5)));
    }

    @Test
    void aShortBoxIsRemindedAtNinetyPercent() {
        bot.startSpike(in("100", ALICE), "topic", "Quick look", "timebox", "30m");
        assertEquals(1, tickAfter(Duration.ofMinutes(15)).size());
        assertEquals(List.of(), tickAfter(Duration.ofMinutes(11)));
        assertTrue(tickAfter(Duration.ofMinutes(1)).get(0).contains("⏰"), "at 27 of 30 minutes");
    }

    @Test
    void aReminderDiscordDidNotTakeIsHandedOutAgainAlsoAfterARestart() {
        bot.startSpike(in("100", ALICE), "topic", "Evaluate Polars", "timebox", "4h");
        bot.clock.advance(Duration.ofMinutes(120));
        List<Action> half = bot.core.tick();
        Action.Receipt receipt = ((Action.Post) only(half, Action.Post.class)).receipt();
        assertEquals("g1", receipt.guildId());
        assertEquals(List.of(), tickAfter(Duration.ZERO), "counted as sent while it is on its way");

        bot.core.undelivered(receipt);
        bot.restart();
        List<String> again = tickAfter(Duration.ofMinutes(1));
        assertEquals(1, again.size(), again.toString());
        assertTrue(again.get(0).contains("Half time"), again.toString());
        assertEquals(List.of(), tickAfter(Duration.ZERO), "and once only");
        bot.core.undelivered(new Action.Receipt("g1", "spike:remind:zzzzzz:half-time"));
        bot.core.undelivered(new Action.Receipt("g1", "nobody:knows"));
        assertEquals(List.of(), tickAfter(Duration.ZERO), "unknown receipts change nothing");
    }

    @Test
    void aRemindersMissedWhileDownFiresOnceLateAfterARestart() {
        String thread = bot.startSpike(in("100", ALICE), "topic", "Evaluate Polars", "timebox", "4h");
        bot.slash(bot.inThread(thread, ALICE), "spike", "note", "text", "halfway there");
        bot.restart();
        List<String> late = tickAfter(Duration.ofMinutes(150));
        assertEquals(1, late.size());
        assertTrue(late.get(0).contains("Half time"), late.toString());
        assertTrue(late.get(0).contains("late"), "says it is late: " + late);
        assertTrue(late.get(0).contains("Checklist 0/5, 1 finding."), "state survived the restart: " + late);
        bot.restart();
        assertEquals(List.of(), tickAfter(Duration.ZERO), "not again after another restart");
    }

    @Test
    void severalMissedRemindersBecomeOnePost() {
        bot.startSpike(in("100", ALICE), "topic", "Evaluate Polars", "timebox", "4h");
        bot.restart();
        List<String> posts = tickAfter(Duration.ofHours(5));
        assertEquals(1, posts.size(), posts.toString());
        assertTrue(posts.get(0).contains("Time is up"), posts.toString());
        assertEquals(List.of(), tickAfter(Duration.ofMinutes(10)));
    }

    @Test
    void extendingRearmsTheEndOfTheBox() {
        String thread = bot.startSpike(in("100", ALICE), "topic", "Evaluate Polars", "timebox", "2h");
        tickAfter(Duration.ofHours(1));
        tickAfter(Duration.ofMinutes(48));
        assertTrue(tickAfter(Duration.ofMinutes(12)).get(0).contains("Time is up"));
        bot.slash(bot.inThread(thread, ALICE), "spike", "extend", "by", "2h", "reason", "more data");
        assertEquals(List.of(), tickAfter(Duration.ofMinutes(30)));
        assertTrue(tickAfter(Duration.ofMinutes(30)).get(0).contains("⏰"));
        assertTrue(tickAfter(Duration.ofHours(1)).get(0).contains("Time is up"));
    }
}
