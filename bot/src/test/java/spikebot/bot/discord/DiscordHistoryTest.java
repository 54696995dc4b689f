package spikebot.bot.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.Event;
import spikebot.bot.core.ThreadHistory;
import spikebot.bot.discord.fake.Conversations;
import spikebot.bot.discord.fake.FakeDiscord;
import spikebot.bot.discord.fake.FakeWorld;
import spikebot.bot.discord.fake.FakeWorld.Channel;
import spikebot.bot.discord.fake.WorldSeeder.SeedMessage;
import spikebot.bot.discord.fake.WorldSeeder.SeedThread;
import spikebot.knowledge.discussion.DiscussionMessage;
import spikebot.knowledge.discussion.DiscussionThread;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.discord.fake.FakeWorld.ALICE;
import static spikebot.bot.discord.fake.FakeWorld.BOB;
import static spikebot.bot.discord.fake.FakeWorld.BOT;
import static spikebot.bot.discord.fake.FakeWorld.BOT_ROLE;
import static spikebot.bot.discord.fake.FakeWorld.DAVE;
import static spikebot.bot.discord.fake.FakeWorld.IDEAS;
import static spikebot.bot.discord.fake.FakeWorld.MARIA;
import static spikebot.bot.discord.fake.FakeWorld.ML_TEAM;
import static spikebot.bot.discord.fake.FakeWorld.RESEARCH;
import static spikebot.bot.discord.fake.FakeWorld.RESEARCHER_ROLE;
import static spikebot.bot.discord.fake.FakeWorld.SPIKES_FORUM;

/**
 * {@link DiscordHistory} reads past threads and messages through the real JDA client from the fake Discord, which
 * pages as Discord pages (100 at a time, archived lists by archive time, messages newest first); and
 * {@link DiscordChannelAccess} judges archived private threads, which the gateway no longer reports.
 */
class DiscordHistoryTest {
    private static final String GUILD = Long.toUnsignedString(ML_TEAM);

    @TempDir
    Path kb;
    @RegisterExtension
    final FakeDiscordExtension fake = new FakeDiscordExtension();
    private FakeDiscord discord;
    private ThreadHistory history;
    private ChannelAccess access;
    private final ScriptedChat core = new ScriptedChat(List.of());

    private void connect() throws InterruptedException {
        DiscordSettings settings = new DiscordSettings(Map.of(GUILD,
                new DiscordSettings.GuildSettings(kb, null, Set.of(), null)), Duration.ofHours(1));
        fake.startBot(settings, (access, history) -> {
            this.access = access;
            this.history = history;
            return core;
        });
    }

    private static String id(long id) {
        return Long.toUnsignedString(id);
    }

    private static Set<String> ids(List<Channel> threads) {
        return threads.stream().map(t -> id(t.id)).collect(Collectors.toSet());
    }

    private List<DiscussionThread> threads(long channel) throws IOException {
        return history.threads(GUILD, id(channel));
    }

    /** Every message of a thread, read page by page as an import does. */
    private List<DiscussionMessage> all(Channel thread) throws IOException {
        List<DiscussionMessage> all = new ArrayList<>();
        String after = null;
        while (true) {
            List<DiscussionMessage> page = history.messages(GUILD, id(thread.id), after, ThreadHistory.PAGE);
            assertTrue(page.size() <= ThreadHistory.PAGE);
            all.addAll(page);
            if (page.size() < ThreadHistory.PAGE) return all;
            after = page.getLast().id();
        }
    }

