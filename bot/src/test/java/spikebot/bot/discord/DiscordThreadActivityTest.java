package spikebot.bot.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.OptionSpec;
import spikebot.bot.core.Control;
import spikebot.bot.core.ControlRow;
import spikebot.bot.core.Draft;
import spikebot.bot.core.Event;
import spikebot.bot.discord.fake.Conversations;
import spikebot.bot.discord.fake.FakeDiscord;
import spikebot.bot.discord.fake.FakeWorld;
import spikebot.bot.discord.fake.RecordedCall;
import spikebot.knowledge.discussion.DiscussionMessage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.discord.fake.FakeWorld.ALICE;
import static spikebot.bot.discord.fake.FakeWorld.BOB;
import static spikebot.bot.discord.fake.FakeWorld.GENERAL;
import static spikebot.bot.discord.fake.FakeWorld.MARIA;
import static spikebot.bot.discord.fake.FakeWorld.ML_TEAM;
import static spikebot.bot.discord.fake.FakeWorld.SPIKES_FORUM;

/**
 * What happens in threads reaches the core as {@link Event.ThreadActivity} (only in threads: plain channel chatter
 * is not a discussion), and what the core answers goes back into the thread; a post with a receipt is reported
 * where it landed, so that it can be edited later (an import's progress line). The real JDA client against the
 * fake Discord, with a scripted core.
 */
class DiscordThreadActivityTest {
    private static final String GUILD = Long.toUnsignedString(ML_TEAM);

    @TempDir
    Path kb;
    @RegisterExtension
    final FakeDiscordExtension fake = new FakeDiscordExtension();
    private final ScriptedChat core = new ScriptedChat(List.of(CommandSpec.group("spikebot", "Admin settings",
            CommandSpec.slash("capture", "Capture a channel's threads as discussion notes",
                    OptionSpec.channel("channel", "the forum or text channel", true))).forManagers()));
    private FakeDiscord discord;
    private DiscordBot bot;

    private void connect() throws InterruptedException {
        DiscordSettings settings = new DiscordSettings(Map.of(GUILD,
                new DiscordSettings.GuildSettings(kb, null, Set.of(), null)), Duration.ofHours(1));
        discord = fake.discord();
        bot = fake.startBot(settings, (access, history) -> core);
    }

    @Test
    void aNewThreadAndItsMessagesReachTheCoreInOrder() throws Exception {
        connect();
        FakeWorld.Channel thread = discord.openThread(ALICE, GENERAL, "Why is the loss NaN after epoch 3?", false);
        Event.ThreadCreated created = core.awaitSeen(Event.ThreadCreated.class);
        assertTrue(created.newlyCreated(), "Discord's newly_created, passed on by JDA as a ChannelCreateEvent");
        assertEquals(Long.toUnsignedString(thread.id), created.thread().threadId());
        assertEquals(Long.toUnsignedString(GENERAL), created.thread().parentId());
        assertEquals("general", created.thread().parentName());
        assertEquals("Why is the loss NaN after epoch 3?", created.thread().name());
        assertFalse(created.thread().privateThread());
        assertEquals(Long.toUnsignedString(ALICE.id()), created.origin().actor().id());
        assertEquals(Long.toUnsignedString(GENERAL), created.origin().parentId());

        discord.post(ALICE, thread.id, "it happens with fp16 only");
        discord.post(BOB, thread.id, "try a loss scaler");
        discord.post(ALICE, GENERAL, "plain chatter in the channel is not a discussion");
        // Thread messages are still plain messages for passive answers and mentions, after the discussion has them.
        core.awaitSeen(Event.MessagePosted.class, 3);
        List<Event.MessageWritten> written = core.seen().stream().filter(e -> e instanceof Event.MessageWritten)
                .map(e -> (Event.MessageWritten) e).toList();
        assertEquals(List.of("it happens with fp16 only", "try a loss scaler"),
                written.stream().map(w -> w.message().text()).toList());
        DiscussionMessage bobs = written.get(1).message();
        assertEquals(Long.toUnsignedString(BOB.id()), bobs.authorId());
        assertEquals("bob", bobs.author());
        assertNull(bobs.edited());
    }

