package spikebot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The walk behind {@link KnowledgeBase#scan()}: every note file with its time and size, read from the folder's
 * attributes alone, and on the way the removal of writes a crash left unfinished.
 */
final class NoteWalk {
    private NoteWalk() {
    }

    /**
     * @param start    the knowledge base with links resolved
     * @param stateDir the bot's state folder, whose unfinished writes are removed too
     * @param cutoff   leftovers last modified before this (epoch millis) are removed; younger ones may be a write
     *                 still going on in another process
     */
    static List<FileStamp> scan(Path start, Path stateDir, long cutoff) {
        List<FileStamp> stamps = new ArrayList<>();
        List<Path> leftovers = new ArrayList<>();
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean hidden = !dir.equals(start) && dir.getFileName().toString().startsWith(".");
                    return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (attrs.isRegularFile() && DurableFiles.isUnfinishedWrite(name)
                            && attrs.lastModifiedTime().toMillis() < cutoff) {
                        leftovers.add(file);
                    }
                    boolean linkedFolder = attrs.isSymbolicLink() && !name.startsWith(".") && Files.isDirectory(file);
                    if (attrs.isSymbolicLink() && linksToNoteInside(file, start)) {
                        return FileVisitResult.CONTINUE; // read under its own name (README.md -> index.md)
                    }
                    if ((!attrs.isDirectory() && KnowledgeBase.isNoteFileName(name)) || linkedFolder) {
                        String path = KnowledgeBase.slashed(start.relativize(file));
                        stamps.add(new FileStamp(path, attrs.lastModifiedTime().toMillis(), attrs.size()));
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
        for (Path leftover : leftovers) DurableFiles.removeIfUnfinished(leftover, cutoff);
        removeUnfinishedState(stateDir, cutoff);
        stamps.sort(Comparator.comparing(FileStamp::path));
        return stamps;
    }

    /**
     * Whether a symbolic link leads to a note (or a folder of notes) that the walk reads anyway under its real path:
     * inside the knowledge base and not in a hidden folder. Such a link is an alias (an ADR folder's
     * {@code README.md -> index.md}), skipped quietly; a link that leads anywhere else is still listed, so that
     * {@link #read} reports it and never follows it.
     */
    private static boolean linksToNoteInside(Path link, Path realRoot) {
        Path target;
        try {
            target = link.toRealPath();
        } catch (IOException e) {
            return false; // dangling or a loop: reported by read()
        }
        if (!target.startsWith(realRoot)) return false;
        for (Path name : realRoot.relativize(target)) if (name.toString().startsWith(".")) return false;
        return Files.isDirectory(target) || (Files.isRegularFile(target)
                && KnowledgeBase.isNoteFileName(target.getFileName().toString()));
    }

    /** The state folder and the folders in it (open spikes, …); the index's own folder is Lucene's business. */
    private static void removeUnfinishedState(Path stateDir, long cutoff) {
        if (!Files.isDirectory(stateDir, LinkOption.NOFOLLOW_LINKS)) return;
        DurableFiles.removeUnfinished(stateDir, cutoff);
        try (var folders = Files.newDirectoryStream(stateDir, p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                && !p.getFileName().toString().equals("index"))) {
            for (Path folder : folders) DurableFiles.removeUnfinished(folder, cutoff);
        } catch (IOException e) {
            // unreadable: leftovers are harmless, never read, and the next start tries again
        }
    }
}
