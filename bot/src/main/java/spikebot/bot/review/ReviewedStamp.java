package spikebot.bot.review;

import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.MalformedNoteException;
import spikebot.knowledge.NoteParser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes {@code reviewed: DATE} into a note's front matter, changing that one line and nothing else: the note is a
 * person's file (comments, key order, quoting are theirs), so it is edited, not rendered again from the parsed note.
 * The result is parsed before it replaces the file, which is written through a temporary file, fsync and an atomic
 * move (to move to the knowledge module's durable-write helper once it exists).
 */
final class ReviewedStamp {
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A(---[ \\t]*\\r?\\n)(.*?)(^---[ \\t]*$)",
            Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern REVIEWED_LINE = Pattern.compile("(?m)^reviewed:.*$");

    private ReviewedStamp() {
    }

    /** The note's text with its {@code reviewed} date set. */
    static String stamp(String text, LocalDate day) {
        Matcher m = FRONT_MATTER.matcher(text);
        if (!m.find()) throw new IllegalArgumentException("the note has no front matter");
        String yaml = m.group(2);
        String line = ReviewRules.REVIEWED + ": " + day;
        Matcher existing = REVIEWED_LINE.matcher(yaml);
        String newYaml = existing.find() ? existing.replaceFirst(line)
                : yaml + (yaml.isEmpty() || yaml.endsWith("\n") ? "" : "\n") + line + "\n";
        return m.group(1) + newYaml + m.group(3) + text.substring(m.end());
    }

    static void write(KnowledgeBase kb, String path, LocalDate day) throws IOException {
        Path file = kb.resolve(path);
        if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(path + " is no longer a note file");
        }
        String updated = stamp(Files.readString(file, StandardCharsets.UTF_8), day);
        try {
            NoteParser.parse(updated, path);
        } catch (MalformedNoteException e) {
            throw new IOException(path + " would no longer be a valid note: " + e.getMessage());
        }
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName() + "-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(updated.getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) channel.write(buffer);
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
