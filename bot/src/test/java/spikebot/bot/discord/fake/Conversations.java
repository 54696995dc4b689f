package spikebot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import spikebot.bot.discord.fake.FakeWorld.Channel;
import spikebot.bot.discord.fake.FakeWorld.User;

import static spikebot.bot.discord.fake.FakeWorld.JSON;
import static spikebot.bot.discord.fake.FakeWorld.id;

/**
 * What people (and other bots) say and do in threads, forum posts and channels of the fake Discord, one thing at a
 * time, each announced to the bot as Discord announces it ({@link BotView} decides whether the bot gets it and what
 * it may read): a new thread or post with THREAD_CREATE ({@code newly_created}), a message with MESSAGE_CREATE, an
 * edit with MESSAGE_UPDATE, deletions with MESSAGE_DELETE or MESSAGE_DELETE_BULK, renames, tags and archiving with
 * THREAD_UPDATE, a deleted thread with THREAD_DELETE (just id, guild_id, parent_id and type), the bot added to a
 * thread with THREAD_CREATE (a private one carrying the bot's thread member) and THREAD_MEMBERS_UPDATE. For big
 * worlds made without an event each, see {@link WorldSeeder}.
 *
 * <p>Not modelled: the MESSAGE_UPDATE Discord may send when a message gets a thread or an embed preview; the
 * THREAD_CREATED (18) notice in a parent channel, which Discord posts only for threads made from older messages.
 * A thread's type never changes: Discord has no way to make a public thread private; what makes a discussion
 * private is its parent channel's overwrites ({@link FakeDiscord#setOverwrites}).
 */
public final class Conversations {
    /** A file attached to a message (Discord gives it an id, a CDN url and a proxy url). */
    public record Attachment(String filename, int size, String contentType) {
    }

    private static final Pattern MENTION = Pattern.compile("<@!?(\\d+)>");

    private final FakeWorld world;
    private final BotView view;

    Conversations(FakeWorld world, BotView view) {
        this.world = world;
        this.view = view;
    }

    // ---- threads and forum posts

    /** An admin gives a forum these tags (new ids) and sets "Require tags"; CHANNEL_UPDATE. Returns the tags. */
    public List<FakeWorld.Tag> setForumTags(long forumId, boolean required, String... names) {
        Channel forum = world.channel(forumId);
        forum.tags = Arrays.stream(names).map(n -> new FakeWorld.Tag(world.newId(), n)).toList();
        forum.requireTag = required;
        view.channelUpdated(forum);
        return forum.tags;
    }

    /** A public thread in a text channel, made without a starting message ("Start Thread without Message"). */
    public Channel startThread(User owner, long parentId, String name) {
        return opened(world.createThread(parentId, name, owner.id(), false));
    }

    /**
     * A public thread started from a message in a text channel: it takes the message's id, and its first message
     * is a THREAD_STARTER_MESSAGE (21) that refers to the message (Discord shows it as the thread's opener).
     */
    public Channel startThreadFrom(User owner, JsonNode message, String name) {
        long messageId = message.get("id").asLong();
        Channel thread = world.threads().add(messageId, message.get("channel_id").asLong(), name, owner.id(), false,
                world.clock().instant());
        ObjectNode starter = world.json().messageJson(thread.id, world.newId(), owner, JSON.createObjectNode());
        starter.put("type", 21);
        WorldJson.refer(starter, world.messages().find(messageId).orElseThrow());
        world.messages().remember(starter);
        return opened(thread);
    }

    /** A private thread in a text channel with its first members; only they and moderators see it. */
    public Channel startPrivateThread(User owner, long parentId, String name, User... members) {
        Channel thread = world.createThread(parentId, name, owner.id(), true);
        for (User member : members) thread.members.add(member.id());
        return opened(thread);
    }

    /**
     * A forum post: a thread whose first message (same id) says {@code content}, with tags picked by name from the
     * forum's tags ({@link FakeDiscord#setForumTags}). The bot gets THREAD_CREATE, then MESSAGE_CREATE.
     */
    public Channel forumPost(User owner, long forumId, String name, String content, String... tagNames) {
        Channel forum = world.channel(forumId);
        if (forum.type != FakeWorld.ChannelType.FORUM) throw new AssertionError(forum.name + " is not a forum");
        Channel post = world.threads().add(world.newId(), forumId, name, owner.id(), false, world.clock().instant());
        post.appliedTags = tagIds(forum, tagNames);
        ObjectNode first = authored(owner, post.id, post.id, content);
        world.messages().remember(first);
        opened(post);
        view.message("MESSAGE_CREATE", first);
        return post;
    }

