package spikebot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import spikebot.bot.discord.fake.WorldSeeder.SeedMessage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.discord.fake.FakeWorld.*;

/**
 * The fake's history and thread listings read over raw HTTP, where JDA would hide the edges: page sizes, the ends
 * of a channel, {@code has_more}, Discord's error shapes, permissions, and the Message Content switch. Every
 * request is also checked against Discord's API description. The fake's rate limits stay on: the client here
 * waits when told to, as JDA does.
 */
class FakeHistoryTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeDiscord discord;

    private record Answer(int status, JsonNode json) {
    }

    @BeforeEach
    void start() throws IOException {
        discord = FakeDiscord.start();
    }

    @AfterEach
    void stop() throws IOException {
        discord.close();
    }

    private Answer call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(discord.restConfig().getBaseUrl() + path))
                .header("Authorization", "Bot " + FakeDiscord.TOKEN).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
        if (response.statusCode() == 429) { // as any client must: wait as long as Discord says, then again
            Thread.sleep((long) Math.ceil(json.get("retry_after").asDouble() * 1000));
            return call(method, path, body);
        }
        return new Answer(response.statusCode(), json);
    }

    private Answer get(String path) throws IOException, InterruptedException {
        return call("GET", path, null);
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(m -> ids.add(m.get("id").asText()));
        return ids;
    }

    /** 250 messages in #general, oldest first, a minute apart, ending an hour ago. */
    private List<String> seedGeneral() {
        Instant start = discord.clock().instant().minus(Duration.ofMinutes(310));
        List<SeedMessage> seeds = IntStream.range(0, 250).mapToObj(i -> new SeedMessage(i % 2 == 0 ? ALICE : BOB,
                "message " + i)).toList();
        return ids(JSON.valueToTree(discord.seed().messages(GENERAL, start, Duration.ofMinutes(1), seeds)));
    }

    private static List<String> newestFirst(List<String> oldestFirst, int from, int to) {
        List<String> slice = new ArrayList<>(oldestFirst.subList(from, to));
        java.util.Collections.reverse(slice);
        return slice;
    }

    @Test
    void historyPagesNewestFirstAndStopsAtBothEnds() throws Exception {
        List<String> all = seedGeneral();
        String channel = "channels/" + id(GENERAL) + "/messages";

        assertEquals(newestFirst(all, 200, 250), ids(get(channel).json()), "default: the 50 newest, newest first");
        assertEquals(List.of(all.get(249)), ids(get(channel + "?limit=1").json()));
        assertEquals(newestFirst(all, 150, 250), ids(get(channel + "?limit=100").json()));
        assertEquals(newestFirst(all, 1, 4), ids(get(channel + "?after=" + all.get(0) + "&limit=3").json()),
                "after: the messages just after it, still newest first");
        assertEquals(newestFirst(all, 97, 99), ids(get(channel + "?before=" + all.get(99) + "&limit=2").json()));
        Answer around = get(channel + "?around=" + all.get(100) + "&limit=5");
        assertEquals(200, around.status(), () -> around.json().toString());
        assertEquals(newestFirst(all, 98, 103), ids(around.json()),
                "around: the message with two older and two newer");
        assertEquals(newestFirst(all, 0, 3), ids(get(channel + "?around=" + all.get(0) + "&limit=5").json()),
                "around the oldest: nothing older to give");
        assertEquals(List.of(), ids(get(channel + "?before=" + all.get(0)).json()));
        assertEquals(List.of(), ids(get(channel + "?after=" + all.get(249)).json()));
        assertEquals(List.of(), ids(get("channels/" + id(IDEAS) + "/messages").json()), "an empty channel");

        List<String> backwards = new ArrayList<>();
        String before = null;
        while (true) {
            JsonNode page = get(channel + "?limit=100" + (before == null ? "" : "&before=" + before)).json();
            if (page.isEmpty()) break;
            backwards.addAll(ids(page));
            before = page.get(page.size() - 1).get("id").asText();
        }
        assertEquals(newestFirst(all, 0, 250), backwards, "paging back with before reads each message once");
        assertTrue(discord.spec().violations().isEmpty(), discord.spec().violations()::toString);
    }

    @Test
    void aBackfillSizedWorldIsSeededWithoutEventsAndReadsBackWhole() throws Exception {
        long started = System.nanoTime();
        List<Channel> threads = new ArrayList<>(discord.seed().threads(SPIKES_FORUM, 800, 15, false));
        threads.addAll(discord.seed().threads(IDEAS, 700, 15, false));
        threads.addAll(discord.seed().threads(RESEARCH, 500, 15, true));
        System.out.printf("seeded 2,000 threads and 30,000 messages in %.2f s%n", (System.nanoTime() - started) / 1e9);
        MessageStore messages = discord.world().messages();
        int written = messages.inChannel(IDEAS).size();
        for (Channel thread : threads) {
            written += (int) messages.inChannel(thread.id).stream().filter(m -> m.get("type").asInt() != 21).count();
        }
        assertEquals(30_000, written, "every seeded message, the questions of threads started from one included");
        assertEquals(3 * 24, threads.stream().filter(t -> !t.archived()).count());
        Channel last = threads.get(threads.size() - 1);
        JsonNode page = get("channels/" + id(last.id) + "/messages?limit=100").json();
        assertEquals(15, page.size());
        assertEquals(0, discord.identifies(), "nothing was sent: no client is connected");
    }

    @Test
    void aLimitOutOfRangeIsRefusedAsDiscordRefusesIt() throws Exception {
        seedGeneral();
        for (String limit : List.of("0", "101")) {
            Answer answer = get("channels/" + id(GENERAL) + "/messages?limit=" + limit);
            assertEquals(400, answer.status());
            assertEquals(50035, answer.json().get("code").asInt());
            assertEquals("Invalid Form Body", answer.json().get("message").asText());
            assertFalse(answer.json().path("errors").path("limit").path("_errors").isEmpty(), answer.json()::toString);
        }
        assertEquals(2, discord.spec().violations().size(), "the spec check names both: " + discord.spec().violations());
        Answer one = get("channels/" + id(IDEAS) + "/threads/archived/public?limit=1");
        assertEquals(400, one.status(), "archived threads take 2 to 100");
    }

    @Test
    void historyNeedsViewChannelAndIsEmptyWithoutReadMessageHistory() throws Exception {
        seedGeneral();
        Answer unknown = get("channels/" + id(400_000_000_000_000_999L) + "/messages");
        assertEquals(404, unknown.status());
        assertEquals(10003, unknown.json().get("code").asInt());
        Answer vault = get("channels/" + id(VAULT) + "/messages");
        assertEquals(403, vault.status());
        assertEquals(50001, vault.json().get("code").asInt());
        discord.setOverwrites(GENERAL, new Overwrite(BOT_ROLE, false, EnumSet.noneOf(Permission.class),
                EnumSet.of(Permission.MESSAGE_HISTORY)));
        Answer blind = get("channels/" + id(GENERAL) + "/messages");
        assertEquals(200, blind.status());
        assertEquals(0, blind.json().size(), "Discord: without Read Message History no messages are returned");
    }

    @Test
    void archivedThreadsPageByArchiveTimeWithHasMore() throws Exception {
        List<Channel> threads = discord.seed().threads(IDEAS, 250, 3, false);
        List<String> archived = threads.stream().filter(Channel::archived)
                .sorted(java.util.Comparator.comparing((Channel t) -> t.archiveTimestamp).reversed())
                .map(t -> id(t.id)).toList();
        assertEquals(226, archived.size(), "threads silent for a day or more are archived");
        List<String> read = new ArrayList<>();
        List<Boolean> hasMore = new ArrayList<>();
        String before = null;
        do {
            JsonNode page = get("channels/" + id(IDEAS) + "/threads/archived/public?limit=100"
                    + (before == null ? "" : "&before=" + before)).json();
            read.addAll(ids(page.get("threads")));
            hasMore.add(page.get("has_more").asBoolean());
            JsonNode last = page.get("threads").get(page.get("threads").size() - 1);
            before = last.path("thread_metadata").path("archive_timestamp").asText();
        } while (hasMore.get(hasMore.size() - 1));
        assertEquals(archived, read, "latest archived first, each once");
        assertEquals(List.of(true, true, false), hasMore);
        assertEquals(0, get("channels/" + id(IDEAS) + "/threads/archived/private").json().get("threads").size());
        assertTrue(discord.spec().violations().isEmpty(), discord.spec().violations()::toString);
    }

    @Test
    void threadsArchivedAtOneMomentOfTheStillClockStillPageWhole() throws Exception {
        List<String> opened = IntStream.range(0, 150)
                .mapToObj(i -> id(discord.conversations().startThread(BOB, IDEAS, "t" + i).id)).toList();
        discord.passTime(Duration.ofDays(2));
        List<String> read = new ArrayList<>();
        JsonNode page = get("channels/" + id(IDEAS) + "/threads/archived/public?limit=100").json();
        read.addAll(ids(page.get("threads")));
        String before = page.get("threads").get(99).path("thread_metadata").path("archive_timestamp").asText();
        read.addAll(ids(get("channels/" + id(IDEAS) + "/threads/archived/public?before=" + before).json()
                .get("threads")));
        assertEquals(new HashSet<>(opened), new HashSet<>(read));
        assertEquals(150, read.size());
    }

    @Test
    void privateArchivedThreadsNeedManageThreadsAndJoinedOnesAreTheBotsOwn() throws Exception {
        List<Channel> threads = discord.seed().threads(RESEARCH, 40, 2, true);
        List<Channel> archived = threads.stream().filter(Channel::archived).toList();
        archived.subList(0, 5).forEach(t -> t.members.add(BOT.id()));
        JsonNode all = get("channels/" + id(RESEARCH) + "/threads/archived/private?limit=100").json();
        assertEquals(archived.size(), all.get("threads").size());
        assertEquals(5, all.get("members").size(), "a thread member for each thread the bot joined");

        JsonNode joined = get("channels/" + id(RESEARCH) + "/users/@me/threads/archived/private?limit=2").json();
        List<String> joinedIds = archived.subList(0, 5).stream().map(t -> id(t.id))
                .sorted(java.util.Comparator.reverseOrder()).toList();
        assertEquals(joinedIds.subList(0, 2), ids(joined.get("threads")), "by id, newest first");
        assertTrue(joined.get("has_more").asBoolean());
        JsonNode rest = get("channels/" + id(RESEARCH) + "/users/@me/threads/archived/private?before="
                + joinedIds.get(1)).json();
        assertEquals(joinedIds.subList(2, 5), ids(rest.get("threads")));
        assertFalse(rest.get("has_more").asBoolean());

        discord.setOverwrites(RESEARCH, new Overwrite(ML_TEAM, false, EnumSet.noneOf(Permission.class),
                EnumSet.of(Permission.VIEW_CHANNEL)), new Overwrite(BOT_ROLE, false, EnumSet.of(Permission.VIEW_CHANNEL),
                EnumSet.of(Permission.MANAGE_THREADS)));
        Answer refused = get("channels/" + id(RESEARCH) + "/threads/archived/private");
        assertEquals(403, refused.status());
        assertEquals(50013, refused.json().get("code").asInt());
        assertEquals(200, get("channels/" + id(RESEARCH) + "/users/@me/threads/archived/private").status(),
                "joined private threads need only Read Message History");
        assertTrue(discord.spec().violations().isEmpty(), discord.spec().violations()::toString);
    }

    @Test
    void activeThreadsAreTheVisibleUnarchivedOnesNewestFirst() throws Exception {
        List<Channel> seeded = new ArrayList<>(discord.seed().threads(IDEAS, 30, 2, false));
        seeded.addAll(discord.seed().threads(VAULT, 3, 1, false));
        JsonNode active = get("guilds/" + id(ML_TEAM) + "/threads/active").json();
        List<String> expected = seeded.stream().filter(t -> !t.archived() && t.parentId == IDEAS)
                .map(t -> id(t.id)).sorted(java.util.Comparator.reverseOrder()).toList();
        assertEquals(24, expected.size());
        assertEquals(expected, ids(active.get("threads")), "not the threads of #vault, which the bot cannot view");
        assertFalse(active.get("has_more").asBoolean());
        assertEquals(404, get("guilds/" + id(900L << 40) + "/threads/active").status());
        assertTrue(discord.spec().violations().isEmpty(), discord.spec().violations()::toString);
    }

    @Test
    void forumPostsCarryTheirTagsAndTheirFirstMessageHasTheirId() throws Exception {
        List<Tag> tags = discord.setForumTags(SPIKES_FORUM, false, "polars", "gpu");
        List<Channel> posts = discord.seed().threads(SPIKES_FORUM, 30, 3, false);
        JsonNode archived = get("channels/" + id(SPIKES_FORUM) + "/threads/archived/public").json();
        assertEquals(6, archived.get("threads").size(), "the posts silent for a day");
        for (JsonNode post : archived.get("threads")) {
            int index = posts.indexOf(posts.stream().filter(p -> id(p.id).equals(post.get("id").asText()))
                    .findFirst().orElseThrow());
            assertEquals(id(tags.get(index % 2).id()), post.get("applied_tags").get(0).asText());
            assertEquals(2, post.get("message_count").asInt(), "the opening message is not counted");
        }
        JsonNode messages = get("channels/" + id(posts.get(0).id) + "/messages").json();
        assertEquals(id(posts.get(0).id), messages.get(2).get("id").asText(), "the oldest message is the post's");
        assertTrue(messages.get(0).get("attachments").isEmpty());
        assertTrue(discord.spec().violations().isEmpty(), discord.spec().violations()::toString);
    }

    @Test
    void threadsStartedFromAMessageOpenWithAStarterNoticeAndRepliesReferToTheirMessage() throws Exception {
        List<Channel> threads = discord.seed().threads(IDEAS, 2, 12, false);
        Channel fromMessage = threads.get(0);
        JsonNode parent = get("channels/" + id(IDEAS) + "/messages").json();
        assertEquals(id(fromMessage.id), parent.get(0).get("id").asText(), "the question stays in the channel");
        assertEquals(id(fromMessage.id), parent.get(0).path("thread").path("id").asText());
        JsonNode inThread = get("channels/" + id(fromMessage.id) + "/messages?limit=100").json();
        JsonNode starter = inThread.get(inThread.size() - 1);
        assertEquals(21, starter.get("type").asInt());
        assertEquals(id(fromMessage.id), starter.path("message_reference").path("message_id").asText());
        assertEquals(12, inThread.size(), "the starter notice and the 11 messages after the question");
        JsonNode reply = inThread.get(inThread.size() - 1 - 4);
        assertEquals(19, reply.get("type").asInt());
        assertEquals(id(fromMessage.id), reply.path("referenced_message").path("id").asText());
        JsonNode withFile = inThread.get(inThread.size() - 1 - 6);
        assertEquals("result-0-6.png", withFile.path("attachments").path(0).path("filename").asText());
        assertTrue(discord.spec().violations().isEmpty(), discord.spec().violations()::toString);
    }

    @Test
    void withoutTheMessageContentSwitchRestBlanksAllButTheBotsOwnAndMentions() throws Exception {
        discord.refuseMessageContentIntent();
        Conversations talk = discord.conversations();
        talk.post(ALICE, GENERAL, "plain words", new Conversations.Attachment("a.txt", 3, "text/plain"));
        talk.post(BOB, GENERAL, "hey " + BOT.mention() + " look");
        talk.post(BOT, GENERAL, "the bot's own");
        talk.post(CI_BOT, GENERAL, "build 42 passed");
        JsonNode page = get("channels/" + id(GENERAL) + "/messages").json();
        assertEquals("", page.get(0).get("content").asText(), "another bot's message is no exception");
        assertEquals("the bot's own", page.get(1).get("content").asText());
        assertEquals("hey " + BOT.mention() + " look", page.get(2).get("content").asText());
        assertEquals("", page.get(3).get("content").asText());
        assertTrue(page.get(3).get("attachments").isEmpty());
    }

    @Test
    void deletingOthersMessagesNeedsManageMessagesAndBulkDeleteOnlyRecentOnes() throws Exception {
        List<String> all = seedGeneral();
        String one = "channels/" + id(GENERAL) + "/messages/" + all.get(249);
        assertEquals(403, call("DELETE", one, null).status());
        discord.setOverwrites(GENERAL, new Overwrite(BOT_ROLE, false, EnumSet.of(Permission.MESSAGE_MANAGE),
                EnumSet.noneOf(Permission.class)));
        assertEquals(204, call("DELETE", one, null).status());
        assertEquals(404, call("DELETE", one, null).status());
        String bulk = "channels/" + id(GENERAL) + "/messages/bulk-delete";
        assertEquals(204, call("POST", bulk, "{\"messages\":[\"" + all.get(248) + "\",\"" + all.get(247) + "\"]}")
                .status());
        assertEquals(newestFirst(all, 244, 247), ids(get("channels/" + id(GENERAL) + "/messages?limit=3").json()));

        discord.seed().messages(IDEAS, discord.clock().instant().minus(Duration.ofDays(20)), Duration.ofDays(1),
                List.of(new SeedMessage(ALICE, "old"), new SeedMessage(ALICE, "older")));
        discord.setOverwrites(IDEAS, new Overwrite(BOT_ROLE, false, EnumSet.of(Permission.MESSAGE_MANAGE),
                EnumSet.noneOf(Permission.class)));
        List<String> old = ids(get("channels/" + id(IDEAS) + "/messages").json());
        Answer tooOld = call("POST", "channels/" + id(IDEAS) + "/messages/bulk-delete",
                "{\"messages\":[\"" + old.get(0) + "\",\"" + old.get(1) + "\"]}");
        assertEquals(400, tooOld.status());
        assertEquals(50034, tooOld.json().get("code").asInt());
        assertEquals(new HashSet<>(List.of()), new HashSet<>(discord.spec().violations()));
    }
}
