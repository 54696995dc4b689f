package spikebot.knowledge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * The one way Spikebot writes a file it must not lose: notes, open spikes, and the bot's small state files. After
 * any of these methods returns, the data survives a crash or a power cut; if the process dies before, a reader sees
 * the old file (or none), never part of the new one.
 *
 * <p>Each write goes through the same steps, each for a reason:
 * <ol>
 *   <li>A <b>temporary file in the same folder</b>: a rename or link is atomic only within one file system, and
 *   the folder is the one place sure to be on the target's. Its name is hidden and ends in {@value #TEMP_SUFFIX}
 *   ({@link #isUnfinishedWrite}), so that the note loader never reads it and a later start removes it if a crash
 *   left it behind.</li>
 *   <li><b>Write, then fsync the file</b> ({@link FileChannel#force}): otherwise the rename may reach the disk before
 *   the data, and a power cut leaves the new name on an empty or partial file (the classic ext4 "zero-length file"
 *   case).</li>
 *   <li><b>Atomic move</b> over the old file ({@link #replace}), or a <b>hard link</b> to a name that must still be
 *   free ({@link #createNew}): link(2), unlike rename(2), fails when the name is taken, so a new note never
 *   replaces another one written meanwhile by another process.</li>
 *   <li><b>fsync the folder</b>: the new name is an entry in the folder, and until the folder itself is synced a
 *   power cut may forget the name even though the file's bytes are on disk.</li>
 * </ol>
 *
 * <p>Limits: some file systems (and Windows) cannot open a folder to sync it; that step is then skipped, which only
 * loses durability of the name against a power cut, never atomicity. A file system without atomic moves (some
 * network shares) gets a plain replacing move. Alternatives: a write-ahead log or a database would give the same
 * guarantees for many small records; Spikebot's files are few and small, and plain files stay readable by people.
 */
public final class DurableFiles {
    /** Suffix of the temporary files; with the leading dot, what marks a write in progress or a crash's leftover. */
    public static final String TEMP_SUFFIX = ".tmp";
    private static final Random RANDOM = new SecureRandom();
    /** Appends of this process, one at a time, so that two lines never interleave. */
    private static final Object APPENDS = new Object();

    private DurableFiles() {
    }

    /** Replaces (or creates) a file with the given bytes, atomically and durably. */
    public static void replace(Path file, byte[] bytes) throws IOException {
        Path folder = createFolder(file.toAbsolutePath().getParent());
        Path temp = writeTemp(folder, file.getFileName().toString(), bytes);
        try {
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            syncFolder(folder);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Writes a new file under the first free name of {@code names(1)}, {@code names(2)}, … in the folder, never
     * replacing an existing file, atomically and durably.
     *
     * @return the file written
     */
    public static Path createNew(Path folder, IntFunction<String> names, byte[] bytes) throws IOException {
        folder = createFolder(folder.toAbsolutePath());
        Path temp = writeTemp(folder, names.apply(1), bytes);
        try {
            for (int n = 1; ; n++) {
                Path target = folder.resolve(names.apply(n));
                try {
                    Files.createLink(target, temp);
                } catch (FileAlreadyExistsException taken) {
                    continue;
                }
                syncFolder(folder);
                return target;
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Adds one line at the end of a log file, durably. For a log, appending beats {@link #replace}: each entry
     * stands alone, and rewriting the whole file per entry would cost time growing with the log. The price: a crash
     * in the middle of an append can leave a partial last line (never a damaged earlier one), so readers of such a
     * log skip a line they cannot parse; and the next append first ends that partial line, so that it costs no
     * more than itself.
     *
     * @param line one line of text, without its line break
     */
    public static void appendLine(Path file, String line) throws IOException {
        if (line.indexOf('\n') >= 0) throw new IllegalArgumentException("a log entry is one line");
        createFolder(file.toAbsolutePath().getParent());
        synchronized (APPENDS) {
            boolean created = !Files.exists(file, LinkOption.NOFOLLOW_LINKS);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                long size = channel.size();
                boolean endsLine = true;
                if (size > 0) {
                    ByteBuffer last = ByteBuffer.allocate(1);
                    channel.read(last, size - 1);
                    endsLine = last.get(0) == '\n';
                }
                byte[] bytes = ((endsLine ? "" : "\n") + line + "\n").getBytes(StandardCharsets.UTF_8);
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                long position = size;
                while (buffer.hasRemaining()) position += channel.write(buffer, position);
                channel.force(true);
            }
            if (created) syncFolder(file.toAbsolutePath().getParent());
        }
    }

    /** Deletes a file if it exists, durably: a restart does not bring it back. */
    public static void delete(Path file) throws IOException {
        if (Files.deleteIfExists(file)) syncFolder(file.toAbsolutePath().getParent());
    }

    /** Whether a file name is that of a temporary file of this class: a write in progress or a crash's leftover. */
    public static boolean isUnfinishedWrite(String fileName) {
        return fileName.startsWith(".") && fileName.endsWith(TEMP_SUFFIX);
    }

    /**
     * Removes the leftovers of interrupted writes directly in a folder (not below it) last modified before the
     * cutoff; younger ones may belong to a write still going on in another process.
     *
     * @return how many were removed
     */
    public static int removeUnfinished(Path folder, long cutoffMillis) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return 0;
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder,
                p -> isUnfinishedWrite(p.getFileName().toString()))) {
            for (Path file : files) {
                if (removeIfUnfinished(file, cutoffMillis)) removed++;
            }
        } catch (IOException e) {
            // Leftovers are harmless (never read); the next start tries again.
        }
        return removed;
    }

    /** Removes one file if it is a regular leftover older than the cutoff; false when it is not, or is gone. */
    static boolean removeIfUnfinished(Path file, long cutoffMillis) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attrs.isRegularFile() && isUnfinishedWrite(file.getFileName().toString())
                    && attrs.lastModifiedTime().toMillis() < cutoffMillis && Files.deleteIfExists(file);
        } catch (IOException e) {
            return false;
        }
    }

    /** A new hidden temporary file in the folder holding the bytes, synced to disk. */
    private static Path writeTemp(Path folder, String targetName, byte[] bytes) throws IOException {
        Path temp = createTemp(folder, targetName);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) channel.write(buffer);
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    /** An empty hidden file beside the target; created with the usual permissions, unlike createTempFile. */
    private static Path createTemp(Path folder, String targetName) throws IOException {
        String base = targetName.startsWith(".") ? targetName.substring(1) : targetName;
        while (true) {
            Path temp = folder.resolve("." + base + "-" + Long.toHexString(RANDOM.nextLong() >>> 1) + TEMP_SUFFIX);
            try {
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException taken) {
                // another writer drew the same number; draw again
            }
        }
    }

    /** Creates the folder and any missing parents, syncing each parent that got a new entry. */
    private static Path createFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) return folder;
        Path parent = folder.getParent();
        if (parent != null) createFolder(parent);
        try {
            Files.createDirectory(folder);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(folder)) throw e;
            return folder; // created meanwhile by another writer
        }
        if (parent != null) syncFolder(parent);
        return folder;
    }

    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems (and Windows) cannot sync a folder; the file itself is already synced.
        }
    }
}
