package spikebot.bot.cli;

import picocli.CommandLine.Option;
import spikebot.knowledge.KnowledgeBase;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --kb DIR}: the folder of notes, for every command that works on a team's notes (a picocli mixin, so that
 * {@code index}, {@code ask}, {@code add} and {@code chat} share one default and one error).
 */
public final class KnowledgeBaseOption {
    static final String DEFAULT = "./knowledge-base";

    @Option(names = "--kb", paramLabel = "DIR", description = "the folder of notes (default: " + DEFAULT + ")")
    private String dir;

    /**
     * The folder, which must exist. A missing folder is an error rather than created, so that a typo in {@code --kb}
     * never leaves an empty knowledge base behind.
     */
    public Path folder() {
        String given = dir == null ? DEFAULT : dir;
        Path path = Path.of(given);
        if (!Files.isDirectory(path)) {
            throw new CommandLineError("knowledge base folder '" + given + "' does not exist"
                    + (dir != null ? "" : " (pass --kb DIR, or try 'spikebot demo' on the bundled sample)"));
        }
        return path;
    }

    public KnowledgeBase open() {
        return new KnowledgeBase(folder());
    }
}
