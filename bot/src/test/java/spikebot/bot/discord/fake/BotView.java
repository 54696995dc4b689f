package spikebot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What Discord lets the bot see of what happens, per its gateway documentation. An event reaches the bot only under
 * the intent that carries it (MESSAGE_* under {@code GUILD_MESSAGES}, THREAD_* under {@code GUILDS}) and only for a
 * channel it can view (a private thread: as a member or with Manage Threads). Without the Message Content intent a
 * message's {@code content}, {@code embeds}, {@code attachments}, {@code components} and {@code poll} are empty,
 * except in the bot's own messages and messages that mention it (and, not modelled here, DMs and the target of a
 * message command). Over the gateway that follows the intents the bot identified with; over REST it follows the
 * Developer Portal switch ({@link #portalContentIntent}), as Discord's "HTTP Restrictions" say they are independent
 * of the intents passed when identifying.
 */
final class BotView {
    static final long GUILDS = 1;
    static final long GUILD_MESSAGES = 1 << 9;
    static final long MESSAGE_CONTENT = 1 << 15;

    private final FakeDiscord discord;
    private final FakeWorld world;
    /** The Developer Portal's Message Content switch; off, IDENTIFY with the intent is refused and REST blanks. */
    private volatile boolean portalContentIntent = true;

    BotView(FakeDiscord discord, FakeWorld world) {
        this.discord = discord;
        this.world = world;
    }

    void portalContentIntentOff() {
        portalContentIntent = false;
    }

    private long intents() {
        JsonNode identify = discord.identify();
        return identify == null ? 0 : identify.path("intents").asLong();
    }

    /** MESSAGE_CREATE or MESSAGE_UPDATE of a message, when the bot is to get it, with what it may read. */
    void message(String type, ObjectNode message) {
        long channelId = message.get("channel_id").asLong();
        if ((intents() & GUILD_MESSAGES) == 0 || !world.canView(FakeWorld.BOT.id(), channelId)) return;
        ObjectNode event = message.deepCopy();
        event.put("channel_type", world.channel(channelId).type.id);
        discord.dispatch(type, (intents() & MESSAGE_CONTENT) != 0 ? event : blanked(event));
    }

    /** MESSAGE_DELETE or MESSAGE_DELETE_BULK in a channel, when the bot is to get it. */
    void deleted(String type, long channelId, ObjectNode payload) {
        if ((intents() & GUILD_MESSAGES) == 0 || !world.canView(FakeWorld.BOT.id(), channelId)) return;
        discord.dispatch(type, payload);
    }

    /** A THREAD_* event about a thread (or THREAD_LIST_SYNC about a channel), when the bot is to get it. */
    void thread(String type, long channelId, ObjectNode payload) {
        if ((intents() & GUILDS) == 0 || !world.canView(FakeWorld.BOT.id(), channelId)) return;
        discord.dispatch(type, payload);
    }

    /** An admin's new overwrites: CHANNEL_UPDATE, and THREAD_LIST_SYNC when the bot can now view the channel. */
    void setOverwrites(long channelId, java.util.List<FakeWorld.Overwrite> overwrites) {
        boolean sawBefore = world.canView(FakeWorld.BOT.id(), channelId);
        world.setOverwrites(channelId, overwrites);
        channelUpdated(world.channel(channelId));
        if (!sawBefore && world.canView(FakeWorld.BOT.id(), channelId)) gainedAccess(channelId);
    }

    /** CHANNEL_UPDATE (under GUILDS; a channel the bot cannot view comes obfuscated, see {@link WorldJson}). */
    void channelUpdated(FakeWorld.Channel channel) {
        if ((intents() & GUILDS) != 0) discord.dispatch("CHANNEL_UPDATE", world.json().channelJson(channel));
    }

    /**
     * The bot can now view a channel it could not: Discord sends THREAD_LIST_SYNC with the channel's active threads
     * it may see and its thread members (losing access sends nothing thread-specific, only the change's own event).
     */
    private void gainedAccess(long channelId) {
        FakeWorld.Channel channel = world.channel(channelId);
        ObjectNode sync = FakeWorld.JSON.createObjectNode().put("guild_id", FakeWorld.id(channel.guildId));
        sync.putArray("channel_ids").add(FakeWorld.id(channelId));
        var threads = sync.putArray("threads");
        var members = sync.putArray("members");
        for (FakeWorld.Channel thread : world.threadsOf(channelId)) {
            if (thread.archived || !world.canView(FakeWorld.BOT.id(), thread.id)) continue;
            threads.add(world.json().channelJson(thread));
            if (thread.members.contains(FakeWorld.BOT.id())) {
                members.add(world.json().threadMemberJson(thread, FakeWorld.BOT.id()));
            }
        }
        thread("THREAD_LIST_SYNC", channelId, sync);
    }

    /** A message as REST returns it to the bot: blanked when the portal's Message Content switch is off. */
    ObjectNode overRest(ObjectNode message) {
        return portalContentIntent ? message : blanked(message);
    }

    /** The message with its user-written parts emptied, unless the bot wrote it or is mentioned in it. */
    static ObjectNode blanked(ObjectNode message) {
        if (message.get("referenced_message") instanceof ObjectNode referenced) {
            message.set("referenced_message", blanked(referenced));
        }
        if (readableAnyway(message)) return message;
        message.put("content", "");
        message.putArray("embeds");
        message.putArray("attachments");
        message.putArray("components");
        message.remove("poll");
        return message;
    }

    private static boolean readableAnyway(JsonNode message) {
        String bot = FakeWorld.id(FakeWorld.BOT.id());
        if (bot.equals(message.path("author").path("id").asText())) return true;
        for (JsonNode mentioned : message.path("mentions")) {
            if (bot.equals(mentioned.path("id").asText())) return true;
        }
        return false;
    }
}
