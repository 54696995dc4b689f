package spikebot.bot.passive;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.ChatDriver;
import spikebot.bot.core.Control;
import spikebot.bot.core.Event;
import spikebot.bot.core.GuildConfig;
import spikebot.knowledge.NoteKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.core.ChatDriver.ADMIN;
import static spikebot.bot.core.ChatDriver.ALICE;
import static spikebot.bot.core.ChatDriver.assertPrivateReply;
import static spikebot.bot.core.ChatDriver.in;
import static spikebot.bot.core.ChatDriver.note;
import static spikebot.bot.core.ChatDriver.only;
import static spikebot.bot.core.ChatDriver.text;

class PassiveAnswersTest {
    @TempDir
    Path kb;
    ChatDriver bot;

    @BeforeEach
    void setUp() {
        note(kb, NoteKind.SPIKE, "Evaluate Polars as a Pandas replacement", "no-go",
                "Polars lazy API was fast but porting cost too much.", null);
        note(kb, NoteKind.SOLUTION, "CUDA out of memory when fine-tuning", null, "Gradient accumulation fixed it.",
                null);
        bot = ChatDriver.single(kb);
    }

    @AfterEach
    void tearDown() {
        bot.close();
    }

    private List<Action> post(String channel, String messageId, String text) {
        return bot.core.handle(new Event.MessagePosted(in(channel, ALICE), messageId, text, false));
    }

    @Test
    void withoutTheMessageContentIntentTurningItOnSaysWhatTheBotNeeds() {
        ChannelAccess blind = new ChannelAccess() {
            @Override
            public boolean canView(String guildId, String userId, String channelId) {
                return true;
            }

            @Override
            public boolean isPublic(String guildId, String channelId) {
                return true;
            }

            @Override
            public boolean readsMessageText() {
                return false;
            }
        };
        try (ChatDriver withoutText = new ChatDriver(Map.of("g1", GuildConfig.of(kb)), blind)) {
            String answer = text(withoutText.slash(in("100", ADMIN), "spikebot", "passive", "state", "on"));
            assertTrue(answer.contains("Message Content") && answer.contains("restart"), answer);
        }
        assertPrivateReply(bot.slash(in("100", ADMIN), "spikebot", "passive", "state", "off"), "are off");
    }

    @Test
    void offUntilAManagerTurnsItOn() {
        assertEquals(List.of(), post("100", "m1", "has anyone tried polars?"));
        assertPrivateReply(bot.slash(in("100", ALICE), "spikebot", "passive", "state", "on"), "Manage Server");
        assertEquals(List.of(), post("100", "m2", "has anyone tried polars?"));
        assertPrivateReply(bot.slash(in("100", ADMIN), "spikebot", "passive", "state", "on"), "are on");
        assertTrue(text(post("100", "m3", "has anyone tried polars?")).contains("Evaluate Polars"));
        assertEquals(List.of(), post("200", "m4", "has anyone tried polars?"), "only where enabled");
    }

    @Test
    void answersOnlyStrongMatchesToTheQuestionOncePerMessageAndRateLimited() throws Exception {
        bot.slash(in("100", ADMIN), "spikebot", "passive", "state", "on");
        assertEquals(List.of(), post("100", "m1", "polars is great"), "not the question");
        assertEquals(List.of(), post("100", "m2", "has anyone tried kubernetes operators for airflow?"),
                "no strong match");
        List<Action> answer = post("100", "m3", "did anyone try polars?");
        Action.Reply reply = only(answer, Action.Reply.class);
        assertFalse(reply.ephemeral());
        List<String> labels = reply.message().rows().get(0).components().stream()
                .map(c -> ((Control.Button) c).label()).toList();
        assertEquals(List.of("Helpful", "Not relevant"), labels);
        assertEquals(List.of(), post("100", "m3", "did anyone try polars?"), "once per message");
        assertEquals(List.of(), post("100", "m4", "has anyone had cuda out of memory?"), "rate-limited");
        bot.clock.advance(PassiveAnswers.COOLDOWN);
        assertTrue(text(post("100", "m5", "has anyone had cuda out of memory?")).contains("CUDA"));

        String helpful = ((Control.Button) reply.message().rows().get(0).components().get(0)).customId();
        assertPrivateReply(bot.click(in("100", ADMIN), helpful, "answer"), "Thanks");
        String log = Files.readString(kb.resolve(".spikebot/feedback.jsonl"));
        assertTrue(log.contains("\"type\":\"answer\"") && log.contains("\"message\":\"m3\""), log);
        assertTrue(log.contains("\"verdict\":\"helpful\"") && log.contains("\"user\":\"99\""), log);
        assertTrue(log.contains("spikes/evaluate-polars-as-a-pandas-replacement.md"), log);
    }

