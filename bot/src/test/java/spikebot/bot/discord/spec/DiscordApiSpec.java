package spikebot.bot.discord.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Discord's own OpenAPI 3.1 description of its HTTP API ({@code discord/discord-api-spec}), kept beside the
 * repository like the evaluation data: {@code ../shared/discord-api-spec/openapi.json} seen from the repository
 * root (CI), or from any folder above the tests' working folder, or where the system property
 * {@code discord.api.spec} or the environment variable {@code DISCORD_API_SPEC} points. Every request the bot sends
 * to the fake Discord is checked against it (the operation exists; the body validates against its schema), and so
 * is every answer of the fake (against the operation's response schema for that status).
 */
public final class DiscordApiSpec {
    private static final String RELATIVE = "shared/discord-api-spec/openapi.json";
    private static volatile Optional<DiscordApiSpec> loaded;

    private record Operation(String template, Pattern pattern, int literals, JsonNode node) {
    }

    private final JsonNode spec;
    private final SchemaValidator requests;
    private final SchemaValidator answers;
    private final List<Operation> operations = new ArrayList<>();

    private DiscordApiSpec(JsonNode spec) {
        this.spec = spec;
        this.requests = new SchemaValidator(spec, true);
        this.answers = new SchemaValidator(spec, false);
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("paths").properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            String template = path.getKey().substring(1);
            StringBuilder regex = new StringBuilder();
            int literals = 0;
            for (String segment : template.split("/")) {
                if (!regex.isEmpty()) regex.append('/');
                if (segment.startsWith("{")) {
                    regex.append("[^/]+");
                } else {
                    regex.append(Pattern.quote(segment));
                    literals++;
                }
            }
            operations.add(new Operation(template, Pattern.compile(regex.toString()), literals, path.getValue()));
        }
    }

    /** The spec, loaded once; empty when it is not there (see {@link #whereLooked()}). */
    public static Optional<DiscordApiSpec> find() {
        if (loaded == null) {
            synchronized (DiscordApiSpec.class) {
                if (loaded == null) loaded = locate().map(DiscordApiSpec::load);
            }
        }
        return loaded;
    }

    private static Optional<Path> locate() {
        String given = System.getProperty("discord.api.spec", System.getenv("DISCORD_API_SPEC"));
        if (given != null && !given.isBlank()) return Optional.of(Path.of(given)).filter(Files::isRegularFile);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** Where the spec is looked for, to say plainly why the check was skipped. */
    public static String whereLooked() {
        return "../" + RELATIVE + " above " + Path.of("").toAbsolutePath()
                + ", or -Ddiscord.api.spec / DISCORD_API_SPEC";
    }

    private static DiscordApiSpec load(Path file) {
        try {
            return new DiscordApiSpec(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable Discord API spec " + file, e);
        }
    }

    /** The operation for a request path (relative to /api/v10, no query), the most specific template first. */
    private Optional<Operation> operation(String method, String path) {
        Operation best = null;
        for (Operation op : operations) {
            if (!op.node().has(method.toLowerCase(java.util.Locale.ROOT))) continue;
            if (!op.pattern().matcher(path).matches()) continue;
            if (best == null || op.literals() > best.literals()) best = op;
        }
        return Optional.ofNullable(best);
    }

    /** What is wrong with a request the bot sent: each "field: rule"; empty when Discord's API takes it. */
    public List<String> request(String method, String path, JsonNode body) {
        Optional<Operation> op = operation(method, path);
        if (op.isEmpty()) return List.of(method + " " + path + ": no such operation in Discord's API (path, method)");
        JsonNode requestBody = resolve(op.get().node().path(method.toLowerCase(java.util.Locale.ROOT))
                .path("requestBody"));
        if (body.isMissingNode()) {
            return requestBody.path("required").asBoolean(false) ? List.of("body: missing (requestBody required)")
                    : List.of();
        }
        JsonNode schema = requestBody.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) return List.of("body: " + method + " " + op.get().template() + " takes none");
        return requests.validate(body, schema, "body");
    }

    /** What is wrong with an answer of the fake: each "field: rule"; empty when Discord could have given it. */
    public List<String> response(String method, String path, int status, JsonNode body) {
        Optional<Operation> op = operation(method, path);
        if (op.isEmpty()) return List.of();
        JsonNode responses = op.get().node().path(method.toLowerCase(java.util.Locale.ROOT)).path("responses");
        JsonNode answer = responses.path(Integer.toString(status));
        if (answer.isMissingNode()) answer = responses.path(status / 100 + "XX");
        if (answer.isMissingNode()) {
            return List.of("status " + status + ": not an answer of " + method + " " + op.get().template());
        }
        JsonNode schema = resolve(answer).path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return body.isMissingNode() ? List.of() : List.of("answer: status " + status + " has no body in the spec");
        }
        if (body.isMissingNode()) return List.of("answer: missing (status " + status + " has a body)");
        return answers.validate(body, schema, "answer");
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) node = spec.at(node.get("$ref").asText().substring(1));
        return node;
    }
}
