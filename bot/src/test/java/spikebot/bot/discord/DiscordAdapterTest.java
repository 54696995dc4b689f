package spikebot.bot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.ControlRow;
import spikebot.bot.core.Choice;
import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.Control;
import spikebot.bot.core.Defer;
import spikebot.bot.core.Card;
import spikebot.bot.core.Event;
import spikebot.bot.core.Draft;
import spikebot.bot.core.Form;
import spikebot.bot.core.OptionSpec;
import spikebot.bot.discord.fake.FakeDiscord;
import spikebot.bot.discord.fake.FakeInteraction;
import spikebot.bot.discord.fake.FakeWorld;
import spikebot.bot.discord.fake.RecordedCall;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.discord.fake.FakeWorld.ALICE;
import static spikebot.bot.discord.fake.FakeWorld.GENERAL;
import static spikebot.bot.discord.fake.FakeWorld.MARIA;
import static spikebot.bot.discord.fake.FakeWorld.ML_TEAM;
import static spikebot.bot.discord.fake.FakeWorld.SPIKES_FORUM;

/**
 * The Discord adapter against the fake Discord with the real JDA client, driven by a scripted core: each test
 * checks that one kind of event reaches the core as the right {@link Event}, and that the core's actions become
 * the right Discord calls.
 */
class DiscordAdapterTest {
    private static final List<CommandSpec> COMMANDS = List.of(
            CommandSpec.slash("ask", "Has anyone done this before?",
                    OptionSpec.text("question", "what you want to know", true, 500),
                    OptionSpec.choice("kind", "only this kind", false, List.of("spike", "paper-check", "solution")),
                    OptionSpec.text("tag", "only notes with this tag", false, 50).autocompleted(),
                    OptionSpec.flag("private", "only you see the answer")),
            CommandSpec.group("spike", "Time-boxed investigations",
                    CommandSpec.slash("start", "Open a spike thread",
                            OptionSpec.text("topic", "what you investigate", true, 100)),
                    CommandSpec.slash("close", "Close this spike",
                            OptionSpec.choice("outcome", "the decision", true, List.of("go", "no-go")))),
            CommandSpec.messageMenu("Save as solution"),
            CommandSpec.slash("spikebot", "Admin settings").forManagers());

    @TempDir
    Path kb;
    @RegisterExtension
    final FakeDiscordExtension fake = new FakeDiscordExtension();
    private final ScriptedChat core = new ScriptedChat(COMMANDS);
    private FakeDiscord discord;
    private DiscordBot bot;

    private void connect(String spikeForum) throws InterruptedException {
        DiscordSettings settings = new DiscordSettings(Map.of(
                Long.toUnsignedString(ML_TEAM), new DiscordSettings.GuildSettings(kb, null, Set.of(), spikeForum)),
                Duration.ofHours(1));
        discord = fake.discord();
        bot = fake.startBot(settings, (access, history) -> core);
    }

    @Test
    void registersTheCoreCommandsInEachConfiguredGuild() throws Exception {
        connect(null);
        discord.await(c -> c.is("PUT", "applications/\\d+/guilds/" + ML_TEAM + "/commands"));
        Map<String, ObjectNode> registered = discord.registeredCommands(ML_TEAM);
        assertEquals(Set.of("ask", "spike", "Save as solution", "spikebot"), registered.keySet());
        JsonNode tag = registered.get("ask").get("options").get(2);
        assertEquals("tag", tag.get("name").asText());
        assertTrue(tag.get("autocomplete").asBoolean());
        assertEquals(3, registered.get("ask").get("options").get(1).get("choices").size());
        assertEquals(5, registered.get("ask").get("options").get(3).get("type").asInt(), "private is a boolean");
        assertEquals(3, registered.get("Save as solution").get("type").asInt(), "a message menu entry");
        assertEquals("32", registered.get("spikebot").get("default_member_permissions").asText(),
                "admin command defaults to Manage Server");
        assertTrue(discord.registeredCommands(FakeWorld.OTHER_TEAM).isEmpty(), "an unconfigured guild gets none");
    }

