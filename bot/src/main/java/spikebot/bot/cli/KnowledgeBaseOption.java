package spikebot.bot.cli;

import spikebot.knowledge.KnowledgeBase;

import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --kb DIR} option shared by the commands that work on a team's notes. */
final class KnowledgeBaseOption {
    static final String NAME = "kb";
    static final String DEFAULT = "./knowledge-base";

    private KnowledgeBaseOption() {
    }

    /**
     * The knowledge base the arguments name. A missing folder is an error rather than created, so that a typo in
     * {@code --kb} never leaves an empty knowledge base behind.
     */
    static KnowledgeBase from(Args args) {
        String dir = args.get(NAME, DEFAULT);
        Path path = Path.of(dir);
        if (!Files.isDirectory(path)) {
            throw new CommandLineError("knowledge base folder '" + dir + "' does not exist"
                    + (args.has(NAME) ? "" : " (pass --kb DIR, or try 'spikebot demo' on the bundled sample)"));
        }
        return new KnowledgeBase(path);
    }
}
