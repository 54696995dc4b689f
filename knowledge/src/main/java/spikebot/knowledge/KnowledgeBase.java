package spikebot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A folder tree of Markdown notes (and Jupyter notebooks): the team's memory. Files are the source of truth; everything else (the index,
 * the bot's state) is derived from them or kept beside them in hidden folders, which are never read as notes.
 *
 * <p>Writes are atomic and never replace an existing note: a reader (or a crash) sees either no file or the whole
 * file.
 */
public final class KnowledgeBase {
    /** Larger files are reported, not read: a note is a page, not a data dump. */
    public static final long MAX_NOTE_BYTES = 2L * 1024 * 1024;
    /**
     * Notebooks carry their outputs (plots as base64) and are often several MB for a page of text; the outputs are
     * skipped unread ({@link Notebooks}), so a larger bound costs little.
     */
    public static final long MAX_NOTEBOOK_BYTES = 16L * 1024 * 1024;
    /** A temporary file older than this is a leftover of a crash, not a write in progress. */
    public static final Duration UNFINISHED_AFTER = Duration.ofMinutes(1);

    private final Path root;
    /** Path → the warnings of its latest read by this instance; see {@link #warnings()}. */
    private final Map<String, List<Problem>> warnings = new ConcurrentHashMap<>();

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
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (lower.endsWith(".md") || lower.endsWith(".markdown")
                || lower.endsWith(".ipynb"));
    }

    /**
     * Every note file with its time and size, without reading any of them. Sorted by path. Hidden folders (the
     * index, the bot's state) and hidden files (unfinished writes, editor files) are skipped. Symbolic links (to
     * files with a note's name, or to folders) and other special files are listed too, so that {@link #read} can
     * report why they are not read.
     *
     * <p>On the way, the walk removes leftovers of writes a crash interrupted ({@link DurableFiles}' temporary files,
     * in the note folders and the state folders) older than {@link #UNFINISHED_AFTER}; younger ones may belong to a
     * write still going on in another process (the command line while the bot runs). Every start, of the bot and
     * of each command, syncs the index and so scans: leftovers never outlive the next start, at no extra walk.
     */
    public List<FileStamp> scan() {
        if (!Files.isDirectory(root)) throw new UncheckedIOException(new NoSuchFileException(root.toString(),
                null, "knowledge base folder does not exist"));
        return NoteWalk.scan(realRoot(), stateDir(), System.currentTimeMillis() - UNFINISHED_AFTER.toMillis());
    }

    /**
     * Reads one note by its relative path. Only a regular file inside the knowledge base is read: a symbolic link,
     * or a path through a linked folder, could expose any file of the machine to everyone who can ask the bot.
     */
    public NoteFile read(String path) throws MalformedNoteException {
        Path file = resolve(path);
        String relative = relative(file);
        warnings.remove(relative);
        try {
            BasicFileAttributes attrs =
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attrs.isSymbolicLink()) {
                throw new MalformedNoteException(0, Files.isDirectory(file)
                        ? "symbolic link to a folder, not followed: notes must lie inside the knowledge base (move "
                        + "or copy them here)"
                        : "symbolic link, not read: a note must be a regular file inside the knowledge base (copy "
                        + "it here instead)");
            }
            if (!attrs.isRegularFile()) throw new MalformedNoteException(0, "not a regular file");
            if (!file.getParent().toRealPath().startsWith(realRoot())) {
                throw new MalformedNoteException(0, "lies in a linked folder outside the knowledge base, not read");
            }
            boolean notebook = Notebooks.isNotebook(relative);
            long limit = notebook ? MAX_NOTEBOOK_BYTES : MAX_NOTE_BYTES;
            byte[] bytes;
            try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ,
                    LinkOption.NOFOLLOW_LINKS)) {
                if (channel.size() > limit) throw tooLarge(channel.size(), limit);
                // The size may have grown since: read no more than the limit allows, whatever it is now.
                bytes = Channels.newInputStream(channel).readNBytes((int) limit + 1);
                if (bytes.length > limit) throw tooLarge(bytes.length, limit);
            }
            String text = decode(bytes);
            ParsedNote parsed;
            try {
                parsed = notebook ? Notebooks.read(text, relative) : NoteParser.read(text, relative);
            } catch (RuntimeException | StackOverflowError e) {
                // A file must cost a report, never the whole load; the parser is meant to catch everything itself.
                throw new MalformedNoteException(0, "could not be parsed (" + e + ")");
            }
            if (!parsed.warnings().isEmpty()) warnings.put(relative, parsed.warnings());
            return new NoteFile(relative, parsed.note(), attrs.lastModifiedTime().toMillis(), bytes.length,
                    parsed.warnings());
        } catch (NoSuchFileException e) {
            throw new MalformedNoteException(0, "file no longer exists");
        } catch (AccessDeniedException e) {
            throw new MalformedNoteException(0, "permission denied: Spikebot cannot read this file");
        } catch (IOException e) {
            throw new MalformedNoteException(0, "cannot read file: " + e.getMessage());
        }
    }

    /**
     * The warnings of the notes this instance has read, sorted by path: the latest read of each path counts. So a
     * command that syncs an index (which reads only new and changed files) can show what that sync read, the way
     * it shows the files that could not be read, without the index knowing about warnings.
     */
    public List<Problem> warnings() {
        return warnings.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .flatMap(e -> e.getValue().stream()).toList();
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
     * <p>Written by {@link DurableFiles#createNew}: a reader (or a crash) sees either no note or the whole note, never
     * part of one, and a name taken meanwhile by another process is not replaced.
     *
     * @return the note as written, with its relative path
     */
    public NoteFile write(Note note) throws IOException {
        Path folder = root.resolve(note.kind().folder());
        if (Files.isSymbolicLink(folder)) {
            // The loader never follows links, so a note written through one would be lost to every search.
            throw new IOException(note.kind().folder() + "/ in the knowledge base is a symbolic link; Spikebot "
                    + "writes notes only into real folders inside it");
        }
        String base = Slug.of(note.title());
        byte[] bytes = NoteFormat.render(note).getBytes(StandardCharsets.UTF_8);
        return written(DurableFiles.createNew(folder, n -> n == 1 ? base + ".md" : base + "-" + n + ".md", bytes),
                note);
    }

    /**
     * Writes a note at a path of the caller's choosing, replacing what is there: for notes that mirror something
     * kept elsewhere and change with it (a captured discussion). Durable and atomic like {@link #write}; refuses a
     * path outside the knowledge base, in a hidden folder, not ending in {@code .md}, or through a symbolic link.
     *
     * @return the note as written
     */
    public NoteFile put(String path, Note note) throws IOException {
        Path file = writable(path);
        byte[] bytes = NoteFormat.render(note).getBytes(StandardCharsets.UTF_8);
        DurableFiles.replace(file, bytes);
        return written(file, note);
    }

    /** A note just written to this file, with the stamp the index compares later syncs against. */
    private NoteFile written(Path file, Note note) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        return new NoteFile(relative(file), note, attrs.lastModifiedTime().toMillis(), attrs.size());
    }

    /** Deletes the note at a path (see {@link #put}), durably; nothing when there is none. */
    public void delete(String path) throws IOException {
        DurableFiles.delete(writable(path));
    }

    private Path writable(String path) throws IOException {
        Path file = resolve(path);
        if (!file.getFileName().toString().endsWith(".md")) {
            throw new IllegalArgumentException("path '" + path + "' is not a Markdown note (.md)");
        }
        for (Path part = root.relativize(file); part != null; part = part.getParent()) {
            Path onDisk = root.resolve(part);
            if (part.getFileName().toString().startsWith(".")) {
                throw new IllegalArgumentException("path '" + path + "' is in a hidden folder, which is never read");
            }
            if (Files.isSymbolicLink(onDisk)) {
                throw new IOException(part + " in the knowledge base is a symbolic link; Spikebot writes notes only "
                        + "into real folders inside it");
            }
        }
        return file;
    }

    /** The file for a relative path; refuses any path that would leave the knowledge base. */
    public Path resolve(String path) {
        Path file;
        try {
            file = root.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("path '" + path.replace("\0", "\\0") + "' is not a valid file name: "
                    + e.getReason());
        }
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("path '" + path + "' is outside the knowledge base");
        }
        return file;
    }

    /** The root with links resolved, so that a knowledge base that is itself a link is walked, not skipped. */
    private Path realRoot() {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root;
        }
    }

    private static MalformedNoteException tooLarge(long size, long limit) {
        return new MalformedNoteException(0, "file is " + size / 1024 + " KB, larger than the "
                + limit / 1024 / 1024 + " MB a " + (limit == MAX_NOTE_BYTES ? "note" : "notebook") + " may be");
    }

    private String relative(Path file) {
        return slashed(root.relativize(file));
    }

    /** A relative path with '/' between names, whatever the platform; a '\\' inside a Linux name stays. */
    static String slashed(Path relative) {
        StringBuilder out = new StringBuilder();
        for (Path name : relative) out.append(out.isEmpty() ? "" : "/").append(name);
        return out.toString();
    }

    /** Strict UTF-8: a file in another encoding is reported, not indexed as mojibake. */
    private static String decode(byte[] bytes) throws MalformedNoteException {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw new MalformedNoteException(0, "UTF-16 text: save the file as UTF-8");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            int bad = in.position();
            int line = 1;
            for (int i = 0; i < bad; i++) if (bytes[i] == '\n') line++;
            throw new MalformedNoteException(line, "not UTF-8 text (first bad byte at offset " + bad
                    + "): a binary file, or text saved in another encoding; save it as UTF-8");
        }
    }
}
