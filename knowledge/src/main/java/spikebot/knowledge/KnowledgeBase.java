package spikebot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A folder tree of Markdown notes: the team's memory. Files are the source of truth; everything else (the index,
 * the bot's state) is derived from them or kept beside them in hidden folders, which are never read as notes.
 *
 * <p>Writes are atomic and never replace an existing note: a reader (or a crash) sees either no file or the whole
 * file.
 */
public final class KnowledgeBase {
    /** Larger files are reported, not read: a note is a page, not a data dump. */
    public static final long MAX_NOTE_BYTES = 2L * 1024 * 1024;
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path root;

    public KnowledgeBase(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Folder for derived state (index, open spikes), hidden so that it is never read as notes. */
    public Path stateDir() {
        return root.resolve(".spikebot");
    }

    public static boolean isNoteFileName(String name) {
        return !name.startsWith(".") && (name.endsWith(".md") || name.endsWith(".markdown"));
    }

    /** Every note file with its time and size, without reading any of them. Sorted by path. */
    public List<FileStamp> scan() {
        if (!Files.isDirectory(root)) throw new UncheckedIOException(new NoSuchFileException(root.toString(),
                null, "knowledge base folder does not exist"));
        List<FileStamp> stamps = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
                    return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isNoteFileName(file.getFileName().toString())) {
                        stamps.add(new FileStamp(relative(file), attrs.lastModifiedTime().toMillis(), attrs.size()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // vanished or unreadable: read() reports it when asked
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stamps.sort(Comparator.comparing(FileStamp::path));
        return stamps;
    }

    /** Reads one note by its relative path. */
    public NoteFile read(String path) throws MalformedNoteException {
        Path file = resolve(path);
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile()) throw new MalformedNoteException(0, "not a regular file");
            if (attrs.size() > MAX_NOTE_BYTES) {
                throw new MalformedNoteException(0, "file is " + attrs.size() / 1024 + " KB, larger than the "
                        + MAX_NOTE_BYTES / 1024 / 1024 + " MB a note may be");
            }
            String text = decode(Files.readAllBytes(file));
            Note note = NoteParser.parse(text, path);
            return new NoteFile(path, note, attrs.lastModifiedTime().toMillis(), attrs.size());
        } catch (NoSuchFileException e) {
            throw new MalformedNoteException(0, "file no longer exists");
        } catch (IOException e) {
            throw new MalformedNoteException(0, "cannot read file: " + e.getMessage());
        }
    }

    /** Reads every note, reporting each file that is not one and going on with the rest. */
    public LoadReport load() {
        List<NoteFile> notes = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (FileStamp stamp : scan()) {
            try {
                notes.add(read(stamp.path()));
            } catch (MalformedNoteException e) {
                problems.add(e.problemIn(stamp.path()));
            }
        }
        return new LoadReport(notes, problems);
    }

    /**
     * Writes a new note under its kind's folder, named from its title. Returns once the note is durable.
     * An existing note is never replaced: a second note with the same title gets a numbered name.
     *
     * @return the note as written, with its relative path
     */
    public NoteFile write(Note note) throws IOException {
        Path folder = root.resolve(note.kind().folder());
        Files.createDirectories(folder);
        String base = Slug.of(note.title());
        byte[] bytes = NoteFormat.render(note).getBytes(StandardCharsets.UTF_8);
        Path temp = Files.createTempFile(folder, "." + base + "-", TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) channel.write(buffer);
                channel.force(true);
            }
            for (int n = 1; ; n++) {
                Path target = folder.resolve(n == 1 ? base + ".md" : base + "-" + n + ".md");
                try {
                    // link(2) fails when the target exists, unlike rename(2): no note is ever overwritten.
                    Files.createLink(target, temp);
                    syncDirectory(folder);
                    BasicFileAttributes attrs = Files.readAttributes(target, BasicFileAttributes.class);
                    return new NoteFile(relative(target), note, attrs.lastModifiedTime().toMillis(), attrs.size());
                } catch (FileAlreadyExistsException taken) {
                    // try the next name
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Removes leftovers of writes that a crash interrupted. They are hidden, so they were never read as notes. */
    public int removeUnfinishedWrites() throws IOException {
        if (!Files.isDirectory(root)) return 0;
        List<Path> leftovers;
        try (var files = Files.walk(root)) {
            leftovers = files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(".") && name.endsWith(TEMP_SUFFIX) && Files.isRegularFile(p);
            }).toList();
        }
        for (Path p : leftovers) Files.deleteIfExists(p);
        return leftovers.size();
    }

    /** The file for a relative path; refuses any path that would leave the knowledge base. */
    public Path resolve(String path) {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("path '" + path + "' is outside the knowledge base");
        }
        return file;
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a directory; the file itself is already synced.
        }
    }

    private static String decode(byte[] bytes) throws MalformedNoteException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (MalformedInputException e) {
            int line = 1;
            for (int i = 0; i < in.position() && i < bytes.length; i++) if (bytes[i] == '\n') line++;
            throw new MalformedNoteException(line, "not valid UTF-8 text (bad byte at offset " + in.position() + ")");
        } catch (CharacterCodingException e) {
            throw new MalformedNoteException(0, "not valid UTF-8 text");
        }
    }
}
