package spikebot.bot.capture;

import spikebot.knowledge.DurableFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * One guild's capture settings, each durable the moment it changes: the channels captured
 * ({@code <state>/capture/channels.json}) and the import under way ({@code <state>/capture/import.json}), so that a
 * restart resumes it. Channels are readable from any thread ({@code /spikebot status} holds no lock).
 */
final class CaptureSettings {
    /**
     * An import under way, as a restart must find it.
     *
     * @param reportChannel where its progress message is posted (where {@code /spikebot import} was used)
     * @param messageId     that message, once the platform said where it landed; null before
     */
    record Import(String channelId, LocalDate since, String reportChannel, String messageId) {
        Import withMessage(String id) {
            return new Import(channelId, since, reportChannel, id);
        }
    }

    private final Path channelsFile;
    private final Path importFile;
    private final Set<String> channels = new ConcurrentSkipListSet<>();

    private CaptureSettings(Path captureDir) {
        this.channelsFile = captureDir.resolve("channels.json");
        this.importFile = captureDir.resolve("import.json");
    }

    static CaptureSettings open(Path stateDir) throws IOException {
        CaptureSettings settings = new CaptureSettings(stateDir.resolve("capture"));
        if (Files.isRegularFile(settings.channelsFile)) {
            settings.channels.addAll(List.of(CapturedThreads.JSON.readValue(settings.channelsFile.toFile(),
                    String[].class)));
        }
        return settings;
    }

    boolean captured(String channelId) {
        return channelId != null && channels.contains(channelId);
    }

    Set<String> channels() {
        return Set.copyOf(channels);
    }

    /** @return whether it changed */
    boolean capture(String channelId, boolean on) throws IOException {
        boolean changed = on ? channels.add(channelId) : channels.remove(channelId);
        if (changed) DurableFiles.replace(channelsFile, CapturedThreads.JSON.writeValueAsBytes(new TreeSet<>(channels)));
        return changed;
    }

    Optional<Import> runningImport() throws IOException {
        if (!Files.isRegularFile(importFile)) return Optional.empty();
        return Optional.of(CapturedThreads.JSON.readValue(importFile.toFile(), Import.class));
    }

    void importing(Import job) throws IOException {
        DurableFiles.replace(importFile, CapturedThreads.JSON.writeValueAsBytes(job));
    }

    void imported() throws IOException {
        DurableFiles.delete(importFile);
    }
}
