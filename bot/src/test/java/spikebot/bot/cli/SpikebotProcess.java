package spikebot.bot.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test helper: runs {@code spikebot} as a real process, as a user would from the shell. */
final class SpikebotProcess {
    record Outcome(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }

        /** stderr without the JVM's own warnings about Lucene's native and vector access. */
        List<String> errorLines() {
            return err.lines().filter(l -> !l.isBlank() && !l.startsWith("WARNING")
                    && !l.contains("org.apache.lucene.internal.vectorization")).toList();
        }
    }

    private SpikebotProcess() {
    }

    static Outcome run(Path workDir, String stdin, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED",
                // demo keeps its copy of the sample for the user: in a test, inside the test's own folder.
                "-Djava.io.tmpdir=" + workDir.toAbsolutePath(),
                "-cp", classPath, "spikebot.bot.Main"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("spikebot-out", ".txt");
        Path err = Files.createTempFile("spikebot-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try (var in = process.getOutputStream()) {
                if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("spikebot " + String.join(" ", args) + " did not finish in 120 s");
            }
            return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static String path(Path p) {
        return p.toAbsolutePath().toString().replace(File.separatorChar, '/');
    }
}