    private static String button(List<Action> answer, int index) {
        Action.Reply reply = only(answer, Action.Reply.class);
        return ((Control.Button) reply.message().rows().get(0).components().get(index)).customId();
    }

    @Test
    void onePersonOneVoteTheLastWinsAndTheReportCountsItSo() throws Exception {
        bot.slash(in("100", ADMIN), "spikebot", "passive", "state", "on");
        List<Action> answer = post("100", "m1", "did anyone try polars?");
        String helpful = button(answer, 0);
        String notRelevant = button(answer, 1);
        assertPrivateReply(bot.click(in("100", ALICE), helpful, "a1"), "glad it helped");
        assertPrivateReply(bot.click(in("100", ALICE), helpful, "a1"), "still counts once");
        assertPrivateReply(bot.click(in("100", ALICE), notRelevant, "a1"), "earlier vote is replaced");
        assertPrivateReply(bot.click(in("100", ADMIN), helpful, "a1"), "glad it helped");

        bot.restart(); // the report and the bot read the same log
        var out = new java.io.ByteArrayOutputStream();
        FeedbackReport.read(kb.resolve(".spikebot")).print(new java.io.PrintStream(out, true,
                java.nio.charset.StandardCharsets.UTF_8));
        String report = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(report.contains("    1 ·   2 ·  50% ·  50%  spikes/evaluate-polars-as-a-pandas-replacement.md"),
                report);
        assertTrue(report.contains("    1 ·   2 ·  50% ·  50%  did anyone try polars?"), report);
    }

    @Test
    void aNoteTwoPeopleCalledNotRelevantIsNotOfferedAgainForTheSameQuestion() {
        bot.slash(in("100", ADMIN), "spikebot", "passive", "state", "on");
        String notRelevant = button(post("100", "m1", "did anyone try polars?"), 1);
        bot.click(in("100", ALICE), notRelevant, "a1");
        bot.clock.advance(PassiveAnswers.COOLDOWN);
        assertFalse(post("100", "m2", "has anyone tried Polars?").isEmpty(), "one vote is not enough");
        bot.click(in("100", ChatDriver.BOB), notRelevant, "a1");
        bot.clock.advance(PassiveAnswers.COOLDOWN);
        assertEquals(List.of(), post("100", "m3", "has anyone tried polars before?"), "two people said not relevant");
        bot.restart();
        assertEquals(List.of(), post("100", "m4", "anyone tried polars?"), "remembered across a restart");
        assertTrue(text(post("100", "m5", "has anyone tried the polars lazy API?"))
                .contains("Evaluate Polars"), "a different question still gets it");
    }

    @Test
    void theSettingSurvivesARestart() {
        bot.slash(in("100", ADMIN), "spikebot", "passive", "state", "on");
        bot.restart();
        assertFalse(post("100", "m1", "has anyone tried polars?").isEmpty());
        bot.slash(in("100", ADMIN), "spikebot", "passive", "state", "off");
        bot.clock.advance(Duration.ofHours(1));
        assertEquals(List.of(), post("100", "m2", "has anyone tried polars?"));
    }

    @Test
    void theConfigEnablesChannelsFromTheStart() {
        bot.close();
        bot = new ChatDriver(Map.of("g1", new GuildConfig(kb, null, Set.of("300"))), ChannelAccess.ALL);
        assertFalse(post("300", "m1", "has anyone tried polars?").isEmpty());
        assertEquals(List.of(), post("100", "m2", "has anyone tried polars?"));
    }

    @Test
    void threadsOfAnEnabledChannelAreCovered() {
        bot.slash(in("100", ADMIN), "spikebot", "passive", "state", "on");
        var inThread = new spikebot.bot.core.Origin("g1", "555", "100", ALICE);
        assertFalse(bot.core.handle(new Event.MessagePosted(inThread, "m1", "anyone tried polars?", false)).isEmpty());
    }
}