    @Test
    void messagesDeletedInAnArchivedThreadStillReachTheCore() throws Exception {
        connect();
        Conversations people = discord.conversations();
        FakeWorld.Channel post = people.forumPost(ALICE, SPIKES_FORUM, "Flaky eval", "Why does the eval flake?");
        String postId = Long.toUnsignedString(post.id);
        ObjectNode regret = people.post(BOB, post.id, "the staging password is in the notebook");
        ObjectNode one = people.post(BOB, post.id, "one");
        ObjectNode two = people.post(BOB, post.id, "two");
        people.archive(post, true, false);
        core.awaitSeen(Event.ThreadChanged.class);
        people.delete(regret); // a moderator cleans up an old thread: JDA holds no archived thread
        people.bulkDelete(one, two);

        core.awaitSeen(Event.MessagesDeleted.class, 2);
        List<Event.MessagesDeleted> deleted = core.seen().stream().filter(e -> e instanceof Event.MessagesDeleted)
                .map(e -> (Event.MessagesDeleted) e).toList();
        assertEquals(List.of(postId, postId), deleted.stream().map(d -> d.origin().channelId()).toList());
        assertEquals(List.of(List.of(regret.get("id").asText()), List.of(one.get("id").asText(),
                two.get("id").asText())), deleted.stream().map(Event.MessagesDeleted::messageIds).toList());
    }

    @Test
    void everyChangeToADiscussionReachesTheCoreInDiscordsOrder() throws Exception {
        connect();
        Conversations people = discord.conversations();
        discord.setForumTags(SPIKES_FORUM, false, "polars", "gpu");
        FakeWorld.Channel post = people.forumPost(ALICE, SPIKES_FORUM, "GPU cost", "How much is an A100 hour?", "gpu");
        String postId = Long.toUnsignedString(post.id);
        ObjectNode question = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("id", postId)
                .put("channel_id", postId); // a post's first message has the post's id
        ObjectNode answer = people.reply(BOB, question, "About 2 $");
        ObjectNode plot = people.post(ALICE, post.id, "plot", new Conversations.Attachment("cost.png", 9, "image/png"));
        people.system(6, MARIA, post.id, answer); // a pin: not a discussion message
        people.post(FakeWorld.BOT, post.id, "the bot's own words are not captured");
        people.edit(answer, "About 2.50 $");
        people.delete(plot);
        ObjectNode one = people.post(BOB, post.id, "one");
        ObjectNode two = people.post(BOB, post.id, "two");
        people.bulkDelete(one, two);
        people.tag(post, "polars", "gpu");
        people.rename(post, "GPU cost per hour");
        people.archive(post, true, false);
        people.deleteThread(post); // archived: JDA no longer holds it, the raw THREAD_DELETE still says so

        Event.ThreadDeleted deleted = core.awaitSeen(Event.ThreadDeleted.class);
        assertEquals(postId, deleted.threadId());
        assertEquals(Long.toUnsignedString(SPIKES_FORUM), deleted.origin().parentId());
        List<Event.ThreadActivity> inPost = core.seen().stream().filter(e -> e instanceof Event.ThreadActivity)
                .map(e -> (Event.ThreadActivity) e).filter(e -> e.origin().channelId().equals(postId)).toList();
        assertEquals(List.of("ThreadCreated", "MessageWritten", "MessageWritten", "MessageWritten", "MessageEdited",
                        "MessagesDeleted", "MessageWritten", "MessageWritten", "MessagesDeleted", "ThreadChanged",
                        "ThreadChanged", "ThreadChanged", "ThreadDeleted"),
                inPost.stream().map(e -> e.getClass().getSimpleName()).toList());
        Event.ThreadCreated created = (Event.ThreadCreated) inPost.get(0);
        assertEquals(List.of("gpu"), created.thread().tags());
        assertEquals("spikes", created.thread().parentName());
        Event.MessageWritten opener = (Event.MessageWritten) inPost.get(1);
        assertEquals(postId, opener.message().id(), "a post's first message has the post's id");
        assertEquals("How much is an A100 hour?", opener.message().text());
        Event.MessageWritten reply = (Event.MessageWritten) inPost.get(2);
        assertEquals(postId, reply.message().replyTo());
        assertEquals("cost.png", ((Event.MessageWritten) inPost.get(3)).message().attachments().getFirst().name());
        Event.MessageEdited edited = (Event.MessageEdited) inPost.get(4);
        assertEquals(answer.get("id").asText(), edited.message().id());
        assertEquals("About 2.50 $", edited.message().text());
        assertTrue(edited.message().edited() != null, "the edit time");
        assertEquals(List.of(plot.get("id").asText()), ((Event.MessagesDeleted) inPost.get(5)).messageIds());
        assertEquals(List.of(one.get("id").asText(), two.get("id").asText()),
                ((Event.MessagesDeleted) inPost.get(8)).messageIds(), "a bulk delete is one event");
        assertEquals(List.of("polars", "gpu"), ((Event.ThreadChanged) inPost.get(9)).thread().tags());
        assertEquals("GPU cost per hour", ((Event.ThreadChanged) inPost.get(10)).thread().name());
    }

