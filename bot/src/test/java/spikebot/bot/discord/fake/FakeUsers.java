package spikebot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.dv8tion.jda.api.Permission;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import static spikebot.bot.discord.fake.FakeWorld.JSON;
import static spikebot.bot.discord.fake.FakeWorld.id;

/**
 * The people in the fake Discord: what they do reaches the bot through the gateway, as from Discord. Slash commands
 * and their options must have been registered by the bot and are typed from that registration; buttons and menus
 * must be on a message the bot posted; a form's fields come from the form the bot showed. {@link #forgeClick} and
 * {@link #forgeModal} send what a modified client could: any custom id. Interactions carry the member's
 * permissions in that channel, computed by {@link FakeWorld#permissions}.
 */
final class FakeUsers {
    private final FakeDiscord discord;
    private final FakeWorld world;
    private final CommandRegistry commands;
    private final Map<String, FakeInteraction> interactions = new ConcurrentHashMap<>();
    /** How long after their creation interactions reach the bot (a gateway backlog); none by default. */
    private volatile Duration late = Duration.ZERO;

    FakeUsers(FakeDiscord discord, FakeWorld world, CommandRegistry commands) {
        this.discord = discord;
        this.world = world;
        this.commands = commands;
    }

    void deliverLate(Duration by) {
        late = by;
    }

    /** The interaction with this token, or null. */
    FakeInteraction interaction(String token) {
        return interactions.get(token);
    }


    /**
     * A user runs a slash command, e.g. {@code slash(ALICE, GENERAL, "spike start", Map.of("topic", "Polars"))}.
     * Option types come from the command the bot registered; an unknown command or option fails the test.
     */
    FakeInteraction slash(FakeWorld.User user, long channelId, String command, Map<String, ?> options) {
        Invocation invocation = invocation(channelId, command);
        ObjectNode resolved = JSON.createObjectNode();
        for (var entry : options.entrySet()) {
            JsonNode option = find(invocation.declared(), entry.getKey(), "option of '" + command + "'");
            invocation.options().add(optionValue(user, option, entry.getValue(), resolved));
        }
        if (!resolved.isEmpty()) invocation.data().set("resolved", resolved);
        return interact(user, channelId, 2, invocation.data(), null);
    }

    /**
     * The interaction data of a registered command, e.g. "spike start": subcommands nested as Discord nests them.
     *
     * @param options  where the innermost command's options go
     * @param declared the options the bot registered for it
     */
    private record Invocation(ObjectNode data, ArrayNode options, JsonNode declared) {
    }

    private Invocation invocation(long channelId, String command) {
        String[] words = command.trim().split("\\s+");
        ObjectNode registered = commands.find(world.channel(channelId).guildId, words[0]);
        ObjectNode data = JSON.createObjectNode();
        data.put("id", registered.get("id").asText());
        data.put("name", words[0]);
        data.put("type", 1);
        JsonNode declared = registered.path("options");
        ArrayNode target = data.putArray("options");
        for (int i = 1; i < words.length; i++) {
            JsonNode sub = find(declared, words[i], "subcommand '" + command + "'");
            ObjectNode subOption = target.addObject();
            subOption.put("name", words[i]);
            subOption.put("type", sub.get("type").asInt());
            target = subOption.putArray("options");
            declared = sub.path("options");
        }
        return new Invocation(data, target, declared);
    }

    /** A user types in an autocompleted option; the reply is the callback with type 8 and its choices. */
    FakeInteraction autocomplete(FakeWorld.User user, long channelId, String command, String focused,
                                        String typed, Map<String, ?> options) {
        Invocation invocation = invocation(channelId, command);
        JsonNode declared = invocation.declared();
        ArrayNode target = invocation.options();
        for (var entry : options.entrySet()) {
            target.add(optionValue(user, find(declared, entry.getKey(), "option"), entry.getValue(),
                    JSON.createObjectNode()));
        }
        JsonNode option = find(declared, focused, "option of '" + command + "'");
        if (!option.path("autocomplete").asBoolean(false)) {
            throw new AssertionError("option '" + focused + "' of '" + command + "' is not registered for autocomplete");
        }
        ObjectNode value = target.addObject();
        value.put("name", focused);
        value.put("type", option.get("type").asInt());
        value.put("value", typed);
        value.put("focused", true);
        return interact(user, channelId, 4, invocation.data(), null);
    }

