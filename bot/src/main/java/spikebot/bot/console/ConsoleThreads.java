package spikebot.bot.console;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import spikebot.knowledge.DurableFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's channels and threads by id, with their names and parents. Kept in {@code <kb>/.spikebot/
 * console-threads.json}, so that after a restart a spike's thread still has its name ({@code threads} lists it,
 * {@code go} enters it, {@code /spike list} shows it) instead of a bare id. Discord keeps this on its side.
 */
final class ConsoleThreads {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A thread as saved: its name and the channel it was opened in. */
    record Saved(String name, String parent) {
    }

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> parents = new LinkedHashMap<>();
    private Path file;

    ConsoleThreads(String general) {
        names.put(general, "general");
    }

    /** Takes up the threads of earlier sessions on this knowledge base; an unreadable file is started afresh. */
    void load(Path stateDir) {
        file = stateDir.resolve("console-threads.json");
        if (!Files.isRegularFile(file)) return;
        try {
            Map<String, Saved> saved = JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Saved>>() {
            });
            saved.forEach((id, s) -> {
                if (s != null && s.name() != null && s.parent() != null) {
                    names.put(id, s.name());
                    parents.put(id, s.parent());
                }
            });
        } catch (IOException e) {
            // a half-written or hand-edited file: the names of old threads are lost, nothing else
        }
    }

    /** Records a new thread, saved at once. */
    void open(String id, String name, String parent) throws IOException {
        names.put(id, name);
        parents.put(id, parent);
        if (file == null) return;
        Map<String, Saved> saved = new LinkedHashMap<>();
        parents.forEach((thread, channel) -> saved.put(thread, new Saved(names.get(thread), channel)));
        Files.createDirectories(file.getParent());
        DurableFiles.replace(file, JSON.writeValueAsBytes(saved));
    }

    /** The name of a channel or thread, or its id when unknown. */
    String name(String id) {
        return names.getOrDefault(id, id);
    }

    /** The channel a thread is in; null for a channel. */
    String parent(String id) {
        return parents.get(id);
    }

    /** The id of the channel or thread with this id or name (case aside), or null. */
    String find(String wanted) {
        for (var e : names.entrySet()) {
            if (e.getKey().equals(wanted) || e.getValue().equalsIgnoreCase(wanted)) return e.getKey();
        }
        return null;
    }

    List<String> threads() {
        return List.copyOf(parents.keySet());
    }
}
