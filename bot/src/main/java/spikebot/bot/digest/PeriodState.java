package spikebot.bot.digest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;

/**
 * Up to when a recurring post (the weekly digest, the monthly review) last covered, in a small file under the
 * guild's state folder, so that each is posted once per period across restarts, and a period missed while the bot
 * was down is posted once, late. Saved before the post is handed out: a crash in between loses that one post rather
 * than repeating it, as with spike reminders.
 *
 * <p>Written through a temporary file, fsync and an atomic move, like the passive-answer settings; to move to the
 * knowledge module's durable-write helper once it exists. Only the bot writes it, so it is read once and then kept
 * in memory: the tick asks every few seconds, and a tick with nothing due reads no file. Keep one per file.
 */
public final class PeriodState {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodState.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private boolean read;
    private Instant lastCovered;

    /** @param file e.g. {@code <state>/digest.json} */
    public PeriodState(Path file) {
        this.file = file;
    }

    /** Up to when the last post covered; null before the first (or when the file cannot be read, which is logged). */
    public synchronized Instant lastCovered() {
        if (!read) {
            lastCovered = readFile();
            read = true;
        }
        return lastCovered;
    }

    private Instant readFile() {
        if (!Files.isRegularFile(file)) return null;
        try {
            Object at = JSON.readValue(file.toFile(), Map.class).get("lastCovered");
            return at == null ? null : Instant.parse(at.toString());
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable {}: {}", file, e.toString());
            return null;
        }
    }

    public synchronized void covered(Instant until) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] bytes = JSON.writeValueAsBytes(Map.of("lastCovered", until.toString()));
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName() + "-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) channel.write(buffer);
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        lastCovered = until;
        read = true;
    }
}
