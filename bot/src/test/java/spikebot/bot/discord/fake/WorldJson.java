package spikebot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.dv8tion.jda.api.Permission;

import java.util.List;

import spikebot.bot.discord.fake.FakeWorld.Channel;
import spikebot.bot.discord.fake.FakeWorld.ChannelType;
import spikebot.bot.discord.fake.FakeWorld.Guild;
import spikebot.bot.discord.fake.FakeWorld.Overwrite;
import spikebot.bot.discord.fake.FakeWorld.Role;
import spikebot.bot.discord.fake.FakeWorld.User;

import static spikebot.bot.discord.fake.FakeWorld.BOT;
import static spikebot.bot.discord.fake.FakeWorld.BOT_ROLE;
import static spikebot.bot.discord.fake.FakeWorld.JSON;
import static spikebot.bot.discord.fake.FakeWorld.OTHER_BOT_ROLE;
import static spikebot.bot.discord.fake.FakeWorld.id;

/** The fake world's users, members, roles, channels, guilds and messages as JSON in the shapes Discord sends. */
final class WorldJson {
    private final FakeWorld world;

    WorldJson(FakeWorld world) {
        this.world = world;
    }

    ObjectNode userJson(User user) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id(user.id()));
        json.put("username", user.name());
        json.put("global_name", user.name());
        json.put("discriminator", "0");
        json.putNull("avatar");
        json.put("bot", user.bot());
        json.put("public_flags", 0);
        json.put("flags", 0);
        json.putNull("primary_guild");
        return json;
    }

    ObjectNode selfUserJson() {
        ObjectNode json = userJson(BOT);
        json.put("verified", true);
        json.put("mfa_enabled", false);
        json.put("locale", "en-US");
        json.put("flags", 0);
        return json;
    }

    ObjectNode memberJson(long guildId, User user, boolean withUser) {
        ObjectNode json = JSON.createObjectNode();
        if (withUser) json.set("user", userJson(user));
        ArrayNode roles = json.putArray("roles");
        world.guild(guildId).memberRoles().getOrDefault(user.id(), List.of()).forEach(r -> roles.add(id(r)));
        json.putNull("nick");
        json.putNull("avatar");
        json.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        json.putNull("premium_since");
        json.put("deaf", false);
        json.put("mute", false);
        json.put("pending", false);
        json.put("flags", 0);
        json.putNull("communication_disabled_until");
        json.putNull("banner");
        return json;
    }

    ObjectNode roleJson(Role role) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id(role.id()));
        json.put("name", role.name());
        json.put("color", 0);
        ObjectNode colors = json.putObject("colors");
        colors.put("primary_color", 0);
        colors.putNull("secondary_color");
        colors.putNull("tertiary_color");
        json.put("hoist", false);
        json.put("position", role.position());
        json.put("permissions", Long.toString(Permission.getRaw(role.permissions())));
        json.put("managed", role.id() == BOT_ROLE || role.id() == OTHER_BOT_ROLE);
        json.put("mentionable", false);
        json.put("flags", 0);
        return json;
    }

    ObjectNode channelJson(Channel channel) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id(channel.id));
        json.put("type", channel.type.id);
        json.put("guild_id", id(channel.guildId));
        json.put("name", channel.name);
        json.put("position", 0);
        json.put("flags", 0);
        json.put("nsfw", false);
        json.put("rate_limit_per_user", 0);
        if (channel.type != ChannelType.CATEGORY && world.permissions(BOT.id(), channel.id)
                .contains(Permission.VIEW_CHANNEL)) {
            // A forum's is its newest post; Discord sends no update when it changes, only MESSAGE_CREATE.
            long last = channel.type == ChannelType.FORUM
                    ? world.threadsOf(channel.id).stream().mapToLong(t -> t.id).max().orElse(0)
                    : world.messages().latest(channel.id);
            if (last == 0) json.putNull("last_message_id"); else json.put("last_message_id", id(last));
        }
        if (channel.isThread()) {
            json.put("parent_id", id(channel.parentId));
            json.put("owner_id", id(channel.ownerId));
            // Discord's approximate member count stops at 50; message_count leaves out the first message.
            json.put("member_count", Math.min(50, channel.members.size()));
            int messages = world.messages().count(channel.id);
            boolean opener = world.messages().find(channel.id)
                    .filter(m -> m.get("channel_id").asLong() == channel.id).isPresent();
            json.put("message_count", Math.max(0, messages - (opener ? 1 : 0)));
            json.put("total_message_sent", channel.totalMessageSent.get());
            ObjectNode meta = json.putObject("thread_metadata");
            meta.put("archived", channel.archived);
            meta.put("auto_archive_duration", channel.autoArchiveMinutes);
            ArrayNode applied = json.putArray("applied_tags");
            channel.appliedTags.forEach(t -> applied.add(id(t)));
            meta.put("archive_timestamp", channel.archiveTimestamp.toString());
            meta.put("locked", channel.locked);
            meta.put("invitable", true);
            meta.put("create_timestamp", channel.createdAt.toString());
        } else if (!world.permissions(FakeWorld.BOT.id(), channel.id).contains(Permission.VIEW_CHANNEL)) {
            // Discord's channel obfuscation for bots: the channel is sent, its details are not.
            json.put("name", "___hidden___");
            json.put("flags", 1 << 17);
            json.putNull("parent_id");
            json.putNull("topic");
            json.putArray("permission_overwrites").addObject().put("id", id(channel.guildId)).put("type", 0)
                    .put("allow", "0").put("deny", Long.toString(Permission.VIEW_CHANNEL.getRawValue()));
        } else {
            if (channel.parentId == 0) json.putNull("parent_id");
            else json.put("parent_id", id(channel.parentId));
            json.putNull("topic");
            ArrayNode overwrites = json.putArray("permission_overwrites");
            for (Overwrite o : channel.overwrites) {
                ObjectNode ow = overwrites.addObject();
                ow.put("id", id(o.id()));
                ow.put("type", o.member() ? 1 : 0);
                ow.put("allow", Long.toString(Permission.getRaw(o.allow())));
                ow.put("deny", Long.toString(Permission.getRaw(o.deny())));
            }
            if (channel.type == ChannelType.FORUM) {
                json.put("flags", channel.requireTag ? 1 << 4 : 0);
                ArrayNode tags = json.putArray("available_tags");
                for (FakeWorld.Tag tag : channel.tags) {
                    tags.addObject().put("id", id(tag.id())).put("name", tag.name()).put("moderated", false)
                            .putNull("emoji_id").putNull("emoji_name");
                }
                json.putNull("default_reaction_emoji");
                json.put("default_sort_order", 0);
                json.put("default_forum_layout", 0);
            }
        }
        return json;
    }

    ObjectNode guildCreateJson(Guild guild) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id(guild.id()));
        json.put("name", guild.name());
        json.putNull("icon");
        json.put("owner_id", id(guild.ownerId()));
        json.put("preferred_locale", "en-US");
        json.put("unavailable", false);
        json.put("large", false);
        json.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        json.put("member_count", guild.memberRoles().size());
        json.put("afk_timeout", 300);
        json.put("verification_level", 0);
        json.put("default_message_notifications", 0);
        json.put("explicit_content_filter", 0);
        json.put("mfa_level", 0);
        json.put("nsfw_level", 0);
        json.put("premium_tier", 0);
        json.putNull("system_channel_id");
        json.putNull("afk_channel_id");
        json.putArray("features");
        ArrayNode roles = json.putArray("roles");
        guild.roles().forEach(r -> roles.add(roleJson(r)));
        ArrayNode chans = json.putArray("channels");
        guild.channels().forEach(c -> chans.add(channelJson(c)));
        ArrayNode threads = json.putArray("threads");
        // Only the active threads the bot may view, each with the bot's thread member when it joined.
        world.threads().active(guild.id()).stream().filter(c -> world.canView(FakeWorld.BOT.id(), c.id)).forEach(c -> {
            ObjectNode thread = channelJson(c);
            if (c.members.contains(FakeWorld.BOT.id())) thread.set("member", threadMemberJson(c, FakeWorld.BOT.id()));
            threads.add(thread);
        });
        ArrayNode members = json.putArray("members");
        guild.memberRoles().keySet().stream().sorted()
                .forEach(u -> members.add(memberJson(guild.id(), world.user(u), true)));
        json.putArray("voice_states");
        json.putArray("presences");
        json.putArray("emojis");
        json.putArray("stickers");
        json.putArray("guild_scheduled_events");
        json.putArray("stage_instances");
        json.putArray("soundboard_sounds");
        return json;
    }

    /** A message as Discord returns it, built from what the bot sent (content, embeds, components, flags). */
    ObjectNode messageJson(long channelId, long messageId, User author, JsonNode sent) {
        Channel channel = world.channel(channelId);
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id(messageId));
        json.put("channel_id", id(channelId));
        json.put("guild_id", id(channel.guildId));
        json.set("author", userJson(author));
        if (!author.bot()) json.set("member", memberJson(channel.guildId, author, false));
        json.put("content", sent.path("content").asText(""));
        json.put("timestamp", FakeWorld.createdAt(messageId).toString());
        json.putNull("edited_timestamp");
        json.put("tts", false);
        json.put("mention_everyone", false);
        json.putArray("mentions");
        json.putArray("mention_roles");
        json.putArray("attachments");
        ArrayNode embeds = json.putArray("embeds");
        for (JsonNode embed : sent.path("embeds")) {
            ObjectNode copy = embed.deepCopy();
            if (!copy.has("type")) copy.put("type", "rich");
            embeds.add(copy);
        }
        ArrayNode components = sent.has("components") ? sent.get("components").deepCopy() : JSON.createArrayNode();
        numberComponents(components, new int[]{0});
        json.set("components", components);
        json.put("pinned", false);
        json.put("type", 0);
        json.put("flags", sent.path("flags").asInt(0));
        return json;
    }

    /** A file on a message, as Discord describes it: its CDN url and media proxy url carry the channel and id. */
    ObjectNode attachmentJson(long attachmentId, long channelId, Conversations.Attachment file) {
        String path = "/attachments/" + id(channelId) + "/" + id(attachmentId) + "/" + file.filename();
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id(attachmentId));
        json.put("filename", file.filename());
        json.put("size", file.size());
        json.put("url", "https://cdn.discordapp.com" + path);
        json.put("proxy_url", "https://media.discordapp.net" + path);
        json.put("content_type", file.contentType());
        return json;
    }

    /** MESSAGE_DELETE's payload. */
    ObjectNode deletedJson(long channelId, long messageId) {
        return JSON.createObjectNode().put("id", id(messageId)).put("channel_id", id(channelId))
                .put("guild_id", id(world.channel(channelId).guildId));
    }

    /** MESSAGE_DELETE_BULK's payload. */
    ObjectNode bulkDeletedJson(long channelId, List<Long> ids) {
        ObjectNode json = JSON.createObjectNode();
        ArrayNode array = json.putArray("ids");
        ids.forEach(i -> array.add(id(i)));
        return json.put("channel_id", id(channelId)).put("guild_id", id(world.channel(channelId).guildId));
    }

    /** Points a message at another (a reply, a pin notice, a thread's starter) and carries the other along. */
    static void refer(ObjectNode message, ObjectNode referred) {
        message.putObject("message_reference").put("type", 0).put("message_id", referred.get("id").asText())
                .put("channel_id", referred.get("channel_id").asText())
                .put("guild_id", referred.get("guild_id").asText());
        message.set("referenced_message", referred.deepCopy().without("referenced_message"));
    }

    /** A thread member (the thread, the user, when they joined), as Discord lists them with threads. */
    ObjectNode threadMemberJson(Channel thread, long userId) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id(thread.id));
        json.put("user_id", id(userId));
        json.put("join_timestamp", thread.createdAt.toString());
        json.put("flags", 0);
        return json;
    }

    /** Discord gives every component of a message a number, in order, where the sender gave none. */
    static void numberComponents(JsonNode components, int[] next) {
        for (JsonNode c : components) {
            ObjectNode component = (ObjectNode) c;
            if (!component.has("id")) component.put("id", ++next[0]);
            else next[0] = Math.max(next[0], component.get("id").asInt());
            numberComponents(component.path("components"), next);
        }
    }
}
