package spikebot.bot.passive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Passive answers and what people thought of them, one JSON object a line ({@code feedback.jsonl} in the guild's
 * state folder): the record that tells whether passive answers help or annoy, and which notes they surface.
 */
final class FeedbackLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    FeedbackLog(Path stateDir) {
        this.file = stateDir.resolve("feedback.jsonl");
    }

    Path file() {
        return file;
    }

    void append(Map<String, Object> entry) throws IOException {
        String line;
        try {
            line = JSON.writeValueAsString(entry) + "\n";
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }
}
