package spikebot.knowledge.spike;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import spikebot.knowledge.DurableFiles;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Open spikes on disk, one JSON file each ({@code <id>.json}) in a folder beside the knowledge base, so that
 * deadlines, checklists, findings and fired reminders survive a restart. Each save replaces the file through
 * {@link DurableFiles#replace}: a crash leaves the old state or the new, never half of one.
 */
public final class SpikeStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path folder;

    public SpikeStore(Path folder) {
        this.folder = folder;
    }

    /** What {@link #load()} found: the open spikes, and each file that could not be read (kept, not deleted). */
    public record Loaded(List<Spike> spikes, List<String> problems) {
    }

    public Loaded load() throws IOException {
        List<Spike> spikes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) return new Loaded(spikes, problems);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : files) {
                try {
                    spikes.add(JSON.readValue(file.toFile(), Spike.class));
                } catch (IOException | RuntimeException e) {
                    problems.add(file.getFileName() + ": " + e.getMessage().lines().findFirst().orElse(""));
                }
            }
        }
        spikes.sort(java.util.Comparator.comparing(Spike::started).thenComparing(Spike::id));
        return new Loaded(spikes, problems);
    }

    /** Writes the spike's state; returns once it is durable. */
    public void save(Spike spike) throws IOException {
        DurableFiles.replace(file(spike.id()), JSON.writeValueAsBytes(spike));
    }

    /** Forgets a spike once its note is written. */
    public void delete(String id) throws IOException {
        DurableFiles.delete(file(id));
    }

    private Path file(String id) {
        if (!id.matches("[a-z0-9-]{1,40}")) throw new IllegalArgumentException("bad spike id: " + id);
        return folder.resolve(id + ".json");
    }
}
