package spikebot.bot.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.Control;
import spikebot.bot.core.Defer;
import spikebot.bot.core.ControlRow;
import spikebot.bot.core.Draft;
import spikebot.bot.core.Event;
import spikebot.bot.core.Form;
import spikebot.bot.core.OptionSpec;
import spikebot.bot.discord.fake.FakeDiscord;
import spikebot.bot.discord.fake.FakeInteraction;
import spikebot.bot.discord.fake.RecordedCall;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.discord.fake.FakeWorld.ALICE;
import static spikebot.bot.discord.fake.FakeWorld.BOB;
import static spikebot.bot.discord.fake.FakeWorld.GENERAL;
import static spikebot.bot.discord.fake.FakeWorld.ML_TEAM;

/**
 * An interaction the core does not defer still never shows "This interaction failed": once {@link SafetyNet#AFTER}
 * of Discord's 3 seconds have passed since the interaction's creation (its snowflake time) without an answer, the
 * adapter acknowledges it (a deferred update for a click, a deferred reply otherwise), and the answer follows as an
 * edit. A quick answer is never deferred.
 *
 * <p>Time is the fake Discord's clock, shared with the bot, and moved by the test; a slow core is one that waits
 * for the test's go. Nothing here depends on how fast the machine is.
 */
class DiscordSafetyNetTest {
    @TempDir
    Path kb;
    @RegisterExtension
    final FakeDiscordExtension fake = new FakeDiscordExtension();
    private final ScriptedChat core = new ScriptedChat(List.of(
            CommandSpec.slash("ask", "Ask", OptionSpec.text("question", "what", true, 200)),
            CommandSpec.slash("solved", "A solution")));
    private final CountDownLatch go = new CountDownLatch(1);
    private FakeDiscord discord;

    @BeforeEach
    void start() throws Exception {
        discord = fake.discord();
        DiscordSettings settings = new DiscordSettings(Map.of(Long.toUnsignedString(ML_TEAM),
                new DiscordSettings.GuildSettings(kb, null, Set.of(), null)), Duration.ofHours(1));
        fake.startBot(settings, (access, history) -> core);
    }

