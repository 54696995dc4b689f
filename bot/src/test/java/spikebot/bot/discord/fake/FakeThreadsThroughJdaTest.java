package spikebot.bot.discord.fake;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageHistory;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.channel.concrete.ForumChannel;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.forums.ForumTag;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.channel.ChannelCreateEvent;
import net.dv8tion.jda.api.events.channel.ChannelDeleteEvent;
import net.dv8tion.jda.api.events.channel.update.ChannelUpdateAppliedTagsEvent;
import net.dv8tion.jda.api.events.channel.update.ChannelUpdateArchivedEvent;
import net.dv8tion.jda.api.events.channel.update.ChannelUpdateNameEvent;
import net.dv8tion.jda.api.events.message.MessageBulkDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.events.thread.ThreadRevealedEvent;
import net.dv8tion.jda.api.events.thread.member.ThreadMemberJoinEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.node.ObjectNode;
import spikebot.bot.discord.fake.WorldSeeder.SeedMessage;
import spikebot.bot.discord.fake.WorldSeeder.SeedThread;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.discord.fake.FakeWorld.*;

/**
 * The real JDA client reads the fake's history, archived and active threads and forum posts, and hears its thread
 * and message events in the order Discord sends them, the way the bot's adapter will.
 */
class FakeThreadsThroughJdaTest {
    /** The events a capture adapter listens to, in the order JDA fired them. */
    private static final Set<Class<?>> HEARD = Set.of(ChannelCreateEvent.class, ChannelDeleteEvent.class,
            ChannelUpdateNameEvent.class, ChannelUpdateArchivedEvent.class, ChannelUpdateAppliedTagsEvent.class,
            MessageReceivedEvent.class, MessageUpdateEvent.class, MessageDeleteEvent.class,
            MessageBulkDeleteEvent.class, ThreadRevealedEvent.class, ThreadMemberJoinEvent.class);

    private final BlockingQueue<GenericEvent> events = new LinkedBlockingQueue<>();
    private FakeDiscord discord;
    private JDA jda;

    @BeforeEach
    void start() throws IOException {
        discord = FakeDiscord.start();
    }

    @AfterEach
    void stop() throws IOException {
        if (jda != null) jda.shutdownNow();
        discord.close();
        assertEquals(List.of(), discord.spec().violations(), discord.spec().summary());
    }

    private void connect(GatewayIntent... intents) throws InterruptedException {
        jda = JDABuilder.createLight(FakeDiscord.TOKEN, EnumSet.of(GatewayIntent.GUILD_MESSAGES, intents))
                .enableCache(CacheFlag.MEMBER_OVERRIDES, CacheFlag.FORUM_TAGS)
                .setRestConfig(discord.restConfig()).setSessionController(discord.sessionController())
                .setCompression(Compression.NONE)
                // JDA splits MESSAGE_DELETE_BULK into single deletes unless told not to.
                .setBulkDeleteSplittingEnabled(false)
                .addEventListeners((EventListener) e -> {
                    if (HEARD.contains(e.getClass())) events.add(e);
                })
                .build().awaitReady();
    }

