package spikebot.index.eval;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the SemEval data, which lives outside the repository in {@code shared/data/} beside it (a clone, a
 * worktree, or a Maven module's working directory one level further down): every ancestor of the working
 * directory is tried. Tests that need it are skipped, with a message saying where it was looked for, only when it
 * is genuinely absent.
 */
final class SemEvalFiles {
    static final String FOLDER = "shared/data/semeval2016-task3-dev";
    static final String DEV = "SemEval2016-Task3-CQA-QL-dev.xml";
    static final String TRAIN2 = "SemEval2016-Task3-CQA-QL-train-part2.xml";

    private SemEvalFiles() {
    }

    static Path folder() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FOLDER);
            if (Files.isRegularFile(candidate.resolve(DEV))) return candidate;
        }
        Assumptions.abort("SemEval data not found: no " + FOLDER + "/" + DEV + " in " + start + " or any folder above it");
        throw new AssertionError("unreachable");
    }

    static Path questions(String name) {
        return folder().resolve(name);
    }

    static Path gold(String name) {
        return folder().resolve(name + ".subtaskB.relevancy");
    }
}
