package spikebot.bot.passive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import spikebot.knowledge.DurableFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Passive answers and what people thought of them, one JSON object a line ({@code feedback.jsonl} in the guild's
 * state folder): the record that tells whether passive answers help or annoy, and which notes they surface.
 * Appended, not rewritten ({@link DurableFiles#appendLine} says why): a crash costs at most the last, partial line.
 */
final class FeedbackLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> ENTRY = new TypeReference<>() {
    };
    private final Path file;

    FeedbackLog(Path stateDir) {
        this.file = stateDir.resolve("feedback.jsonl");
    }

    Path file() {
        return file;
    }

    /**
     * Every entry so far, in order; a line that is not a JSON object (a write cut short by a crash) is skipped, so
     * one bad line never loses the rest.
     */
    List<Map<String, Object>> read() throws IOException {
        if (!Files.isRegularFile(file)) return List.of();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            try {
                entries.add(JSON.readValue(line, ENTRY));
            } catch (JsonProcessingException e) {
                // skipped: see above
            }
        }
        return entries;
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