    @SuppressWarnings("unchecked")
    private <T extends GenericEvent> T next(Class<T> type) throws InterruptedException {
        GenericEvent event = events.poll(FakeDiscord.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(event, "no " + type.getSimpleName() + " came");
        assertInstanceOf(type, event, "events in Discord's order");
        return (T) event;
    }

    @Test
    void jdaPagesHistoryAndArchivedThreadsAsTheAdapterWill() throws Exception {
        discord.setForumTags(SPIKES_FORUM, false, "polars", "gpu");
        List<Channel> posts = discord.seed().threads(SPIKES_FORUM, 60, 3, false);
        List<Channel> ideas = discord.seed().threads(IDEAS, 150, 2, false);
        List<Channel> secret = discord.seed().threads(RESEARCH, 30, 2, true);
        secret.subList(0, 4).forEach(t -> t.members.add(BOT.id()));
        List<SeedMessage> talk = IntStream.range(0, 250).mapToObj(i -> new SeedMessage(i % 3 == 0 ? ALICE : BOB,
                "line " + i)).toList();
        Channel longThread = discord.seed().thread(new SeedThread(IDEAS, "long one", ALICE, false, false, List.of(),
                discord.clock().instant().minus(Duration.ofDays(3)), Duration.ofMinutes(1), talk));
        connect(GatewayIntent.MESSAGE_CONTENT);

        TextChannel ideasChannel = jda.getTextChannelById(IDEAS);
        List<ThreadChannel> archived = ideasChannel.retrieveArchivedPublicThreadChannels().takeAsync(1000).join();
        assertEquals(ideas.stream().filter(Channel::archived).count() + 1, archived.size(),
                "every archived thread, paged by archive time");
        ForumChannel forum = jda.getForumChannelById(SPIKES_FORUM);
        List<ThreadChannel> archivedPosts = forum.retrieveArchivedPublicThreadChannels().takeAsync(1000).join();
        assertEquals(posts.stream().filter(Channel::archived).count(), archivedPosts.size());
        assertEquals(Set.of("polars", "gpu"), archivedPosts.stream().flatMap(p -> p.getAppliedTags().stream())
                .map(ForumTag::getName).collect(Collectors.toSet()));
        TextChannel research = jda.getTextChannelById(RESEARCH);
        assertEquals(secret.stream().filter(Channel::archived).count(),
                research.retrieveArchivedPrivateThreadChannels().takeAsync(1000).join().size());
        List<ThreadChannel> joined = research.retrieveArchivedPrivateJoinedThreadChannels().takeAsync(1000).join();
        assertEquals(4, joined.size());
        ThreadChannel joinedThread = joined.stream().filter(t -> t.getIdLong() == secret.get(0).id).findFirst()
                .orElseThrow();
        assertEquals(secret.get(0).members.stream().sorted().toList(), joinedThread.retrieveThreadMembers()
                .takeAsync(100).join().stream().map(m -> m.getIdLong()).sorted().toList(), "authors and the bot");
        assertEquals(24 + 24 + 24, jda.getGuildById(ML_TEAM).retrieveActiveThreads().complete().size(),
                "the last day's threads of each channel are active");

        ThreadChannel thread = archived.stream().filter(t -> t.getIdLong() == longThread.id).findFirst().orElseThrow();
        List<Message> all = thread.getIterableHistory().takeAsync(1000).join();
        assertEquals(250, all.size());
        assertEquals("line 249", all.get(0).getContentRaw(), "newest first");
        assertEquals(all.get(0).getIdLong(), thread.getLatestMessageIdLong(), "last_message_id: what changed since");
        MessageHistory first = MessageHistory.getHistoryFromBeginning(thread).limit(100).complete();
        assertEquals("line 0", first.getRetrievedHistory().get(99).getContentRaw());
        MessageHistory after = MessageHistory.getHistoryAfter(thread, all.get(150).getId()).limit(10).complete();
        assertEquals(all.subList(140, 150), after.getRetrievedHistory());
        MessageHistory around = MessageHistory.getHistoryAround(thread, all.get(100).getId()).limit(5).complete();
        assertEquals(all.subList(98, 103), around.getRetrievedHistory());

        ThreadChannel fromMessage = archived.stream().filter(t -> t.getIdLong() == ideas.get(0).id).findFirst()
                .orElseThrow();
        List<Message> opened = fromMessage.getIterableHistory().takeAsync(100).join();
        Message starter = opened.get(opened.size() - 1);
        assertEquals(MessageType.THREAD_STARTER_MESSAGE, starter.getType());
        assertEquals(fromMessage.getIdLong(), starter.getMessageReference().getMessageIdLong());
        assertEquals(ideasChannel.getIdLong(), starter.getMessageReference().getChannelIdLong());
    }

    @Test
    void threadAndMessageEventsArriveInDiscordsOrder() throws Exception {
        connect(GatewayIntent.MESSAGE_CONTENT);
        Conversations people = discord.conversations();
        discord.setForumTags(SPIKES_FORUM, false, "polars", "gpu");
        Channel post = people.forumPost(ALICE, SPIKES_FORUM, "GPU cost", "How much does an A100 hour cost?", "gpu");
        ChannelCreateEvent created = next(ChannelCreateEvent.class);
        assertEquals(post.id, created.getChannel().getIdLong());
        MessageReceivedEvent question = next(MessageReceivedEvent.class);
        assertEquals(post.id, question.getMessageIdLong(), "a post's first message has the post's id");
        assertEquals(List.of("gpu"), question.getChannel().asThreadChannel().getAppliedTags().stream()
                .map(ForumTag::getName).toList());

        ObjectNode reply = people.reply(BOB, discord.world().messages().find(post.id).orElseThrow(), "About 2 $");
        Message answer = next(MessageReceivedEvent.class).getMessage();
        assertEquals(MessageType.INLINE_REPLY, answer.getType());
        assertEquals(post.id, answer.getReferencedMessage().getIdLong());
        ObjectNode withFile = people.post(ALICE, post.id, "plot", new Conversations.Attachment("cost.png", 9, "image/png"));
        assertEquals("cost.png", next(MessageReceivedEvent.class).getMessage().getAttachments().get(0).getFileName());
        people.system(6, MARIA, post.id, reply);
        assertEquals(MessageType.CHANNEL_PINNED_ADD, next(MessageReceivedEvent.class).getMessage().getType());

        people.edit(reply, "About 2.50 $");
        assertEquals("About 2.50 $", next(MessageUpdateEvent.class).getMessage().getContentRaw());
        people.delete(withFile);
        assertEquals(withFile.get("id").asText(), next(MessageDeleteEvent.class).getMessageId());
        ObjectNode one = people.post(BOB, post.id, "one");
        ObjectNode two = people.post(BOB, post.id, "two");
        next(MessageReceivedEvent.class);
        next(MessageReceivedEvent.class);
        people.bulkDelete(one, two);
        assertEquals(List.of(one.get("id").asText(), two.get("id").asText()),
                next(MessageBulkDeleteEvent.class).getMessageIds());

        people.tag(post, "polars", "gpu");
        assertEquals(2, next(ChannelUpdateAppliedTagsEvent.class).getNewTags().size());
        people.rename(post, "GPU cost per hour");
        assertEquals("GPU cost per hour", next(ChannelUpdateNameEvent.class).getNewValue());
        Channel other = people.startThread(BOB, IDEAS, "to delete");
        next(ChannelCreateEvent.class);
        people.deleteThread(other);
        assertEquals(other.id, next(ChannelDeleteEvent.class).getChannel().getIdLong());
        people.archive(post, true, false);
        assertTrue(next(ChannelUpdateArchivedEvent.class).getNewValue());
        people.post(ALICE, post.id, "one more thing");
        assertFalse(next(ChannelUpdateArchivedEvent.class).getNewValue(), "a message unarchives it, first");
        next(MessageReceivedEvent.class);

        Message own = jda.getThreadChannelById(post.id).sendMessage("noted").complete();
        assertTrue(next(MessageReceivedEvent.class).getAuthor().isBot(), "Discord echoes the bot's own messages");
        own.editMessage("noted twice").complete();
        assertEquals("noted twice", next(MessageUpdateEvent.class).getMessage().getContentRaw());
        assertTrue(events.isEmpty(), events::toString);
    }

    @Test
    void theBotHearsOfAPrivateThreadWhenAddedAndOfAChannelsThreadsWhenItGainsAccess() throws Exception {
        discord.setOverwrites(RESEARCH, new Overwrite(ML_TEAM, false, EnumSet.noneOf(Permission.class),
                EnumSet.of(Permission.VIEW_CHANNEL)), new Overwrite(BOT_ROLE, false, EnumSet.of(Permission.VIEW_CHANNEL),
                EnumSet.of(Permission.MANAGE_THREADS)), new Overwrite(RESEARCHER_ROLE, false,
                EnumSet.of(Permission.VIEW_CHANNEL), EnumSet.noneOf(Permission.class)));
        connect(GatewayIntent.MESSAGE_CONTENT);
        Conversations people = discord.conversations();
        Channel hidden = people.startPrivateThread(ALICE, RESEARCH, "just us");
        people.post(ALICE, hidden.id, "not for the bot");
        Channel vaultThread = people.startThread(DAVE, VAULT, "vault talk");
        people.post(DAVE, GENERAL, "a marker");
        assertEquals("a marker", next(MessageReceivedEvent.class).getMessage().getContentRaw(),
                "nothing of the private thread or of #vault reached the bot");

        people.addMember(hidden, BOT);
        assertEquals(hidden.id, next(ThreadRevealedEvent.class).getThread().getIdLong());
        assertEquals(BOT.id(), next(ThreadMemberJoinEvent.class).getThreadMember().getIdLong());
        discord.setOverwrites(VAULT, new Overwrite(ML_TEAM, false, EnumSet.noneOf(Permission.class),
                EnumSet.of(Permission.VIEW_CHANNEL)), new Overwrite(BOT_ROLE, false, EnumSet.of(Permission.VIEW_CHANNEL),
                EnumSet.noneOf(Permission.class)));
        assertEquals("vault", next(ChannelUpdateNameEvent.class).getNewValue(), "CHANNEL_UPDATE: no longer hidden");
        assertEquals(vaultThread.id, next(ThreadRevealedEvent.class).getThread().getIdLong(),
                "THREAD_LIST_SYNC brings the channel's active threads");
    }

    @Test
    void withoutTheMessageContentIntentOnlyMentionsAndTheBotsOwnAreReadable() throws Exception {
        connect();
        Conversations people = discord.conversations();
        people.post(ALICE, GENERAL, "secret words");
        assertEquals("", next(MessageReceivedEvent.class).getMessage().getContentRaw());
        people.post(ALICE, GENERAL, "hi " + BOT.mention());
        assertEquals("hi " + BOT.mention(), next(MessageReceivedEvent.class).getMessage().getContentRaw());
        Message again = jda.getTextChannelById(GENERAL).getHistory().retrievePast(2).complete().get(1);
        assertEquals("secret words", again.getContentRaw(),
                "over REST the Developer Portal's switch counts, not the intents the bot identified with");
    }

    @Test
    void aGuildMemberIsReadOverRestAndSomeoneElseIsUnknown() throws Exception {
        connect();
        var guild = jda.getGuildById(ML_TEAM);
        var bob = guild.retrieveMemberById(BOB.id()).complete();
        assertEquals("bob", bob.getUser().getName());
        var maria = guild.retrieveMemberById(MARIA.id()).complete();
        assertTrue(maria.hasPermission(Permission.MANAGE_SERVER), "her roles come along");
        var unknown = org.junit.jupiter.api.Assertions.assertThrows(
                net.dv8tion.jda.api.exceptions.ErrorResponseException.class,
                () -> guild.retrieveMemberById(CAROL.id()).complete(), "carol is in other-team only");
        assertEquals(net.dv8tion.jda.api.requests.ErrorResponse.UNKNOWN_MEMBER, unknown.getErrorResponse());
    }
}