    private Channel opened(Channel thread) {
        view.thread("THREAD_CREATE", thread.id, world.json().channelJson(thread).put("newly_created", true));
        return thread;
    }

    /** A thread's name changes (THREAD_UPDATE). */
    public void rename(Channel thread, String name) {
        thread.name = name;
        updated(thread);
    }

    /** A forum post's tags become these (by name); THREAD_UPDATE. */
    public void tag(Channel post, String... tagNames) {
        post.appliedTags = tagIds(world.channel(post.parentId), tagNames);
        updated(post);
    }

    /** A moderator archives a thread, or unarchives it; THREAD_UPDATE. Locked, only moderators may unarchive. */
    public void archive(Channel thread, boolean archived, boolean locked) {
        thread.locked = locked;
        world.threads().setArchived(thread, archived, world.clock().instant());
        thread.lastActivity = world.clock().instant();
        updated(thread);
    }

    /** A moderator deletes a thread and its messages; THREAD_DELETE carries only id, guild, parent and type. */
    public void deleteThread(Channel thread) {
        ObjectNode payload = JSON.createObjectNode().put("id", id(thread.id)).put("guild_id", id(thread.guildId))
                .put("parent_id", id(thread.parentId)).put("type", thread.type.id);
        boolean visible = world.canView(FakeWorld.BOT.id(), thread.id);
        world.threads().remove(thread.id);
        if (visible) view.thread("THREAD_DELETE", thread.parentId, payload);
    }

    /**
     * Someone adds a user to a thread. When it is the bot, Discord sends THREAD_CREATE (with the bot's thread
     * member when the thread is private) and THREAD_MEMBERS_UPDATE; for other users the bot hears nothing without
     * the Server Members intent.
     */
    public void addMember(Channel thread, User user) {
        if (!thread.members.add(user.id()) || user.id() != FakeWorld.BOT.id()) return;
        ObjectNode json = world.json().channelJson(thread);
        ObjectNode member = world.json().threadMemberJson(thread, user.id());
        if (thread.type == FakeWorld.ChannelType.PRIVATE_THREAD) json.set("member", member.deepCopy());
        view.thread("THREAD_CREATE", thread.id, json);
        ObjectNode update = JSON.createObjectNode().put("id", id(thread.id)).put("guild_id", id(thread.guildId))
                .put("member_count", Math.min(50, thread.members.size()));
        update.putArray("added_members").add(member.set("member",
                world.json().memberJson(thread.guildId, user, true)));
        view.thread("THREAD_MEMBERS_UPDATE", thread.id, update);
    }

    private void updated(Channel thread) {
        view.thread("THREAD_UPDATE", thread.id, world.json().channelJson(thread));
    }

    private static List<Long> tagIds(Channel forum, String... names) {
        List<Long> ids = new ArrayList<>();
        for (String name : names) {
            ids.add(forum.tags.stream().filter(t -> t.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(forum.name + " has no tag " + name + ": " + forum.tags))
                    .id());
        }
        return List.copyOf(ids);
    }

    // ---- messages

    /** A message (a user's, another bot's or the bot's own); {@code <@id>} mentions in the text are listed. */
    public ObjectNode post(User author, long channelId, String content) {
        return posted(authored(author, channelId, world.newId(), content));
    }

    /** A message with files attached. */
    public ObjectNode post(User author, long channelId, String content, Attachment... files) {
        ObjectNode message = authored(author, channelId, world.newId(), content);
        ArrayNode attachments = message.putArray("attachments");
        for (Attachment file : files) attachments.add(world.json().attachmentJson(world.newId(), channelId, file));
        return posted(message);
    }

