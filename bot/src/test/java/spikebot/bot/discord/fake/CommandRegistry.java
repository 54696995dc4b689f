package spikebot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static spikebot.bot.discord.fake.FakeWorld.JSON;
import static spikebot.bot.discord.fake.FakeWorld.id;

/** The application commands the bot registered, as Discord keeps them: a bulk overwrite replaces the whole set. */
final class CommandRegistry {
    /** By name: global ones under key 0, guild ones under the guild id. */
    private final Map<Long, Map<String, ObjectNode>> commands = new ConcurrentHashMap<>();
    private final FakeWorld world;

    CommandRegistry(FakeWorld world) {
        this.world = world;
    }

    /** PUT applications/{app}/(guilds/{guild}/)commands: the new set, with the ids Discord gives. */
    ArrayNode overwrite(long scope, JsonNode body) {
        Map<String, ObjectNode> byName = new LinkedHashMap<>();
        ArrayNode answer = JSON.createArrayNode();
        for (JsonNode command : body) {
            ObjectNode registered = command.deepCopy();
            registered.put("id", id(world.newId()));
            registered.put("application_id", id(FakeWorld.APPLICATION_ID));
            if (!registered.has("type")) registered.put("type", 1);
            if (!registered.has("description")) registered.put("description", ""); // message commands
            for (String field : List.of("contexts", "integration_types")) { // sent as strings, answered as numbers
                if (registered.has(field)) {
                    ArrayNode numbers = JSON.createArrayNode();
                    registered.get(field).forEach(v -> numbers.add(v.asInt()));
                    registered.set(field, numbers);
                }
            }
            if (scope != 0) registered.put("guild_id", id(scope));
            registered.put("version", id(world.newId()));
            byName.put(registered.get("name").asText(), registered);
            answer.add(registered);
        }
        commands.put(scope, Map.copyOf(byName));
        return answer;
    }

    ArrayNode list(long scope) {
        ArrayNode answer = JSON.createArrayNode();
        commands.getOrDefault(scope, Map.of()).values().forEach(answer::add);
        return answer;
    }

    Map<String, ObjectNode> registered(long scope) {
        return commands.getOrDefault(scope, Map.of());
    }

    /** The command a user in this guild can run under this name (the guild's own first, then global ones). */
    ObjectNode find(long guildId, String name) {
        for (long scope : new long[]{guildId, 0}) {
            ObjectNode command = commands.getOrDefault(scope, Map.of()).get(name);
            if (command != null) return command;
        }
        throw new AssertionError("the bot did not register a command named '" + name + "'; it registered "
                + commands);
    }
}
