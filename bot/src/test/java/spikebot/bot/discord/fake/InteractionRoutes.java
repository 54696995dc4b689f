package spikebot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.MockResponse;

import java.time.Clock;
import java.time.Duration;

import static spikebot.bot.discord.fake.FakeWorld.JSON;
import static spikebot.bot.discord.fake.FakeWorld.id;
import static spikebot.bot.discord.fake.RestRoutes.error;
import static spikebot.bot.discord.fake.RestRoutes.noContent;
import static spikebot.bot.discord.fake.RestRoutes.ok;

/**
 * An interaction's callback and its webhook (follow-ups, the original response), as Discord answers them:
 * <ul>
 *   <li>one callback per interaction (types 4 to 9), within {@link #CALLBACK_WINDOW} of the interaction's creation
 *       (the time in its snowflake id), else {@code 404 10062 Unknown interaction};</li>
 *   <li>the webhook works for {@link #TOKEN_LIFETIME}, then {@code 401 50027 Invalid Webhook Token};</li>
 *   <li>after a deferred reply (type 5), the first follow-up does not make a message of its own: it replaces the
 *       "thinking…" message and keeps that message's visibility, whatever flags it carries (Discord's documented
 *       behaviour, kept for backwards compatibility); so does an edit of {@code @original}.</li>
 * </ul>
 * Time is the fake's clock, which tests move by hand.
 */
final class InteractionRoutes {
    static final Duration CALLBACK_WINDOW = Duration.ofSeconds(3);
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

    private final FakeWorld world;
    private final FakeUsers users;
    private final Clock clock;

    InteractionRoutes(FakeWorld world, FakeUsers users, Clock clock) {
        this.world = world;
        this.users = users;
        this.clock = clock;
    }

    private boolean older(FakeInteraction interaction, Duration limit) {
        return Duration.between(interaction.created(), clock.instant()).compareTo(limit) > 0;
    }

    MockResponse callback(String token, JsonNode body) {
        FakeInteraction interaction = users.interaction(token);
        if (interaction == null || older(interaction, CALLBACK_WINDOW)) {
            return error(404, 10062, "Unknown interaction");
        }
        if (!interaction.acknowledge()) return error(400, 40060, "Interaction has already been acknowledged.");
        int type = body.path("type").asInt();
        JsonNode data = body.path("data");
        ObjectNode resource = JSON.createObjectNode().put("type", type);
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode about = answer.putObject("interaction").put("id", id(interaction.id())).put("type", interaction.type());
        switch (type) {
            case 4 -> {
                ObjectNode message = responseMessage(interaction, data);
                message.put("application_id", id(FakeWorld.APPLICATION_ID));
                world.messages().remember(message);
                interaction.original(message.get("id").asLong());
                interaction.replied(message.get("id").asLong());
                resource.set("message", message);
            }
            case 5 -> {
                ObjectNode loading = JSON.createObjectNode();
                loading.put("flags", 128 | data.path("flags").asInt(0));
                ObjectNode message = responseMessage(interaction, loading);
                world.messages().remember(message);
                interaction.original(message.get("id").asLong());
                interaction.deferred();
                about.put("response_message_id", message.get("id").asText()).put("response_message_loading", true)
                        .put("response_message_ephemeral", (loading.get("flags").asInt() & 64) != 0);
            }
            case 6 -> interaction.original(interaction.componentMessageId());
            case 7 -> {
                interaction.original(interaction.componentMessageId());
                resource.set("message", world.messages().applyEdit(interaction.componentMessageId(), data,
                        world.now()));
                interaction.replied(interaction.componentMessageId());
            }
            case 8, 9 -> { }
            default -> {
                return error(400, 50035, "Invalid interaction callback type " + type);
            }
        }
        // Discord describes a created or updated message as the resource; a deferral only in the interaction.
        if (resource.has("message")) answer.set("resource", resource);
        return ok(answer);
    }

    private ObjectNode responseMessage(FakeInteraction interaction, JsonNode sent) {
        ObjectNode message = world.json().messageJson(interaction.channelId(), world.newId(), FakeWorld.BOT, sent);
        message.put("type", 20);
        message.put("webhook_id", id(FakeWorld.APPLICATION_ID));
        return message;
    }

    MockResponse followup(String token, JsonNode body) {
        FakeInteraction interaction = users.interaction(token);
        if (interaction == null) return error(404, 10015, "Unknown Webhook");
        if (older(interaction, TOKEN_LIFETIME)) return error(401, 50027, "Invalid Webhook Token");
        if (interaction.takeDeferred()) {
            // Replaces "thinking…": same message, same visibility; the follow-up's own flags are ignored.
            ObjectNode replaced = world.messages().applyEdit(interaction.originalId(), body, world.now());
            interaction.replied(interaction.originalId());
            return ok(replaced);
        }
        ObjectNode message = world.json().messageJson(interaction.channelId(), world.newId(), FakeWorld.BOT, body);
        message.put("webhook_id", id(FakeWorld.APPLICATION_ID));
        message.put("application_id", id(FakeWorld.APPLICATION_ID));
        world.messages().remember(message);
        interaction.replied(message.get("id").asLong());
        return ok(message);
    }

    MockResponse webhookMessage(String method, String token, String messageId, JsonNode body) {
        FakeInteraction interaction = users.interaction(token);
        if (interaction == null) return error(404, 10015, "Unknown Webhook");
        if (older(interaction, TOKEN_LIFETIME)) return error(401, 50027, "Invalid Webhook Token");
        boolean original = messageId.equals("@original");
        long id = original ? interaction.originalId() : Long.parseUnsignedLong(messageId);
        if (id == 0 || world.messages().find(id).isEmpty()) return error(404, 10008, "Unknown Message");
        return switch (method) {
            case "PATCH" -> {
                if (original) interaction.takeDeferred();
                ObjectNode edited = world.messages().applyEdit(id, body, world.now());
                interaction.replied(id);
                yield ok(edited);
            }
            case "DELETE" -> {
                if (original) interaction.takeDeferred();
                world.messages().forget(id);
                yield noContent();
            }
            default -> ok(world.messages().find(id).orElseThrow());
        };
    }
}