    @Test
    void aChannelsThreadsAreItsActiveAndArchivedOnesPagedAsDiscordPagesThem() throws Exception {
        discord = fake.discord();
        discord.setForumTags(SPIKES_FORUM, false, "polars", "gpu");
        List<Channel> posts = discord.seed().threads(SPIKES_FORUM, 130, 2, false);
        List<Channel> ideas = discord.seed().threads(IDEAS, 40, 2, false);
        List<Channel> secret = discord.seed().threads(RESEARCH, 30, 2, true);
        connect();

        List<DiscussionThread> forum = threads(SPIKES_FORUM);
        assertEquals(ids(posts), forum.stream().map(DiscussionThread::threadId).collect(Collectors.toSet()));
        assertEquals(posts.size(), forum.size(), "each post once");
        assertTrue(posts.stream().filter(Channel::archived).count() > 100, "more than one page of archived posts");
        assertTrue(discord.calls(c -> c.is("GET", "channels/" + SPIKES_FORUM + "/threads/archived/public")).size() >= 2,
                "the archived posts came page by page");
        Map<String, DiscussionThread> byId = forum.stream().collect(Collectors.toMap(DiscussionThread::threadId,
                Function.identity()));
        for (int i = 0; i < posts.size(); i++) {
            DiscussionThread post = byId.get(id(posts.get(i).id));
            assertEquals(List.of(i % 2 == 0 ? "polars" : "gpu"), post.tags(), "forum tags by name");
            assertEquals("spikes", post.parentName());
            assertEquals(id(SPIKES_FORUM), post.parentId());
            assertEquals("thread " + i + " of spikes", post.name());
            assertFalse(post.privateThread());
            assertEquals(java.time.Instant.ofEpochMilli((posts.get(i).id >>> 22) + 1_420_070_400_000L), post.created(),
                    "when the post was started: its snowflake's time");
        }
        assertEquals(ids(ideas), threads(IDEAS).stream().map(DiscussionThread::threadId).collect(Collectors.toSet()));
        List<DiscussionThread> research = threads(RESEARCH);
        assertEquals(ids(secret), research.stream().map(DiscussionThread::threadId).collect(Collectors.toSet()),
                "with Manage Threads, every private thread, archived or not");
        assertTrue(research.stream().allMatch(DiscussionThread::privateThread));
        assertTrue(research.stream().allMatch(t -> t.visibleVia().equals(t.threadId())));
        assertEquals(List.of(), history.threads(GUILD, "400000000000000999"), "an unknown channel has none");
    }

    @Test
    void withoutManageThreadsOnlyThePrivateThreadsTheBotIsInAreListed() throws Exception {
        discord = fake.discord();
        discord.setOverwrites(RESEARCH, new FakeWorld.Overwrite(ML_TEAM, false, EnumSet.noneOf(Permission.class),
                        EnumSet.of(Permission.VIEW_CHANNEL)),
                new FakeWorld.Overwrite(BOT_ROLE, false, EnumSet.of(Permission.VIEW_CHANNEL),
                        EnumSet.of(Permission.MANAGE_THREADS)),
                new FakeWorld.Overwrite(RESEARCHER_ROLE, false, EnumSet.of(Permission.VIEW_CHANNEL),
                        EnumSet.noneOf(Permission.class)));
        List<Channel> secret = new ArrayList<>(discord.seed().threads(RESEARCH, 12, 2, true));
        for (int i = 0; i < 3; i++) { // threads the bot took part in: it is their member
            secret.add(discord.seed().thread(new SeedThread(RESEARCH, "with the bot " + i, ALICE, true, false,
                    List.of(), discord.clock().instant().minus(Duration.ofDays(30 - i)), Duration.ofMinutes(1),
                    List.of(new SeedMessage(ALICE, "question " + i), new SeedMessage(BOT, "an answer")))));
        }
        connect();
        List<Channel> visible = secret.stream().filter(t -> discord.world().canView(BOT.id(), t.id)).toList();
        assertEquals(3, visible.size(), "the fixture: the bot sees only the three it is in");
        assertEquals(ids(visible), threads(RESEARCH).stream().map(DiscussionThread::threadId)
                .collect(Collectors.toSet()));
        assertTrue(discord.calls(c -> c.is("GET", "channels/" + RESEARCH + "/threads/archived/private")).isEmpty(),
                "the list of all private threads is not asked for without Manage Threads");
    }

    @Test
    void messagesComeOldestFirstPageByPageWithoutBotOrSystemMessages() throws Exception {
        discord = fake.discord();
        List<SeedMessage> talk = IntStream.range(0, 260).mapToObj(i -> i % 13 == 5
                ? new SeedMessage(BOT, "bot line " + i) : new SeedMessage(i % 3 == 0 ? ALICE : BOB, "line " + i))
                .toList();
        Channel longThread = discord.seed().thread(new SeedThread(IDEAS, "a long one", ALICE, false, false,
                List.of(), discord.clock().instant().minus(Duration.ofDays(3)), Duration.ofMinutes(1), talk));
        connect();
        threads(IDEAS); // the thread is archived: it is read as the listing met it

        List<DiscussionMessage> all = all(longThread);
        List<String> expected = talk.stream().filter(m -> !m.author().bot()).map(SeedMessage::content).toList();
        assertEquals(240, expected.size(), "the fixture: 20 bot lines");
        assertEquals(expected, all.stream().map(DiscussionMessage::text).toList());
        assertEquals(all.stream().map(DiscussionMessage::id).sorted((a, b) -> Long.compareUnsigned(
                Long.parseUnsignedLong(a), Long.parseUnsignedLong(b))).toList(),
                all.stream().map(DiscussionMessage::id).toList(), "oldest first");
        assertEquals("alice", all.getFirst().author());
        assertEquals(id(ALICE.id()), all.getFirst().authorId());
        assertEquals(all.subList(10, 60), history.messages(GUILD, id(longThread.id), all.get(9).id(), 50));
        assertEquals(all.subList(230, 240), history.messages(GUILD, id(longThread.id), all.get(229).id(), 100),
                "fewer than asked: the thread has no more");
    }