    /** A user clicks a button on a message the bot posted, found by its label or custom id. */
    FakeInteraction click(FakeWorld.User user, JsonNode message, String labelOrId) {
        JsonNode button = findComponent(message, c -> c.path("type").asInt() == 2
                && (labelOrId.equals(c.path("label").asText()) || labelOrId.equals(c.path("custom_id").asText())),
                "button '" + labelOrId + "'");
        if (button.path("disabled").asBoolean(false)) throw new AssertionError("button '" + labelOrId + "' is disabled");
        ObjectNode data = JSON.createObjectNode();
        data.put("custom_id", button.path("custom_id").asText());
        data.put("component_type", 2);
        return interact(user, message.get("channel_id").asLong(), 3, data, discord.current(message));
    }

    /** A user picks values in a string select menu on a message the bot posted (by custom id or placeholder). */
    FakeInteraction select(FakeWorld.User user, JsonNode message, String idOrPlaceholder, List<String> values) {
        JsonNode menu = findComponent(message, c -> c.path("type").asInt() == 3
                && (idOrPlaceholder.equals(c.path("custom_id").asText())
                || idOrPlaceholder.equals(c.path("placeholder").asText())), "select menu '" + idOrPlaceholder + "'");
        for (String v : values) {
            boolean offered = false;
            for (JsonNode o : menu.path("options")) offered |= v.equals(o.path("value").asText());
            if (!offered) throw new AssertionError("select menu '" + idOrPlaceholder + "' has no option " + v);
        }
        ObjectNode data = JSON.createObjectNode();
        data.put("custom_id", menu.path("custom_id").asText());
        data.put("component_type", 3);
        ArrayNode array = data.putArray("values");
        values.forEach(array::add);
        return interact(user, message.get("channel_id").asLong(), 3, data, discord.current(message));
    }

    /** A click with any custom id on a message the bot posted, as a modified client could send it. */
    FakeInteraction forgeClick(FakeWorld.User user, JsonNode message, String customId) {
        ObjectNode data = JSON.createObjectNode();
        data.put("custom_id", customId);
        data.put("component_type", 2);
        return interact(user, message.get("channel_id").asLong(), 3, data, discord.current(message));
    }

    /** A modal submission with any custom id and fields, never shown by the bot, as a modified client could send. */
    FakeInteraction forgeModal(FakeWorld.User user, long channelId, String customId,
                                      Map<String, String> fields) {
        ObjectNode data = JSON.createObjectNode();
        data.put("custom_id", customId);
        ArrayNode rows = data.putArray("components");
        fields.forEach((id, value) -> {
            ObjectNode row = rows.addObject();
            row.put("type", 18);
            row.put("id", rows.size() * 2 - 1);
            ObjectNode component = row.putObject("component");
            component.put("type", 4);
            component.put("id", rows.size() * 2);
            component.put("custom_id", id);
            component.put("value", value);
        });
        return interact(user, channelId, 5, data, null);
    }

