package spikebot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One REST request the bot made to the fake Discord, with its JSON payload ({@code payload_json} for multipart
 * bodies; a missing node when there was no body), and the HTTP status the fake answered with.
 *
 * @param path  the path after the API base, without query, e.g. {@code channels/123/messages}
 * @param nanos when the fake received it ({@link System#nanoTime()}), to measure how fast the bot answered
 */
public record RecordedCall(String method, String path, String query, JsonNode body, int status, long nanos) {

    /** Whether method and path match, the path given as a regular expression ({@code \d+} for ids). */
    public boolean is(String method, String pathRegex) {
        return this.method.equals(method) && PATTERNS.computeIfAbsent(pathRegex, Pattern::compile).matcher(path)
                .matches();
    }

    /** Compiled once: tests match every recorded call against a few patterns, many times over. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    public boolean isInteractionCallback() {
        return is("POST", "interactions/\\d+/[^/]+/callback");
    }

    /** The interaction callback type (4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 choices, 9 modal). */
    public int callbackType() {
        return body.path("type").asInt(-1);
    }

    /**
     * The message this call posts or edits, as sent: a channel message, a webhook (interaction) follow-up or edit,
     * an interaction reply or update, the first message of a forum post. Empty for other calls.
     */
    public Optional<JsonNode> message() {
        if (isInteractionCallback()) {
            return callbackType() == 4 || callbackType() == 7 ? Optional.of(body.path("data")) : Optional.empty();
        }
        if (is("POST", "channels/\\d+/threads")) {
            return body.has("message") ? Optional.of(body.get("message")) : Optional.empty();
        }
        if (is("POST", "channels/\\d+/messages") || is("PATCH", "channels/\\d+/messages/\\d+")
                || is("POST", "webhooks/\\d+/[^/]+") || is("PATCH", "webhooks/\\d+/[^/]+/messages/[^/]+")) {
            return Optional.of(body);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status + " " + body;
    }
}
