package spikebot.bot.digest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.Card;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.ChatDriver;
import spikebot.bot.core.DigestSchedule;
import spikebot.bot.core.Draft;
import spikebot.bot.core.GuildConfig;
import spikebot.bot.core.Limits;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteKind;
import spikebot.knowledge.SampleKnowledgeBase;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.core.ChatDriver.ALICE;
import static spikebot.bot.core.ChatDriver.all;
import static spikebot.bot.core.ChatDriver.assertPrivateReply;
import static spikebot.bot.core.ChatDriver.in;
import static spikebot.bot.core.ChatDriver.text;

/** The weekly digest across weeks and restarts (T0 is Monday 2 June 2025, 09:00 UTC), and {@code /digest}. */
class DigestFeatureTest {
    static final String DIGEST_CHANNEL = "500";
    @TempDir
    Path kb;
    ChatDriver bot;

    @AfterEach
    void tearDown() {
        if (bot != null) bot.close();
    }

    private ChatDriver weekly(ChannelAccess access) {
        GuildConfig config = GuildConfig.of(kb).withDigest(new DigestSchedule(DayOfWeek.MONDAY, 9, DIGEST_CHANNEL));
        return new ChatDriver(Map.of("g1", config), access);
    }

    private static String posted(List<Action> actions) {
        return all(actions, Action.Post.class).stream().map(p -> text(p.message())).collect(Collectors.joining("\n"));
    }

    @Test
    void postedOncePerWeekAcrossRestartsAndAMissedWeekOnceLate() {
        bot = weekly(ChannelAccess.ALL);
        assertEquals(List.of(), bot.core.tick(), "the first run starts counting, it posts nothing");
        String thread = bot.startSpike(in("100", ALICE), "topic", "Evaluate DuckDB for ad-hoc analytics",
                "timebox", "4h");
        bot.clock.advance(Duration.ofHours(3));
        bot.slash(bot.inThread(thread, ALICE), "spike", "close", "outcome", "no-go", "summary",
                "too slow on our joins");
        bot.clock.advance(Duration.ofDays(3));
        assertEquals(List.of(), all(bot.core.tick(), Action.Post.class));

        bot.clock.advance(Duration.ofDays(4).minusHours(3)); // Monday 9 June, 09:00
        List<Action> first = bot.core.tick();
        assertFalse(all(first, Action.Post.class).isEmpty());
        assertTrue(all(first, Action.Post.class).stream().allMatch(p -> p.channelId().equals(DIGEST_CHANNEL)));
        String digest = posted(first);
        assertTrue(digest.contains("Spikes: no-go (1)"), digest);
        assertTrue(digest.contains("Evaluate DuckDB for ad-hoc analytics"), digest);
        assertTrue(digest.contains("owner alice"), digest);
        assertTrue(digest.contains("used 3h of 4h"), digest);
        assertTrue(digest.contains("no-go: too slow on our joins"), digest);
        assertTrue(digest.contains("A negative result is a result"), digest);
        assertTrue(digest.contains("1 spike run · median time used 75% of the box · 0% overran · 100% ended no-go"),
                digest);
        assertFalse(digest.contains("Posted late"), digest);

        assertEquals(List.of(), all(bot.core.tick(), Action.Post.class), "once per week");
        bot.restart();
        assertEquals(List.of(), all(bot.core.tick(), Action.Post.class), "once per week, across a restart");

        // Down from Tuesday 10 June to Wednesday 25 June: two Mondays missed, one late digest.
        bot.clock.advance(Duration.ofDays(1));
        bot.core.close();
        bot.clock.advance(Duration.ofDays(15));
        bot.restart();
        List<Action> late = bot.core.tick();
        String lateText = posted(late);
        assertTrue(lateText.contains("Posted late"), lateText);
        assertTrue(lateText.contains("Nothing closed in this period."), lateText);
        assertFalse(lateText.contains("DuckDB for ad-hoc analytics\n"), "last week's spike is not told again");
        assertEquals(List.of(), all(bot.core.tick(), Action.Post.class), "the missed weeks make one post");
        bot.clock.advance(Duration.ofDays(5)); // Monday 30 June, 09:00
        String next = posted(bot.core.tick());
        assertFalse(next.isEmpty());
        assertFalse(next.contains("Posted late"), next);
    }

