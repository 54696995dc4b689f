package spikebot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import static spikebot.bot.discord.fake.FakeWorld.JSON;

/**
 * A recording of the traffic between the bot and every fake Discord of the test run, when the system property
 * {@code fake.discord.record} or the environment variable {@code FAKE_DISCORD_RECORD} names a file: one JSON
 * object a line, appended, for each REST request
 * ({@code {"kind":"rest","seq","test","method","path","query","body","status","response"}}, the path relative to
 * {@code /api/v10} without a leading slash) and each gateway frame ({@code {"kind":"gateway_in"|"gateway_out",
 * "seq","test","frame"}}). No token is ever written: the bot's token (IDENTIFY, RESUME) and interaction tokens (in
 * payloads and webhook paths) are replaced by {@code "[redacted]"}.
 */
final class TrafficRecorder {
    private static final Pattern TOKEN_IN_PATH =
            Pattern.compile("^(interactions/\\d+/|webhooks/\\d+/)[^/?]+");
    private static final AtomicLong SEQ = new AtomicLong();
    private static final BufferedWriter OUT = open();

    private TrafficRecorder() {
    }

    private static BufferedWriter open() {
        String file = System.getProperty("fake.discord.record", System.getenv("FAKE_DISCORD_RECORD"));
        if (file == null || file.isBlank()) return null;
        try {
            Path path = Path.of(file).toAbsolutePath();
            if (path.getParent() != null) Files.createDirectories(path.getParent());
            return Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the fake Discord's traffic to " + file, e);
        }
    }

    /** The first test class on the stack of whoever started a fake; null when there is none. */
    static String callingTest() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(n -> n.endsWith("Test")).findFirst().map(n -> n.substring(n.lastIndexOf('.') + 1))
                .orElse(null));
    }

    static boolean on() {
        return OUT != null;
    }

    static void rest(String test, String method, String path, String query, JsonNode body, int status,
                     JsonNode response) {
        if (OUT == null) return;
        ObjectNode line = start("rest", test);
        line.put("method", method);
        line.put("path", TOKEN_IN_PATH.matcher(path).replaceFirst("$1[redacted]"));
        if (query == null) line.putNull("query"); else line.put("query", query);
        line.set("body", body.isMissingNode() ? JSON.nullNode() : redacted(body));
        line.put("status", status);
        line.set("response", response.isMissingNode() ? JSON.nullNode() : redacted(response));
        write(line);
    }

    static void gateway(String test, boolean in, JsonNode frame) {
        if (OUT == null) return;
        ObjectNode line = start(in ? "gateway_in" : "gateway_out", test);
        line.set("frame", redacted(frame));
        write(line);
    }

    private static ObjectNode start(String kind, String test) {
        ObjectNode line = JSON.createObjectNode();
        line.put("kind", kind);
        line.put("seq", SEQ.incrementAndGet());
        if (test == null) line.putNull("test"); else line.put("test", test);
        return line;
    }

    /** A copy with every field named "token" blanked, at any depth. */
    private static JsonNode redacted(JsonNode node) {
        JsonNode copy = node.deepCopy();
        blank(copy);
        return copy;
    }

    private static void blank(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("token")) object.put("token", "[redacted]");
            object.forEach(TrafficRecorder::blank);
        } else if (node.isArray()) {
            node.forEach(TrafficRecorder::blank);
        }
    }

    private static void write(ObjectNode line) {
        synchronized (TrafficRecorder.class) {
            try {
                OUT.write(line.toString());
                OUT.newLine();
                OUT.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record the fake Discord's traffic", e);
            }
        }
    }
}