    /** What a slow core answers: only once the test says go. */
    private List<Action> whenTold(List<Action> actions) {
        try {
            if (!go.await(FakeDiscord.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) throw new AssertionError("no go");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return actions;
    }

    private boolean isSlow(Event e) {
        return e instanceof Event.SlashCommand c && "slow".equals(c.option("question"));
    }

    @Test
    void aSlowCommandIsDeferredOnceTwoOfItsThreeSecondsHavePassedAndAQuickOneIsNot() {
        core.answering(e -> isSlow(e) ? whenTold(List.of(Action.Reply.of("slow answer")))
                : List.of(Action.Reply.of("quick answer")));
        FakeInteraction slow = discord.slash(ALICE, GENERAL, "ask", Map.of("question", "slow"));
        FakeInteraction quick = discord.slash(BOB, GENERAL, "ask", Map.of("question", "quick"));
        assertEquals(4, quick.awaitCallback().callbackType(), "a quick answer is the reply itself");

        discord.clock().advance(SafetyNet.AFTER);
        RecordedCall deferral = slow.awaitCallback();
        assertEquals(5, deferral.callbackType(), "a deferred reply: the user sees 'thinking…'");
        assertEquals(200, deferral.status(), "within Discord's 3 seconds");
        go.countDown();
        assertEquals("slow answer", slow.awaitReply().get("content").asText());
        assertTrue(discord.calls(c -> c.path().contains(slow.token()) && !c.isInteractionCallback()).stream()
                .allMatch(c -> c.is("PATCH", "webhooks/\\d+/[^/]+/messages/@original")), "answered by an edit");
        assertEquals(1, discord.calls(c -> c.isInteractionCallback() && c.path().contains(quick.token())).size(),
                "the safety net did not touch the quick one");
        assertTrue(discord.calls(c -> c.status() >= 400).isEmpty(), discord.calls(c -> c.status() >= 400).toString());
    }

    /**
     * Behind a backlog of events an interaction may reach the bot 2.5 seconds after Discord created it: counting two
     * seconds from then would miss Discord's deadline. The clock does not move in this test, so only a safety net
     * that counts from the interaction's creation acknowledges it at all.
     */
    @Test
    void anInteractionThatArrivesLateIsAcknowledgedAtOnce() {
        core.answering(e -> whenTold(List.of(Action.Reply.of("late answer"))));
        discord.deliverLate(Duration.ofMillis(2_500));
        FakeInteraction late = discord.slash(ALICE, GENERAL, "ask", Map.of("question", "backlog"));
        RecordedCall deferral = late.awaitCallback();
        assertEquals(5, deferral.callbackType());
        assertEquals(200, deferral.status(), "Discord took it: 2.5 of its 3 seconds");
        go.countDown();
        assertEquals("late answer", late.awaitReply().get("content").asText());
    }

    /** Past Discord's 3 seconds the callback is refused, as Discord refuses it; the next command is answered. */
    @Test
    void anInteractionPastDiscordsDeadlineIsRefusedAndTheBotCarriesOn() {
        core.answering(e -> List.of(Action.Reply.of("answer")));
        discord.deliverLate(Duration.ofMillis(3_500));
        FakeInteraction tooLate = discord.slash(ALICE, GENERAL, "ask", Map.of("question", "too late"));
        RecordedCall refused = tooLate.awaitCallback();
        assertEquals(404, refused.status(), "10062 Unknown interaction");
        discord.deliverLate(Duration.ZERO);
        assertEquals("answer", discord.slash(BOB, GENERAL, "ask", Map.of("question", "next")).awaitReply()
                .get("content").asText());
    }

    /** Discord takes an interaction's follow-ups and edits for 15 minutes; later ones are refused, as here. */
    @Test
    void anAnswerAfterFifteenMinutesIsRefusedAsDiscordRefusesIt() {
        core.deferring(e -> Optional.of(new Defer(false)))
                .answering(e -> whenTold(List.of(Action.Reply.of("far too late"))));
        FakeInteraction ask = discord.slash(ALICE, GENERAL, "ask", Map.of("question", "slow"));
        assertEquals(5, ask.awaitCallback().callbackType());
        discord.clock().advance(Duration.ofMinutes(15).plusSeconds(1));
        go.countDown();
        RecordedCall refused = discord.await(c -> c.path().contains(ask.token()) && !c.isInteractionCallback());
        assertEquals(401, refused.status(), "50027 Invalid Webhook Token: " + refused);
    }

    /** A private deferral stays private, even for an answer that could be public: Discord keeps its visibility. */
    @Test
    void aPrivateDeferralKeepsEvenAPublicAnswerPrivate() {
        core.deferring(e -> Optional.of(new Defer(true)))
                .answering(e -> List.of(Action.Reply.of("for everyone?")));
        ObjectNode answer = discord.slash(ALICE, GENERAL, "ask", Map.of("question", "x")).awaitReply();
        assertEquals("for everyone?", answer.get("content").asText());
        assertEquals(64, answer.get("flags").asInt() & 64);
    }

    @Test
    void aSlowClickDefersTheUpdateThenEditsItsMessage() {
        core.answering(e -> List.of(new Action.Reply(new Draft("Checklist", List.of(), List.of(ControlRow.of(
                Control.Button.of("spike:tick:abc:0", "☐ 1", Control.Style.SECONDARY)))), false)));
        ObjectNode card = discord.slash(ALICE, GENERAL, "ask", Map.of("question", "card")).awaitReply();

        core.answering(e -> whenTold(List.of(new Action.Update(Draft.text("Checklist (1/1)")))));
        FakeInteraction click = discord.click(BOB, card, "☐ 1");
        discord.clock().advance(SafetyNet.AFTER);
        RecordedCall deferral = click.awaitCallback();
        assertEquals(6, deferral.callbackType(), "a deferred update: the button shows it is working");
        assertEquals(200, deferral.status());
        go.countDown();
        RecordedCall edit = discord.await(c -> c.is("PATCH", "webhooks/\\d+/" + click.token() + "/messages/@original"));
        assertEquals("Checklist (1/1)", edit.body().get("content").asText());
        assertEquals("Checklist (1/1)", discord.current(card).get("content").asText(), "the card itself changed");
    }

    /**
     * The core never does this (forms are answered without waiting), but if it ever did, the user is told, and
     * only the user: the safety net's deferral is public, so it is settled with a neutral text first.
     */
    @Test
    void aFormTheCoreWasTooSlowToShowGetsAClearPrivateMessage() {
        core.answering(e -> whenTold(List.of(new Action.ShowForm(new Form("solved", "How we solved it",
                List.of(new Form.TextInput("problem", "Problem", true, true, null, null, 100)))))));
        FakeInteraction solved = discord.slash(ALICE, GENERAL, "solved", Map.of());
        discord.clock().advance(SafetyNet.AFTER);
        assertEquals(5, solved.awaitCallback().callbackType());
        go.countDown();
        List<ObjectNode> answers = solved.awaitReplies(2);
        assertEquals(0, answers.get(0).get("flags").asInt() & 64, "the public deferral, settled");
        assertFalse(answers.get(0).get("content").asText().contains("took too long"), answers.toString());
        assertTrue(answers.get(1).get("content").asText().contains("took too long"), answers.toString());
        assertEquals(64, answers.get(1).get("flags").asInt() & 64, "told privately");
    }
}
