package spikebot.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample knowledge base shipped inside the jar, so that {@code spikebot demo} and tests have realistic notes on a
 * fresh machine.
 *
 * <p>A folder inside a jar cannot be listed portably, so the sample names its files in a plain manifest
 * ({@value #MANIFEST}, one relative path a line), kept in step with the folder by a test. Only JDK classes are used
 * here, so the copy works from {@code target/classes} and from inside any jar alike.
 */
public final class SampleKnowledgeBase {
    /** Classpath folder of the sample, with the trailing slash. */
    static final String ROOT = "/spikebot/sample-kb/";
    static final String MANIFEST = ROOT + "MANIFEST.txt";

    private SampleKnowledgeBase() {
    }

    /**
     * Copies every sample note into {@code dir}, keeping the sample's sub-folders.
     *
     * @return how many notes were copied
     * @throws FileAlreadyExistsException when a note of the same path is already there: a team's note is never
     *                                    replaced by a sample one
     */
    public static int copyTo(Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        List<String> paths = paths();
        for (String path : paths) {
            Path target = root.resolve(path).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw new IOException("sample manifest names a path outside the folder: " + path);
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = open(ROOT + path)) {
                Files.copy(in, target);
            }
        }
        return paths.size();
    }

    /** The relative paths the manifest lists, in its order. Blank lines and {@code #} comments are skipped. */
    public static List<String> paths() throws IOException {
        List<String> paths = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(MANIFEST), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                String path = line.strip();
                if (!path.isEmpty() && !path.startsWith("#")) paths.add(path);
            }
        }
        return paths;
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = SampleKnowledgeBase.class.getResourceAsStream(resource);
        if (in == null) throw new IOException("the bundled sample knowledge base is missing " + resource);
        return in;
    }
}
