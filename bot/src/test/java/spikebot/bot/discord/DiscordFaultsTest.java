package spikebot.bot.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.Defer;
import spikebot.bot.core.OptionSpec;
import spikebot.bot.core.Event;
import spikebot.bot.discord.fake.FakeDiscord;
import spikebot.bot.discord.fake.FakeInteraction;
import spikebot.bot.discord.fake.RecordedCall;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.discord.fake.FakeWorld.ALICE;
import static spikebot.bot.discord.fake.FakeWorld.GENERAL;
import static spikebot.bot.discord.fake.FakeWorld.ML_TEAM;

/**
 * Discord misbehaving, through the fake: the gateway drops, asks to reconnect or invalidates the session, and
 * REST answers 429 or 500. The bot comes back and commands keep working.
 */
class DiscordFaultsTest {
    @TempDir
    Path kb;
    @RegisterExtension
    final FakeDiscordExtension fake = new FakeDiscordExtension();
    private FakeDiscord discord;

    @BeforeEach
    void start() throws Exception {
        discord = fake.discord();
        ScriptedChat core = new ScriptedChat(List.of(CommandSpec.slash("ask", "Ask",
                OptionSpec.text("question", "what", true, 200))))
                .deferring(e -> Optional.of(new Defer(false)))
                .answering(e -> List.of(Action.Reply.of("answer to " + ((Event.SlashCommand) e).option("question"))));
        DiscordSettings settings = new DiscordSettings(Map.of(Long.toUnsignedString(ML_TEAM),
                new DiscordSettings.GuildSettings(kb, null, Set.of(), null)), Duration.ofHours(1));
        fake.startBot(settings, (access, history) -> core);
    }

    private void askAndExpectAnswer(String question) {
        FakeInteraction ask = discord.slash(ALICE, GENERAL, "ask", Map.of("question", question));
        assertEquals("answer to " + question, ask.awaitReply().get("content").asText());
    }

    @Test
    void droppedConnectionResumesAndReplaysWhatWasMissed() throws Exception {
        askAndExpectAnswer("before");
        discord.dropConnection();
        // Sent while the bot is away: Discord keeps it and replays it on resume.
        FakeInteraction missed = discord.slash(ALICE, GENERAL, "ask", Map.of("question", "during"));
        discord.awaitGatewayReady();
        assertEquals("answer to during", missed.awaitReply().get("content").asText());
        assertEquals(1, discord.identifies(), "resumed, not identified again");
        assertEquals(1, discord.resumes());
        askAndExpectAnswer("after");
    }

    @Test
    void reconnectRequestResumes() throws Exception {
        discord.requestReconnect();
        discord.awaitResumes(1);
        askAndExpectAnswer("after op 7");
        assertEquals(1, discord.identifies());
    }

    @Test
    void invalidSessionIdentifiesAgain() throws Exception {
        discord.invalidateSession(false);
        discord.awaitIdentifies(2);
        discord.awaitGatewayReady();
        askAndExpectAnswer("after op 9");
    }

    @Test
    void rateLimitedReplyIsRetriedAfterRetryAfter() {
        discord.failNext(c -> c.is("PATCH", "webhooks/\\d+/[^/]+/messages/@original"), 429, 0.3);
        askAndExpectAnswer("slow down");
        List<RecordedCall> edits = discord.calls(c -> c.is("PATCH", "webhooks/\\d+/[^/]+/messages/@original"));
        assertEquals(List.of(429, 200), edits.stream().map(RecordedCall::status).toList());
    }

    @Test
    void unavailableIsRetriedByJda() {
        discord.failNext(c -> c.is("PATCH", "webhooks/\\d+/[^/]+/messages/@original"), 503, 0);
        askAndExpectAnswer("flaky");
        List<RecordedCall> edits = discord.calls(c -> c.is("PATCH", "webhooks/\\d+/[^/]+/messages/@original"));
        assertEquals(List.of(503, 200), edits.stream().map(RecordedCall::status).toList());
    }

    /**
     * JDA does not retry a 500 (the request may have been carried out): the user is told, privately. The answer
     * was deferred publicly, and Discord would put the first follow-up in place of that public "thinking…", so the
     * error goes out only after the deferred reply was settled with a neutral text.
     */
    @Test
    void internalServerErrorGivesTheUserAClearErrorThatOnlyTheySee() {
        discord.failNext(c -> c.is("PATCH", "webhooks/\\d+/[^/]+/messages/@original"), 500, 0);
        FakeInteraction ask = discord.slash(ALICE, GENERAL, "ask", Map.of("question", "broken"));
        List<ObjectNode> answers = ask.awaitReplies(2);
        ObjectNode settled = answers.get(0);
        assertEquals(0, settled.get("flags").asInt() & 64, "the public deferral stays public");
        assertFalse(settled.get("content").asText().contains("could not finish"), settled.toString());
        ObjectNode told = answers.get(1);
        assertTrue(told.get("content").asText().contains("could not finish"), told.toString());
        assertEquals(64, told.get("flags").asInt() & 64, "the error is private");
        askAndExpectAnswer("next one works");
    }

    @Test
    void aRateLimitedAcknowledgementIsRetriedAndTheAnswerFollows() {
        discord.failNext(RecordedCall::isInteractionCallback, 429, 0.3);
        FakeInteraction ask = discord.slash(ALICE, GENERAL, "ask", Map.of("question", "busy"));
        assertEquals("answer to busy", ask.awaitReply().get("content").asText());
        assertEquals(List.of(429, 200), discord.calls(c -> c.isInteractionCallback() && c.path().contains(ask.token()))
                .stream().map(RecordedCall::status).toList());
    }

    /**
     * A 500 on the interaction's own callback leaves nothing to do: Discord takes one callback per interaction and
     * JDA refuses a second (the user sees Discord's "This interaction failed"). The bot tries once, and goes on.
     */
    @Test
    void aFailedCallbackIsNotRepeatedAndTheNextCommandIsAnswered() {
        discord.failNext(RecordedCall::isInteractionCallback, 500, 0);
        FakeInteraction broken = discord.slash(ALICE, GENERAL, "ask", Map.of("question", "broken"));
        broken.awaitCallback();
        askAndExpectAnswer("the next one is answered");
        assertEquals(1, discord.calls(c -> c.isInteractionCallback() && c.path().contains(broken.token())).size());
    }

}
