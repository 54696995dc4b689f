package spikebot.bot.review;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.Card;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.ChatDriver;
import spikebot.bot.core.Control;
import spikebot.bot.core.DigestSchedule;
import spikebot.bot.core.Draft;
import spikebot.bot.core.GuildConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.core.ChatDriver.ALICE;
import static spikebot.bot.core.ChatDriver.BOB;
import static spikebot.bot.core.ChatDriver.all;
import static spikebot.bot.core.ChatDriver.assertPrivateReply;
import static spikebot.bot.core.ChatDriver.in;
import static spikebot.bot.core.ChatDriver.only;
import static spikebot.bot.core.ChatDriver.text;

/** The stale review on notes written by hand; T0 is Monday 2 June 2025, the first Monday of June. */
class ReviewFeatureTest {
    @TempDir
    Path kb;
    ChatDriver bot;

    private void note(String path, String kind, String title, String outcome, String date, String more)
            throws IOException {
        Path file = kb.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\n# written by hand\nkind: " + kind + "\ntitle: " + title + "\ndate: " + date
                + "\nauthors: [dana]\n" + (outcome == null ? "" : "outcome: " + outcome + "\n") + more
                + "---\n## Decision\n\nWe will see.\n");
    }

    @BeforeEach
    void setUp() throws IOException {
        note("paper-checks/velox.md", "paper-check", "Velox optimizer beats AdamW", "not-reproduced", "2024-11-01",
                "");
        note("spikes/feast.md", "spike", "Feast as our feature store", "shelved", "2025-04-01", "");
        note("spikes/ray.md", "spike", "Ray for batch scoring", "needs-more-time", "2025-01-15", "");
        note("spikes/lightgbm.md", "spike", "LightGBM 4 upgrade", "go", "2024-03-01", "template: library\n");
        note("spikes/sql.md", "spike", "SQL baseline for churn", "go", "2024-01-01", "");
        note("solutions/oom.md", "solution", "CUDA out of memory", null, "2023-01-01", "");
        GuildConfig config = GuildConfig.of(kb).withDigest(new DigestSchedule(DayOfWeek.MONDAY, 9, "500"));
        bot = new ChatDriver(Map.of("g1", config), ChannelAccess.ALL);
    }

    @AfterEach
    void tearDown() {
        bot.close();
    }

    private static List<String> titles(List<Action> actions) {
        return all(actions, Action.Reply.class).stream().flatMap(r -> r.message().embeds().stream())
                .flatMap(c -> c.fields().stream()).map(Card.Field::name).toList();
    }

    private static Control.Button button(Draft message, String label) {
        return message.rows().stream().flatMap(r -> r.components().stream()).map(Control.Button.class::cast)
                .filter(b -> b.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void listsNotesPastTheirReviewPeriodOldestDueFirst() {
        List<String> due = titles(bot.slash(in("100", ALICE), "review", null));
        // lightgbm due 2025-03-01 (a year), velox 2025-05-01 (6 months), ray 2025-04-15 (3 months).
        assertEquals(List.of("1. LightGBM 4 upgrade", "2. Ray for batch scoring", "3. Velox optimizer beats AdamW"),
                due);
    }

    @Test
    void stillValidWritesReviewedAndRestartsTheClock() throws IOException {
        Draft review = only(bot.slash(in("100", ALICE), "review", null), Action.Reply.class).message();
        List<Action> marked = bot.click(in("100", BOB), button(review, "Still valid 3").customId(), "m1");
        assertTrue(text(marked).contains("bob marked **Velox optimizer beats AdamW** still valid"), text(marked));
        assertTrue(text(marked).contains("comes up again in 6 months"), text(marked));
        String file = Files.readString(kb.resolve("paper-checks/velox.md"));
        assertTrue(file.startsWith("---\n# written by hand\nkind: paper-check\n"), "the rest is left as written");
        assertTrue(file.contains("\nreviewed: 2025-06-02\n---\n## Decision"), file);

        assertEquals(List.of("1. LightGBM 4 upgrade", "2. Ray for batch scoring"),
                titles(bot.slash(in("100", ALICE), "review", null)));
        assertPrivateReply(bot.click(in("100", ALICE), button(review, "Still valid 3").customId(), "m1"),
                "no longer due for review");

        bot.clock.advance(Duration.ofDays(183));
        assertTrue(titles(bot.slash(in("100", ALICE), "review", null)).contains("4. Velox optimizer beats AdamW"),
                "due again once its clock runs out");
        bot.click(in("100", BOB), button(review, "Still valid 3").customId(), "m1");
        assertTrue(Files.readString(kb.resolve("paper-checks/velox.md")).contains("\nreviewed: 2025-12-02\n"),
                "the date is replaced, not added twice");
    }

    @Test
    void recheckOffersASpikePrefilledFromTheNote() {
        Draft review = only(bot.slash(in("100", ALICE), "review", null), Action.Reply.class).message();
        Action.Reply offer = only(bot.click(in("100", ALICE), button(review, "Re-check 2").customId(), "m1"),
                Action.Reply.class);
        assertTrue(offer.ephemeral());
        assertTrue(text(offer.message()).contains("Re-check **Ray for batch scoring**"));
        Control.Button start = button(offer.message(), "Start a spike");
        var form = only(bot.click(in("100", ALICE), start.customId(), "m2"), Action.ShowForm.class).form();
        assertEquals("Ray for batch scoring", form.inputs().get(0).value());
    }

    @Test
    void monthlyInTheDigestChannelOnceAcrossRestarts() {
        assertEquals(List.of(), all(bot.core.tick(), Action.Post.class), "the first run starts counting");
        bot.clock.advance(Duration.ofDays(7)); // Monday 9 June: a digest, not the first Monday of the month
        assertFalse(all(bot.core.tick(), Action.Post.class).stream().anyMatch(p -> text(p.message())
                .contains("Stale review")));
        bot.clock.advance(Duration.ofDays(28)); // Monday 7 July, 09:00: the first Monday of July
        List<Action.Post> posts = all(bot.core.tick(), Action.Post.class);
        List<Action.Post> reviews = posts.stream().filter(p -> text(p.message()).contains("Stale review")).toList();
        assertEquals(1, reviews.size());
        assertEquals("500", reviews.get(0).channelId());
        bot.restart();
        assertEquals(List.of(), all(bot.core.tick(), Action.Post.class));
        bot.clock.advance(Duration.ofDays(7));
        assertTrue(all(bot.core.tick(), Action.Post.class).stream().noneMatch(p -> text(p.message())
                .contains("Stale review")), "once a month");
    }

    @Test
    void aTeamSetsItsOwnPeriodsAndABadFileIsReportedInOneLine() throws IOException {
        Path rules = kb.resolve(".spikebot/review-rules.yaml");
        Files.createDirectories(rules.getParent());
        Files.writeString(rules, "spikes: 90d\npaper-checks: 2y\n");
        // feast (shelved 2025-04-01) is due 30 June with 90 days: not yet; velox waits two years now.
        assertEquals(List.of("1. LightGBM 4 upgrade", "2. Ray for batch scoring"),
                titles(bot.slash(in("100", ALICE), "review", null)));
        Files.writeString(rules, "spikes: soon\n");
        List<Action> answer = bot.slash(in("100", ALICE), "review", null);
        assertEquals(3, titles(answer).size(), "the defaults apply");
        Action.Reply problem = all(answer, Action.Reply.class).get(1);
        assertTrue(problem.ephemeral());
        assertTrue(text(problem.message()).contains(".spikebot/review-rules.yaml: 'soon' is not a period"),
                text(problem.message()));
    }

    @Test
    void stampChangesOnlyTheReviewedLine() {
        String note = "---\nkind: spike # ours\ntitle: X\nreviewed: 2024-01-01\n---\nbody\n---\n";
        assertEquals("---\nkind: spike # ours\ntitle: X\nreviewed: 2025-06-02\n---\nbody\n---\n",
                ReviewedStamp.stamp(note, LocalDate.of(2025, 6, 2)));
        assertEquals("---\ntitle: X\nreviewed: 2025-06-02\n---\nbody\n",
                ReviewedStamp.stamp("---\ntitle: X\n---\nbody\n", LocalDate.of(2025, 6, 2)));
    }
}