    /**
     * A user fills in and submits the modal that the bot showed in answer to {@code shown}. Fields are given by
     * their custom id; fields left out keep what the bot pre-filled (or stay empty), and a required one left empty
     * fails the test.
     */
    FakeInteraction submitModal(FakeWorld.User user, FakeInteraction shown, Map<String, String> fields) {
        RecordedCall callback = shown.awaitCallback();
        if (callback.callbackType() != 9) throw new AssertionError("the bot did not show a modal but " + callback);
        JsonNode modal = callback.body().path("data");
        ObjectNode data = JSON.createObjectNode();
        data.put("custom_id", modal.path("custom_id").asText());
        ArrayNode rows = data.putArray("components");
        List<String> known = new ArrayList<>();
        for (JsonNode label : modal.path("components")) {
            JsonNode input = label.path("component");
            if (label.path("type").asInt() != 18 || input.path("type").asInt() != 4) continue;
            String inputId = input.path("custom_id").asText();
            known.add(inputId);
            // What a user leaves untouched is submitted as the bot pre-filled it.
            String value = fields.getOrDefault(inputId, input.path("value").asText(""));
            if (value.isEmpty() && input.path("required").asBoolean(true)) {
                throw new AssertionError("modal field '" + inputId + "' is required");
            }
            ObjectNode row = rows.addObject();
            row.put("type", 18);
            row.put("id", label.path("id").asInt(0));
            ObjectNode component = row.putObject("component");
            component.put("type", 4);
            component.put("id", input.path("id").asInt(0));
            component.put("custom_id", inputId);
            component.put("value", value);
        }
        for (String given : fields.keySet()) {
            if (!known.contains(given)) throw new AssertionError("the modal has no field '" + given + "': " + known);
        }
        return interact(user, shown.channelId(), 5, data, null);
    }

    /** A user runs a message context-menu command (e.g. "Save as solution") on a message. */
    FakeInteraction messageCommand(FakeWorld.User user, String name, JsonNode message) {
        long channelId = message.get("channel_id").asLong();
        ObjectNode registered = commands.find(world.channel(channelId).guildId, name);
        if (registered.path("type").asInt() != 3) throw new AssertionError("'" + name + "' is not a message command");
        ObjectNode data = JSON.createObjectNode();
        data.put("id", registered.get("id").asText());
        data.put("name", name);
        data.put("type", 3);
        data.put("target_id", message.get("id").asText());
        data.putObject("resolved").putObject("messages").set(message.get("id").asText(), message.deepCopy());
        return interact(user, channelId, 2, data, null);
    }

