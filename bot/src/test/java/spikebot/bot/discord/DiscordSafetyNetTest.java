package spikebot.bot.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.ControlRow;
import spikebot.bot.core.ChatCore;
import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.Control;
import spikebot.bot.core.Event;
import spikebot.bot.core.Draft;
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
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static spikebot.bot.discord.fake.FakeWorld.ALICE;
import static spikebot.bot.discord.fake.FakeWorld.BOB;
import static spikebot.bot.discord.fake.FakeWorld.GENERAL;
import static spikebot.bot.discord.fake.FakeWorld.ML_TEAM;

/**
 * Issue 5: an interaction the core does not defer still never shows "This interaction failed". When the core has
 * not answered {@link EventRouter#SAFETY_NET} after the event arrived, the adapter acknowledges it (a deferred
 * update for a click, a deferred reply otherwise), and the answer follows as an edit. A quick answer is never
 * deferred.
 */
class DiscordSafetyNetTest {
    /** Longer than the safety net, shorter than Discord's patience for the whole answer (15 minutes). */
    private static final long SLOW_MS = EventRouter.SAFETY_NET.toMillis() + 600;

    @TempDir
    Path kb;
    private FakeDiscord discord;
    private DiscordBot bot;
    private final ChatCore core = mock(ChatCore.class);
    private volatile Function<Event, List<Action>> script = e -> List.of();

    @BeforeEach
    void start() throws Exception {
        discord = FakeDiscord.start();
        when(core.commands()).thenReturn(List.of(
                CommandSpec.slash("ask", "Ask", OptionSpec.text("question", "what", true, 200)),
                CommandSpec.slash("solved", "A solution")));
        when(core.deferral(any())).thenReturn(Optional.empty());
        when(core.tick()).thenReturn(List.of());
        when(core.handle(any())).thenAnswer(inv -> script.apply(inv.getArgument(0)));
        DiscordSettings settings = new DiscordSettings(Map.of(Long.toUnsignedString(ML_TEAM),
                new DiscordSettings.GuildSettings(kb, null, Set.of(), null)), Duration.ofHours(1));
        bot = DiscordBot.start(FakeDiscord.TOKEN, settings, access -> core, DiscordAdapterTest.toFake(discord));
        discord.await(c -> c.is("PUT", "applications/\\d+/guilds/\\d+/commands"));
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        discord.close();
    }

    private static List<Action> slowly(List<Action> actions) {
        try {
            Thread.sleep(SLOW_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return actions;
    }

    private static long millisAfter(FakeInteraction interaction, RecordedCall call) {
        return (call.nanos() - interaction.sentNanos()) / 1_000_000;
    }

    @Test
    void aSlowCommandIsDeferredInTimeAndAQuickOneIsNot() {
        script = e -> e instanceof Event.SlashCommand c && c.option("question").equals("slow")
                ? slowly(List.of(Action.Reply.of("slow answer"))) : List.of(Action.Reply.of("quick answer"));
        FakeInteraction slow = discord.slash(ALICE, GENERAL, "ask", Map.of("question", "slow"));
        FakeInteraction quick = discord.slash(BOB, GENERAL, "ask", Map.of("question", "quick"));

        RecordedCall deferral = slow.awaitCallback();
        assertEquals(5, deferral.callbackType(), "a deferred reply: the user sees 'thinking…'");
        long at = millisAfter(slow, deferral);
        assertTrue(at >= EventRouter.SAFETY_NET.toMillis() - 50 && at < 3_000, "deferred after " + at + " ms");
        assertEquals("slow answer", slow.awaitReply().get("content").asText());
        assertTrue(discord.calls(c -> c.path().contains(slow.token()) && !c.isInteractionCallback()).stream()
                .allMatch(c -> c.is("PATCH", "webhooks/\\d+/[^/]+/messages/@original")), "answered by an edit");

        assertEquals(4, quick.awaitCallback().callbackType(), "a quick answer is the reply itself");
        assertEquals(1, discord.calls(c -> c.isInteractionCallback() && c.path().contains(quick.token())).size(),
                "and the safety net, which ran meanwhile, did not touch it");
        assertTrue(discord.calls(c -> c.status() >= 400).isEmpty(), discord.calls(c -> c.status() >= 400).toString());
    }

    @Test
    void aSlowClickDefersTheUpdateThenEditsItsMessage() {
        script = e -> List.of(new Action.Reply(new Draft("Checklist", List.of(), List.of(ControlRow.of(
                Control.Button.of("spike:tick:abc:0", "☐ 1", Control.Style.SECONDARY)))), false));
        ObjectNode card = discord.slash(ALICE, GENERAL, "ask", Map.of("question", "card")).awaitReply();

        script = e -> slowly(List.of(new Action.Update(Draft.text("Checklist (1/1)"))));
        FakeInteraction click = discord.click(BOB, card, "☐ 1");
        RecordedCall deferral = click.awaitCallback();
        assertEquals(6, deferral.callbackType(), "a deferred update: the button shows it is working");
        assertTrue(millisAfter(click, deferral) < 3_000);
        RecordedCall edit = discord.await(c -> c.is("PATCH", "webhooks/\\d+/" + click.token() + "/messages/@original"));
        assertEquals("Checklist (1/1)", edit.body().get("content").asText());
        assertEquals("Checklist (1/1)", discord.current(card).get("content").asText(), "the card itself changed");
    }

    @Test
    void aFormTheCoreWasTooSlowToShowGetsAClearMessage() {
        // The core never does this (forms are answered without waiting), but if it ever did, the user is told.
        script = e -> slowly(List.of(new Action.ShowForm(new Form("solved", "How we solved it",
                List.of(new Form.TextInput("problem", "Problem", true, true, null, null, 100))))));
        FakeInteraction solved = discord.slash(ALICE, GENERAL, "solved", Map.of());
        assertEquals(5, solved.awaitCallback().callbackType());
        ObjectNode told = solved.awaitReply();
        assertTrue(told.get("content").asText().contains("took too long"), told.toString());
    }
}
