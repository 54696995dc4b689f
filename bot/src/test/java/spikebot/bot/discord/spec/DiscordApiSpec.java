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

    /**
     * What is wrong with a request the bot sent: each "field: rule"; empty when Discord's API takes it. The query's
     * parameters that the operation declares must be valid under their schemas (a query's values are strings:
     * digits stand for integers, {@code true}/{@code false} for booleans; a {@code date-time} must be ISO 8601 with
     * an offset); others are ignored, as by Discord.
     */
    public List<String> request(String method, String path, Map<String, String> query, JsonNode body) {
        Optional<Operation> op = operation(method, path);
        if (op.isEmpty()) return List.of(method + " " + path + ": no such operation in Discord's API (path, method)");
        List<String> wrong = new ArrayList<>(query(op.get(), method, query));
        wrong.addAll(body(op.get(), method, body));
        return wrong;
    }

    private List<String> query(Operation op, String method, Map<String, String> query) {
        Map<String, JsonNode> declared = new java.util.HashMap<>();
        JsonNode operation = op.node().path(method.toLowerCase(java.util.Locale.ROOT));
        for (JsonNode parameters : List.of(op.node().path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : parameters) {
                parameter = resolve(parameter);
                if (parameter.path("in").asText().equals("query")) {
                    declared.put(parameter.path("name").asText(), parameter.path("schema"));
                }
            }
        }
        List<String> wrong = new ArrayList<>();
        query.forEach((name, value) -> {
            JsonNode schema = declared.get(name);
            // Discord ignores parameters an operation does not take (JDA sends wait=true when editing @original).
            if (schema == null) return;
            JsonNode resolved = resolve(schema);
            JsonNode typed = (value.equals("true") || value.equals("false"))
                    && resolved.path("type").asText().equals("boolean")
                    ? com.fasterxml.jackson.databind.node.BooleanNode.valueOf(Boolean.parseBoolean(value))
                    : com.fasterxml.jackson.databind.node.TextNode.valueOf(value);
            wrong.addAll(requests.validate(typed, schema, "query." + name));
            if (resolved.path("format").asText().equals("date-time")) {
                try {
                    java.time.OffsetDateTime.parse(value);
                } catch (java.time.format.DateTimeParseException e) {
                    wrong.add("query." + name + ": '" + value + "' is not an ISO 8601 date-time with offset (format)");
                }
            }
        });
        return wrong;
    }

    private List<String> body(Operation op, String method, JsonNode body) {
        JsonNode requestBody = resolve(op.node().path(method.toLowerCase(java.util.Locale.ROOT))
                .path("requestBody"));
        if (body.isMissingNode()) {
            return requestBody.path("required").asBoolean(false) ? List.of("body: missing (requestBody required)")
                    : List.of();
        }
        JsonNode schema = requestBody.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) return List.of("body: " + method + " " + op.template() + " takes none");
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
        return answers.validate(withoutFieldErrors(body), schema, "answer");
    }

    /**
     * An error answer without its field errors: Discord's reference documents them with string codes
     * ({@code "_errors": [{"code": "BASE_TYPE_REQUIRED", ...}]}) where its API description reuses the integer-coded
     * {@code Error} for them. The fake follows the documented answer; the rest of the error is still checked.
     */
    private static JsonNode withoutFieldErrors(JsonNode body) {
        if (!(body instanceof com.fasterxml.jackson.databind.node.ObjectNode object) || !object.has("errors")) {
            return body;
        }
        return object.deepCopy().without("errors");
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) node = spec.at(node.get("$ref").asText().substring(1));
        return node;
    }
}