    @Test
    void theAnswerToANewThreadIsPostedInItWithItsButtons() throws Exception {
        connect();
        core.answering(e -> e instanceof Event.ThreadCreated c ? List.of(
                new Action.Post(c.thread().threadId(), new Draft("Asked before? These look close:", List.of(),
                        List.of(ControlRow.of(Control.Button.of("capture:helpful:1", "Helpful", Control.Style.PRIMARY),
                                Control.Button.of("capture:off:1", "Not relevant", Control.Style.SECONDARY))))),
                Action.Reply.of("a reply with nothing to reply to lands in the thread too")) : List.of());
        FakeWorld.Channel thread = discord.openThread(ALICE, GENERAL, "Tokenizer drops emoji", false);
        RecordedCall answer = discord.await(c -> c.is("POST", "channels/" + thread.id + "/messages")
                && c.body().path("content").asText().startsWith("Asked before?"));
        assertEquals("Helpful", answer.body().at("/components/0/components/0/label").asText());
        assertTrue(answer.body().at("/allowed_mentions/parse").isEmpty(), "nothing can ping");
        discord.await(c -> c.is("POST", "channels/" + thread.id + "/messages")
                && c.body().path("content").asText().startsWith("a reply with nothing"));
    }

    @Test
    void aChannelOptionOffersOnlyChannelsThatHoldThreads() throws Exception {
        connect();
        var option = discord.registeredCommands(ML_TEAM).get("spikebot").at("/options/0/options/0");
        assertEquals("channel", option.get("name").asText());
        assertEquals(7, option.get("type").asInt(), "a channel picker");
        List<Integer> types = new java.util.ArrayList<>();
        option.get("channel_types").forEach(t -> types.add(t.asInt()));
        assertEquals(Set.of(0, 5, 15), Set.copyOf(types), "text, announcement and forum channels");
    }

    @Test
    void aPickedChannelReachesTheCoreAsItsIdAndThePickerOffersOnlyWhatItMay() throws Exception {
        connect();
        discord.slash(MARIA, GENERAL, "spikebot capture", Map.of("channel", SPIKES_FORUM));
        Event.SlashCommand picked = core.awaitSeen(Event.SlashCommand.class);
        assertEquals(Long.toUnsignedString(SPIKES_FORUM), picked.options().get("channel"),
                "Discord sends the id, resolved to a partial channel that JDA reads");
        assertTrue(discord.calls(c -> c.status() >= 400).isEmpty(), discord.calls().toString());
        AssertionError category = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> discord.slash(MARIA, GENERAL, "spikebot capture", Map.of("channel", FakeWorld.LAB)));
        assertTrue(category.getMessage().contains("does not offer #lab"), category.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> discord.slash(BOB, GENERAL, "spikebot capture", Map.of("channel", FakeWorld.RESEARCH)),
                "bob cannot view #research, so his picker does not list it");
    }

    @Test
    void aPostWithAReceiptIsReportedWhereItLandedAndCanBeEditedThere() throws Exception {
        connect();
        Action.Receipt receipt = new Action.Receipt(GUILD, "capture:import:1");
        AtomicReference<List<Action>> due = new AtomicReference<>(List.of(new Action.Post(
                Long.toUnsignedString(GENERAL), Draft.text("Importing #general: 0 of 3 threads"), receipt)));
        core.scheduling(() -> due.getAndSet(List.of()));
        bot.tick();
        ScriptedChat.Delivered delivered = core.awaitDelivered(receipt);
        assertEquals(Long.toUnsignedString(GENERAL), delivered.channelId());
        ObjectNode posted = discord.messagesIn(GENERAL).getLast();
        assertEquals(posted.get("id").asText(), delivered.messageId());
        assertEquals("Importing #general: 0 of 3 threads", posted.get("content").asText());

        due.set(List.of(new Action.Edit(delivered.channelId(), delivered.messageId(),
                Draft.text("Imported #general: 3 of 3 threads"))));
        bot.tick();
        discord.await(c -> c.is("PATCH", "channels/" + GENERAL + "/messages/" + delivered.messageId()));
        assertEquals("Imported #general: 3 of 3 threads", discord.current(posted).get("content").asText());
        assertEquals(1, discord.messagesIn(GENERAL).size(), "edited in place, not posted again");
    }
}