    @Test
    void offByDefault() throws IOException {
        SampleKnowledgeBase.copyTo(kb);
        bot = ChatDriver.single(kb);
        bot.core.tick();
        bot.clock.advance(Duration.ofDays(30));
        assertEquals(List.of(), all(bot.core.tick(), Action.Post.class));
    }

    @Test
    void onDemandSinceADayGroupsTheSampleByOutcome() throws IOException {
        SampleKnowledgeBase.copyTo(kb);
        bot = ChatDriver.single(kb);
        List<Action> replies = bot.slash(in("100", ALICE), "digest", null, "since", "2025-01-01");
        String digest = all(replies, Action.Reply.class).stream().map(r -> text(r.message()))
                .collect(Collectors.joining("\n"));
        assertTrue(digest.contains("Evaluate Polars as a Pandas replacement"), digest);
        assertTrue(digest.contains("Spikes: no-go"), digest);
        assertTrue(digest.contains("owner alice"), digest);
        assertTrue(digest.contains("box 2d"), digest);
        assertTrue(digest.contains("↳ No-go on a full migration for now."), digest);
        assertFalse(digest.contains("CUDA out of memory"), "solutions are not in the digest");
        assertTrue(all(replies, Action.Reply.class).stream().noneMatch(Action.Reply::ephemeral));
        assertPrivateReply(bot.slash(in("100", ALICE), "digest", null, "since", "last tuesday"),
                "must be a day like 2025-06-01");
    }

    @Test
    void aBusyPeriodFitsDiscordsLimitsAndCountsWhatItLeavesOut() throws IOException {
        KnowledgeBase base = new KnowledgeBase(kb);
        for (int i = 0; i < 120; i++) {
            String outcome = List.of("go", "no-go", "shelved", "needs-more-time").get(i % 4);
            base.write(new Note(NoteKind.SPIKE, "Spike number " + i + " on a long topic name to fill the lines",
                    LocalDate.of(2025, 5, 1 + i % 28), List.of("dana"), List.of(), outcome, "2d", null, null, Map.of(),
                    "## Decision\n\n" + "A decision that takes a fair number of words to say what was found. "
                            .repeat(5)));
        }
        bot = ChatDriver.single(kb);
        List<Action.Reply> replies = all(bot.slash(in("100", ALICE), "digest", null, "since", "2025-04-01"),
                Action.Reply.class);
        assertTrue(replies.size() <= DigestReport.MAX_MESSAGES, "at most " + DigestReport.MAX_MESSAGES);
        int listed = 0;
        for (Action.Reply reply : replies) {
            Draft d = reply.message();
            assertTrue(d.embeds().stream().mapToInt(Card::size).sum() <= Limits.EMBED_TOTAL);
            for (Card c : d.embeds()) {
                assertFalse(c.description().endsWith("…"), "nothing is cut off mid-way: " + c.title());
                listed += (int) c.description().lines().filter(l -> l.contains("Spike number")).count();
            }
        }
        String all = replies.stream().map(r -> text(r.message())).collect(Collectors.joining("\n"));
        assertEquals(DigestReport.MAX_CLOSED_LINES, listed);
        assertTrue(all.contains("Spikes: go (30)"), all);
        assertTrue(all.contains("more: `/notes list kind:spike outcome:needs-more-time` lists them."), all);
        assertTrue(all.contains("120 spikes run"), all);
    }

    @Test
    void workFromAPrivateChannelStaysOutOfThePublicDigest() throws IOException {
        KnowledgeBase base = new KnowledgeBase(kb);
        base.write(new Note(NoteKind.SPIKE, "Secret pricing model spike", LocalDate.of(2025, 6, 3),
                List.of("hank"), List.of(), "go", null, null, null, Map.of("guild", "g1", "channel", "777"), "x"));
        base.write(new Note(NoteKind.SPIKE, "Public dashboard spike", LocalDate.of(2025, 6, 3),
                List.of("ivy"), List.of(), "go", null, null, null, Map.of(), "x"));
        ChannelAccess access = new ChannelAccess() {
            @Override
            public boolean canView(String guildId, String userId, String channelId) {
                return !channelId.equals("777");
            }

            @Override
            public boolean isPublic(String guildId, String channelId) {
                return !channelId.equals("777");
            }
        };
        bot = weekly(access);
        bot.core.tick();
        bot.clock.advance(Duration.ofDays(7));
        String digest = posted(bot.core.tick());
        assertTrue(digest.contains("Public dashboard spike"), digest);
        assertFalse(digest.contains("Secret pricing"), digest);
    }
}