    @Test
    void slashCommandReachesTheCoreAndItsReplyIsTheCallback() throws Exception {
        connect(null);
        core.answering(e -> List.of(new Action.Reply(new Draft("Prior work:",
                List.of(Card.of("Polars vs Pandas", "fast @everyone")), List.of()), false)));

        FakeInteraction ask = discord.slash(ALICE, GENERAL, "ask",
                Map.of("question", "anyone tried polars?", "private", true));

        Event.SlashCommand event = core.awaitSeen(Event.SlashCommand.class);
        assertEquals("ask", event.command());
        assertEquals(null, event.subcommand());
        assertEquals(Map.of("question", "anyone tried polars?", "private", "true"), event.options());
        assertEquals(Long.toUnsignedString(ML_TEAM), event.origin().guildId());
        assertEquals(Long.toUnsignedString(GENERAL), event.origin().channelId());
        assertEquals(null, event.origin().parentId());
        assertEquals("alice", event.origin().actor().name());
        assertFalse(event.origin().actor().canManageServer());

        RecordedCall callback = ask.awaitCallback();
        assertEquals(4, callback.callbackType());
        assertEquals("Polars vs Pandas", callback.body().at("/data/embeds/0/title").asText());
        assertTrue(callback.body().at("/data/allowed_mentions/parse").isEmpty(), "nothing can ping");
        assertEquals("Prior work:", ask.awaitReply().get("content").asText());
    }

    @Test
    void deferredReplyIsEditedWithTheAnswer() throws Exception {
        core.deferring(e -> Optional.of(new Defer(false)));
        connect(null);
        core.answering(e -> List.of(Action.Reply.of("found 3 notes")));

        FakeInteraction ask = discord.slash(MARIA, GENERAL, "ask", Map.of("question", "gpu cost"));
        assertEquals(5, ask.awaitCallback().callbackType());
        assertEquals("found 3 notes", ask.awaitReply().get("content").asText());
        assertTrue(core.awaitSeen(Event.SlashCommand.class).origin().actor().canManageServer(), "maria is a manager");
        discord.await(c -> c.is("PATCH", "webhooks/\\d+/[^/]+/messages/@original"));
    }

    @Test
    void privateAnswerNeverLandsInAPublicDeferredReply() throws Exception {
        core.deferring(e -> Optional.of(new Defer(false)));
        connect(null);
        core.answering(e -> List.of(Action.Reply.privately("secret findings")));

        FakeInteraction ask = discord.slash(ALICE, GENERAL, "ask", Map.of("question", "x"));
        discord.awaitCount(c -> c.path().contains(ask.token()) && !c.isInteractionCallback(), 3);
        List<RecordedCall> calls = discord.calls(c -> c.path().contains(ask.token()) && !c.isInteractionCallback());
        assertEquals("PATCH", calls.get(0).method(), "the public deferral is settled first");
        assertFalse(calls.get(0).body().toString().contains("secret"));
        assertEquals("POST", calls.get(1).method());
        assertEquals("secret findings", calls.get(1).body().get("content").asText());
        assertEquals(64, calls.get(1).body().get("flags").asInt() & 64, "the answer is ephemeral");
        assertEquals("DELETE", calls.get(2).method(), "then the public placeholder goes away");
        assertTrue(discord.messagesIn(GENERAL).stream().noneMatch(m -> (m.path("flags").asInt() & 64) == 0
                && m.path("author").path("bot").asBoolean()), "nothing public is left: " + discord.messagesIn(GENERAL));
    }