    @Test
    void aThreadStartedFromAMessageOpensWithThatMessageAndKeepsRepliesAndFiles() throws Exception {
        discord = fake.discord();
        Channel thread = discord.seed().threads(IDEAS, 2, 12, false).getFirst();
        connect();
        threads(IDEAS);

        List<DiscussionMessage> messages = all(thread);
        assertEquals(12, messages.size(), "the opener and 11 replies; no thread-starter stand-in");
        DiscussionMessage opener = messages.getFirst();
        assertEquals(id(thread.id), opener.id(), "the message the thread was started from has the thread's id");
        assertEquals("Thread 0 in ideas: how do we handle case 0?", opener.text());
        assertNull(opener.replyTo());
        assertEquals(id(thread.id), messages.get(4).replyTo(), "a reply names the message it answers");
        assertEquals(List.of("result-0-6.png"), messages.get(6).attachments().stream()
                .map(DiscussionMessage.Attachment::name).toList());
        assertTrue(messages.get(6).attachments().getFirst().url().startsWith("https://"),
                messages.get(6).attachments().toString());
        assertTrue(messages.get(5).text().contains("```python"), "code blocks kept as written");
        assertEquals(messages.subList(1, 12), history.messages(GUILD, id(thread.id), opener.id(), 100),
                "read after the opener, the opener does not come again");
    }

    @Test
    void anEmptyThreadHasNoMessagesAndLiveSystemMessagesAreLeftOut() throws Exception {
        connect();
        discord = fake.discord();
        Conversations people = discord.conversations();
        Channel empty = people.startThread(BOB, IDEAS, "nothing said yet");
        Channel busy = people.startThread(ALICE, IDEAS, "pinned things");
        ObjectNode question = people.post(ALICE, busy.id, "what is our GPU budget?");
        people.system(6, MARIA, busy.id, question); // pinned
        people.system(7, DAVE, busy.id, null); // dave joined
        people.post(BOB, busy.id, "ask maria");
        core.awaitSeen(Event.ThreadCreated.class, c -> c.thread().threadId().equals(id(empty.id)));
        core.awaitSeen(Event.MessageWritten.class, w -> w.message().text().equals("ask maria"));
        assertEquals(List.of(), history.messages(GUILD, id(empty.id), null, 100));
        assertEquals(List.of("what is our GPU budget?", "ask maria"),
                history.messages(GUILD, id(busy.id), null, 100).stream().map(DiscussionMessage::text).toList());
    }

    @Test
    void withoutReadMessageHistoryTheListingAndTheMessagesFailInPlainWords() throws Exception {
        Channel thread = fake.discord().seed().threads(IDEAS, 1, 3, false).getFirst();
        connect();
        threads(IDEAS);
        fake.discord().setOverwrites(IDEAS, new FakeWorld.Overwrite(BOT_ROLE, false, EnumSet.of(Permission.VIEW_CHANNEL),
                EnumSet.of(Permission.MESSAGE_HISTORY)));
        var jda = fake.bot().jda();
        long deadline = System.nanoTime() + FakeDiscord.TIMEOUT.toNanos();
        while (jda.getGuildById(GUILD).getSelfMember().hasPermission(jda.getTextChannelById(IDEAS),
                Permission.MESSAGE_HISTORY)) { // until the gateway's CHANNEL_UPDATE has reached JDA
            if (System.nanoTime() > deadline) throw new AssertionError("JDA never heard of the new overwrites");
            LockSupport.parkNanos(1_000_000);
        }
        IOException listing = assertThrows(IOException.class, () -> threads(IDEAS));
        assertEquals("cannot list the threads of #ideas: I need the Discord permission Read History here",
                listing.getMessage());
        IOException reading = assertThrows(IOException.class,
                () -> history.messages(GUILD, id(thread.id), null, 100));
        assertEquals("cannot read the messages of thread 'thread 0 of ideas': I need the Discord permission "
                + "Read History here", reading.getMessage());
    }