    private FakeInteraction interact(FakeWorld.User user, long channelId, int type, ObjectNode data,
                                     ObjectNode message) {
        FakeWorld.Channel channel = world.channel(channelId);
        long interactionId = late.isZero() ? world.newId() : world.newIdAt(world.clock().instant().minus(late));
        String token = "itoken-" + interactionId;
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id(interactionId));
        json.put("application_id", id(FakeWorld.APPLICATION_ID));
        json.put("type", type);
        json.set("data", data);
        json.put("guild_id", id(channel.guildId));
        ObjectNode guild = json.putObject("guild");
        guild.put("id", id(channel.guildId));
        guild.put("locale", "en-US");
        guild.putArray("features");
        json.put("channel_id", id(channelId));
        json.set("channel", world.json().channelJson(channel));
        ObjectNode member = world.json().memberJson(channel.guildId, user, true);
        member.put("permissions", Long.toString(Permission.getRaw(world.permissions(user.id(), channelId))));
        json.set("member", member);
        if (message != null) json.set("message", message);
        json.put("token", token);
        json.put("version", 1);
        json.put("app_permissions", Long.toString(Permission.getRaw(world.permissions(FakeWorld.BOT.id(), channelId))));
        json.put("locale", "en-US");
        json.put("guild_locale", "en-US");
        json.putArray("entitlements");
        json.putObject("authorizing_integration_owners").put("0", id(channel.guildId));
        json.put("context", 0);
        json.put("attachment_size_limit", 10_485_760);
        FakeInteraction interaction = new FakeInteraction(discord, interactionId, token, type, channelId,
                message == null ? 0 : message.get("id").asLong(), FakeWorld.createdAt(interactionId));
        interactions.put(token, interaction);
        discord.dispatch("INTERACTION_CREATE", json);
        return interaction;
    }

    private static JsonNode find(JsonNode declared, String name, String what) {
        for (JsonNode option : declared) {
            if (name.equals(option.path("name").asText())) return option;
        }
        throw new AssertionError("no " + what + " named '" + name + "' was registered: " + declared);
    }

    /**
     * An option's value as Discord sends it. A user (type 6) is given as a {@link FakeWorld.User}, a channel (type
     * 7) by its id: the picker offers only channels of the registered {@code channel_types} that the user can view,
     * and Discord resolves the pick to a partial channel with the user's permissions there.
     */
    private ObjectNode optionValue(FakeWorld.User by, JsonNode declared, Object value, ObjectNode resolved) {
        ObjectNode option = JSON.createObjectNode();
        option.put("name", declared.get("name").asText());
        int type = declared.get("type").asInt();
        option.put("type", type);
        switch (type) {
            case 3 -> option.put("value", String.valueOf(value));
            case 4 -> option.put("value", ((Number) value).longValue());
            case 5 -> option.put("value", (Boolean) value);
            case 10 -> option.put("value", ((Number) value).doubleValue());
            case 6 -> {
                FakeWorld.User user = (FakeWorld.User) value;
                option.put("value", id(user.id()));
                resolved.withObjectProperty("users").set(id(user.id()), world.json().userJson(user));
            }
            case 7 -> {
                FakeWorld.Channel channel = world.channel((Long) value);
                pickable(by, declared, channel);
                option.put("value", id(channel.id));
                resolved.withObjectProperty("channels").set(id(channel.id), resolvedChannel(by, channel));
            }
            default -> throw new AssertionError("the fake does not support option type " + type);
        }
        if (type == 3 && declared.has("choices") && !declared.get("choices").isEmpty()) {
            boolean offered = false;
            for (JsonNode c : declared.get("choices")) offered |= c.path("value").asText().equals(value);
            if (!offered) throw new AssertionError("'" + value + "' is not a choice of option " + declared);
        }
        return option;
    }

    private void pickable(FakeWorld.User by, JsonNode declared, FakeWorld.Channel channel) {
        boolean typeOffered = !declared.has("channel_types");
        for (JsonNode t : declared.path("channel_types")) typeOffered |= t.asInt() == channel.type.id;
        if (!typeOffered || !world.canView(by.id(), channel.id)) {
            throw new AssertionError("the picker of option '" + declared.get("name").asText() + "' does not offer #"
                    + channel.name + " to " + by.name() + " (types " + declared.path("channel_types") + ")");
        }
    }

    /** Discord's partial channel in {@code resolved.channels}: id, name, type, the user's permissions there. */
    private ObjectNode resolvedChannel(FakeWorld.User by, FakeWorld.Channel channel) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id(channel.id));
        json.put("name", channel.name);
        json.put("type", channel.type.id);
        json.put("permissions", Long.toString(Permission.getRaw(world.permissions(by.id(), channel.id))));
        if (channel.isThread()) {
            json.put("parent_id", id(channel.parentId));
            json.set("thread_metadata", world.json().channelJson(channel).get("thread_metadata"));
        }
        return json;
    }

    private static JsonNode findComponent(JsonNode message, Predicate<JsonNode> matches, String what) {
        List<JsonNode> all = new ArrayList<>();
        collect(message.path("components"), all);
        for (JsonNode c : all) if (matches.test(c)) return c;
        throw new AssertionError("no " + what + " on message " + message.path("id") + ": " + message.path("components"));
    }

    private static void collect(JsonNode components, List<JsonNode> into) {
        for (JsonNode c : components) {
            into.add(c);
            collect(c.path("components"), into);
            if (c.has("component")) collect(JSON.createArrayNode().add(c.get("component")), into);
            if (c.has("accessory")) collect(JSON.createArrayNode().add(c.get("accessory")), into);
        }
    }
}