    @Test
    void openThreadCreatesThreadWithFirstMessageAndTellsTheCore() throws Exception {
        connect(null);
        core.answering(e -> switch (e) {
            case Event.SlashCommand s -> List.of(new Action.OpenThread("ref-1", s.origin().threadHome(),
                    "Evaluate Polars", new Draft("Checklist", List.of(), List.of(ControlRow.of(
                    Control.Button.of("spike:tick:1", "Installs?", Control.Style.SECONDARY))))));
            case Event.ThreadOpened t -> List.of(Action.Reply.of("Opened <#" + t.threadId() + ">"));
            default -> List.of();
        });

        FakeInteraction start = discord.slash(ALICE, GENERAL, "spike start", Map.of("topic", "Evaluate Polars"));
        assertEquals("start", core.awaitSeen(Event.SlashCommand.class).subcommand());
        assertEquals(5, start.awaitCallback().callbackType(), "acknowledged before the slow thread creation");
        RecordedCall create = discord.await(c -> c.is("POST", "channels/" + GENERAL + "/threads"));
        assertEquals("Evaluate Polars", create.body().get("name").asText());

        Event.ThreadOpened opened = core.awaitSeen(Event.ThreadOpened.class);
        assertEquals("ref-1", opened.ref());
        FakeWorld.Channel thread = discord.world().threadsOf(GENERAL).get(0);
        assertEquals(Long.toUnsignedString(thread.id), opened.threadId());
        ObjectNode first = discord.messagesIn(thread.id).get(0);
        assertEquals(first.get("id").asText(), opened.messageId());
        assertEquals("Checklist", first.get("content").asText());
        assertEquals("Opened <#" + thread.id + ">", start.awaitReply().get("content").asText());

        // A click on the checklist: the core updates the message.
        core.answering(e -> List.of(new Action.Update(new Draft("Checklist (1/1)", List.of(), List.of()))));
        core.forget();
        FakeInteraction click = discord.click(ALICE, first, "Installs?");
        Event.ButtonClick clicked = core.awaitSeen(Event.ButtonClick.class);
        assertEquals("spike:tick:1", clicked.customId());
        assertEquals(first.get("id").asText(), clicked.messageId());
        assertEquals(Long.toUnsignedString(GENERAL), clicked.origin().parentId(), "the click was in the thread");
        assertEquals(7, click.awaitCallback().callbackType());
        assertEquals("Checklist (1/1)", discord.current(first).get("content").asText());
    }

    @Test
    void spikeForumTurnsThreadsIntoForumPosts() throws Exception {
        connect(Long.toUnsignedString(SPIKES_FORUM));
        core.answering(e -> switch (e) {
            case Event.SlashCommand s -> List.of(new Action.OpenThread("r", s.origin().threadHome(), "GPU cost",
                    Draft.text("Plan")));
            case Event.ThreadOpened t -> List.of(Action.Reply.of("ok"));
            default -> List.of();
        });
        discord.slash(ALICE, GENERAL, "spike start", Map.of("topic", "GPU cost")).awaitReply();
        RecordedCall post = discord.await(c -> c.is("POST", "channels/" + SPIKES_FORUM + "/threads"));
        assertEquals("Plan", post.body().at("/message/content").asText());
        assertNotNull(core.awaitSeen(Event.ThreadOpened.class).threadId());
    }

    @Test
    void modalIsShownAndItsSubmissionReachesTheCore() throws Exception {
        connect(null);
        core.answering(e -> switch (e) {
            case Event.SlashCommand s -> List.of(new Action.ShowForm(new Form("spike:close:1", "Close the spike",
                    List.of(new Form.TextInput("summary", "Summary", true, true, null, "What did you learn?", 2000),
                            new Form.TextInput("next", "Next steps", false, false, null, null, 500)))));
            case Event.FormSubmit m -> List.of(Action.Reply.of("closed"));
            default -> List.of();
        });
        FakeInteraction close = discord.slash(ALICE, GENERAL, "spike close", Map.of("outcome", "no-go"));
        assertEquals(9, close.awaitCallback().callbackType());

        FakeInteraction submit = discord.submitModal(ALICE, close, Map.of("summary", "Polars is fast"));
        Event.FormSubmit submitted = core.awaitSeen(Event.FormSubmit.class);
        assertEquals("spike:close:1", submitted.customId());
        assertEquals("Polars is fast", submitted.field("summary"));
        assertEquals(null, submitted.field("next"));
        assertEquals("closed", submit.awaitReply().get("content").asText());
    }

