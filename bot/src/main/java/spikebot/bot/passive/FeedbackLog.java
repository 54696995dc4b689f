package spikebot.bot.passive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import spikebot.knowledge.DurableFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Passive answers and what people thought of them, one JSON object a line ({@code feedback.jsonl} in the guild's
 * state folder): the record that tells whether passive answers help or annoy, and which notes they surface.
 * Appended, not rewritten ({@link DurableFiles#appendLine} says why): a crash costs at most the last, partial line.
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
            line = JSON.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        DurableFiles.appendLine(file, line);
    }
}