    /**
     * A reply (type 19): it refers to the message answered, carries it as {@code referenced_message}, and mentions
     * its author (Discord's default "ping on reply").
     */
    public ObjectNode reply(User author, JsonNode to, String content) {
        long channelId = to.get("channel_id").asLong();
        ObjectNode message = authored(author, channelId, world.newId(), content);
        message.put("type", 19);
        ObjectNode answered = world.messages().find(to.get("id").asLong()).orElseThrow();
        WorldJson.refer(message, answered);
        ArrayNode mentions = (ArrayNode) message.get("mentions");
        String answeredAuthor = answered.path("author").path("id").asText();
        if (mentions.findValuesAsText("id").stream().noneMatch(answeredAuthor::equals)) {
            mentions.add(mentionJson(world.user(Long.parseUnsignedLong(answeredAuthor)), channelId));
        }
        return posted(message);
    }

    /**
     * A system message Discord itself writes, e.g. CHANNEL_PINNED_MESSAGE (6, referring to the pinned message) or
     * RECIPIENT_ADD (1, someone added to a thread, who is mentioned); {@code about} is the message referred to, or
     * the user added, or null.
     */
    public ObjectNode system(int type, User actor, long channelId, Object about) {
        ObjectNode message = authored(actor, channelId, world.newId(), "");
        message.put("type", type);
        if (about instanceof JsonNode referred) {
            WorldJson.refer(message, world.messages().find(referred.get("id").asLong()).orElseThrow());
        }
        if (about instanceof User added) ((ArrayNode) message.get("mentions")).add(mentionJson(added, channelId));
        return posted(message);
    }

    /** Someone edits a message's text; MESSAGE_UPDATE carries the whole message, with its edit time. */
    public ObjectNode edit(JsonNode message, String content) {
        ObjectNode edited = world.messages().find(message.get("id").asLong()).orElseThrow();
        edited.put("content", content);
        edited.put("edited_timestamp", world.clock().instant().toString());
        edited.set("mentions", mentions(content, edited.get("channel_id").asLong()));
        world.messages().remember(edited);
        view.message("MESSAGE_UPDATE", edited);
        return edited.deepCopy();
    }

    /** Someone deletes a message; MESSAGE_DELETE. */
    public void delete(JsonNode message) {
        long channelId = message.get("channel_id").asLong();
        world.messages().forget(message.get("id").asLong()).orElseThrow();
        view.deleted("MESSAGE_DELETE", channelId, world.json().deletedJson(channelId, message.get("id").asLong()));
    }

    /** A moderator deletes several messages of one channel at once; one MESSAGE_DELETE_BULK. */
    public void bulkDelete(JsonNode... messages) {
        long channelId = messages[0].get("channel_id").asLong();
        List<Long> ids = Arrays.stream(messages).map(m -> m.get("id").asLong()).toList();
        ids.forEach(world.messages()::forget);
        view.deleted("MESSAGE_DELETE_BULK", channelId, world.json().bulkDeletedJson(channelId, ids));
    }

    /**
     * Stores a new message and tells the bot: in a thread it is activity (an archived thread that is not locked
     * comes back, with THREAD_UPDATE first, as Discord sends it).
     */
    ObjectNode posted(ObjectNode message) {
        Channel channel = world.channel(message.get("channel_id").asLong());
        if (channel.type == FakeWorld.ChannelType.FORUM) throw new AssertionError("messages go in a forum's posts");
        if (channel.isThread()) {
            channel.lastActivity = world.clock().instant();
            channel.totalMessageSent.incrementAndGet();
            if (channel.archived) {
                if (channel.locked) throw new AssertionError("thread " + channel.name + " is locked");
                world.threads().setArchived(channel, false, world.clock().instant());
                updated(channel);
            }
        }
        world.messages().remember(message);
        view.message("MESSAGE_CREATE", message);
        return message.deepCopy();
    }

    /** A plain message by this author (a member's carries its member object), its mentions listed. */
    ObjectNode authored(User author, long channelId, long messageId, String content) {
        ObjectNode message = world.json().messageJson(channelId, messageId, author,
                JSON.createObjectNode().put("content", content));
        message.set("mentions", mentions(content, channelId));
        return message;
    }

    private ArrayNode mentions(String content, long channelId) {
        ArrayNode mentions = JSON.createArrayNode();
        Matcher m = MENTION.matcher(content);
        while (m.find()) mentions.add(mentionJson(world.user(Long.parseUnsignedLong(m.group(1))), channelId));
        return mentions;
    }

    private ObjectNode mentionJson(User user, long channelId) {
        ObjectNode json = world.json().userJson(user);
        json.set("member", world.json().memberJson(world.channel(channelId).guildId, user, false));
        return json;
    }
}