    @Test
    void autocompleteAnswersWithChoices() throws Exception {
        connect(null);
        core.answering(e -> List.of(new Action.Suggest(List.of(new Choice("polars (4)", "polars")))));
        FakeInteraction typing = discord.autocomplete(ALICE, GENERAL, "ask", "tag", "pol", Map.of("question", "x"));
        Event.Autocomplete event = core.awaitSeen(Event.Autocomplete.class);
        assertEquals("tag", event.option());
        assertEquals("pol", event.typed());
        RecordedCall callback = typing.awaitCallback();
        assertEquals(8, callback.callbackType());
        assertEquals("polars", callback.body().at("/data/choices/0/value").asText());
    }

    @Test
    void messageMenuCarriesTheTargetMessage() throws Exception {
        connect(null);
        core.answering(e -> List.of(Action.Reply.privately("saved")));
        ObjectNode target = discord.post(FakeWorld.BOB, GENERAL, "Fixed it by pinning numpy<2");
        FakeInteraction menu = discord.messageCommand(ALICE, "Save as solution", target);
        Event.MessageCommand event = core.awaitSeen(Event.MessageCommand.class);
        assertEquals("Save as solution", event.command());
        assertEquals(target.get("id").asText(), event.messageId());
        assertEquals("bob", event.author());
        assertEquals("Fixed it by pinning numpy<2", event.content());
        assertEquals(64, menu.awaitReply().get("flags").asInt() & 64);
    }

    @Test
    void mentionIsAQuestionAndTheReplyPingsNobody() throws Exception {
        connect(null);
        core.answering(e -> e instanceof Event.MessagePosted p && p.mentionsBot() ? List.of(Action.Reply.of("see note"))
                : List.of());
        discord.post(ALICE, GENERAL, FakeWorld.BOT.mention() + " has anyone tried DuckDB?");
        Event.MessagePosted posted = core.awaitSeen(Event.MessagePosted.class);
        assertTrue(posted.mentionsBot());
        assertEquals("has anyone tried DuckDB?", posted.content());
        RecordedCall reply = discord.await(c -> c.is("POST", "channels/" + GENERAL + "/messages"));
        assertEquals("see note", reply.body().get("content").asText());
        assertTrue(reply.body().at("/allowed_mentions/parse").isEmpty());
        assertFalse(reply.body().at("/allowed_mentions/replied_user").asBoolean(true));
        assertTrue(reply.body().has("message_reference"));
    }

    @Test
    void tickPostsRemindersAndArchivesThreads() throws Exception {
        connect(null);
        // Only the command is answered: an answer to the thread's own activity (its creation) would be posted in it
        // at any moment, and a message unarchives a thread, as in Discord.
        core.answering(e -> switch (e) {
            case Event.SlashCommand s -> List.of(new Action.OpenThread("r", s.origin().threadHome(), "Spike",
                    Draft.text("first")));
            case Event.ThreadOpened t -> List.of(Action.Reply.of("ok"));
            default -> List.of();
        });
        discord.slash(ALICE, GENERAL, "spike start", Map.of("topic", "Spike")).awaitReply();
        String thread = core.awaitSeen(Event.ThreadOpened.class).threadId();

        core.scheduling(() -> List.of(
                new Action.Post(thread, Draft.text("Half of the time box is gone")),
                new Action.ArchiveThread(thread)));
        bot.tick();
        RecordedCall reminder = discord.await(c -> c.is("POST", "channels/" + thread + "/messages")
                && c.body().path("content").asText().startsWith("Half"));
        assertNotNull(reminder);
        RecordedCall archive = discord.await(c -> c.is("PATCH", "channels/" + thread));
        assertTrue(archive.body().get("archived").asBoolean());
        assertTrue(discord.world().channel(Long.parseUnsignedLong(thread)).archived());
    }

    @Test
    void aCoreFailureGivesTheUserAClearPrivateMessage() throws Exception {
        connect(null);
        core.answering(e -> {
            throw new IllegalStateException("boom");
        });
        FakeInteraction ask = discord.slash(ALICE, GENERAL, "ask", Map.of("question", "x"));
        ObjectNode reply = ask.awaitReply();
        assertTrue(reply.get("content").asText().contains("went wrong"));
        assertEquals(64, reply.get("flags").asInt() & 64);
        assertInstanceOf(Event.SlashCommand.class, core.seen().get(0));
    }
}