    @Test
    void anUnknownThreadIsAPlainIOException() throws Exception {
        connect();
        IOException e = assertThrows(IOException.class,
                () -> history.messages(GUILD, "400000000000000999", null, 100));
        assertTrue(e.getMessage().startsWith("thread 400000000000000999 is unknown"), e.getMessage());
    }

    @Test
    void anArchivedPrivateThreadIsShownToItsMembersAndModeratorsOnly() throws Exception {
        connect();
        discord = fake.discord();
        Conversations people = discord.conversations();
        Channel privateThread = people.startPrivateThread(ALICE, IDEAS, "salary bands", BOB);
        Channel publicThread = people.startThread(ALICE, IDEAS, "open question");
        people.post(ALICE, privateThread.id, "just between us");
        people.post(ALICE, publicThread.id, "anyone?");
        people.archive(privateThread, true, false);
        people.archive(publicThread, true, false);
        // Once archived, JDA forgets the threads; the bot kept where they live before the core heard of it.
        String secret = id(privateThread.id);
        for (Channel t : List.of(privateThread, publicThread)) {
            core.awaitSeen(Event.ThreadChanged.class, c -> c.thread().threadId().equals(id(t.id)));
            awaitForgotten(id(t.id));
        }
        // Who asks has just spoken to the bot: the adapter knows them from that event (the fake has no member route).
        for (FakeWorld.User user : List.of(ALICE, BOB, DAVE, MARIA)) {
            people.post(user, FakeWorld.GENERAL, "hello from " + user.name());
            core.awaitSeen(Event.MessagePosted.class, m -> m.origin().actor().id().equals(id(user.id())));
        }
        assertFalse(access.canView(GUILD, id(DAVE.id()), secret), "not a member, no Manage Threads");
        assertTrue(access.canView(GUILD, id(MARIA.id()), secret), "Manage Threads");
        assertFalse(access.isPublic(GUILD, secret));
        assertTrue(access.canView(GUILD, id(DAVE.id()), id(publicThread.id)), "a public thread follows #ideas");
        assertFalse(access.canView(GUILD, id(BOB.id()), secret),
                "a member, but the thread was not listed since the bot started: Discord cannot be asked cheaply");

        threads(IDEAS);
        assertTrue(access.canView(GUILD, id(BOB.id()), secret), "a member, asked of Discord");
        assertTrue(access.canView(GUILD, id(ALICE.id()), secret), "its owner");
        assertFalse(access.canView(GUILD, id(DAVE.id()), secret), "still not dave");
        for (FakeWorld.User user : List.of(ALICE, BOB, DAVE, MARIA)) {
            assertEquals(discord.world().canView(user.id(), privateThread.id),
                    access.canView(GUILD, id(user.id()), secret), user.name() + " as Discord decides");
        }
    }

    @Test
    void onlyChannelsThatHoldThreadsCanBeCaptured() throws Exception {
        connect();
        Channel thread = fake.discord().conversations().startThread(BOB, IDEAS, "a thread");
        core.awaitSeen(Event.ThreadCreated.class);
        assertEquals(ChannelAccess.Kind.HOLDS_THREADS, access.kind(GUILD, id(IDEAS)));
        assertEquals(ChannelAccess.Kind.HOLDS_THREADS, access.kind(GUILD, id(SPIKES_FORUM)));
        assertEquals(ChannelAccess.Kind.OTHER, access.kind(GUILD, id(FakeWorld.LAB)), "a category");
        assertEquals(ChannelAccess.Kind.OTHER, access.kind(GUILD, id(thread.id)), "a thread holds no threads");
        assertEquals(ChannelAccess.Kind.UNKNOWN, access.kind(GUILD, id(FakeWorld.VAULT)), "the bot cannot see it");
        assertEquals(ChannelAccess.Kind.UNKNOWN, access.kind(GUILD, "400000000000000999"));
    }

    /** Waits until JDA has dropped the archived thread from its cache (it does on THREAD_UPDATE). */
    private void awaitForgotten(String threadId) {
        var jda = fake.bot().jda();
        long deadline = System.nanoTime() + FakeDiscord.TIMEOUT.toNanos();
        while (jda.getThreadChannelById(threadId) != null) {
            if (System.nanoTime() > deadline) throw new AssertionError("JDA still holds thread " + threadId);
            LockSupport.parkNanos(1_000_000); // a condition polled until the deadline, not a guess at timing
        }
    }
}
