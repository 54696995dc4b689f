package spikebot.bot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import spikebot.bot.discord.fake.FakeDiscord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.discord.fake.FakeWorld.GENERAL;

/**
 * What {@link CaptureEndToEndTest} looks at: the discussion notes on disk, named {@code …-<thread id>.md}, the
 * bot's progress messages in the fake, and waiting on a condition (checked again every 50 ms until it holds or the
 * time is up: no sleep that passes by luck).
 */
final class CaptureFiles {
    private static final Pattern THREAD_ID = Pattern.compile("-(\\d{15,20})\\.md$");

    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    private final Path folder;

    CaptureFiles(Path folder) {
        this.folder = folder;
    }

    /** The notes' files, sorted. */
    List<Path> all() throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".md")).sorted().toList();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) return all(); // written while walked: look again
            throw e;
        }
    }

    int count() throws IOException {
        return all().size();
    }

    /**
     * The thread id of each note, as its file name gives it (one entry per file), checked against its front matter:
     * the link there is the thread's.
     */
    List<String> threadIds() throws IOException {
        List<String> ids = new ArrayList<>();
        for (Path f : all()) {
            Matcher m = THREAD_ID.matcher(f.getFileName().toString());
            assertTrue(m.find(), "a discussion note named after its thread: " + f);
            String text = Files.readString(f);
            String frontMatter = text.substring(0, text.indexOf("\n---", 3));
            assertTrue(frontMatter.matches("(?s).*\\blink: \"?https://discord\\.com/channels/\\d+/" + m.group(1)
                    + "\\b.*"), "the front matter links to the thread of the file's name: " + frontMatter);
            ids.add(m.group(1));
        }
        return ids;
    }

    Optional<Path> find(long threadId) throws IOException {
        String suffix = "-" + Long.toUnsignedString(threadId) + ".md";
        return all().stream().filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst();
    }

    /** The thread's note as written now; empty when there is none. */
    String note(long threadId) throws IOException {
        Optional<Path> file = find(threadId);
        try {
            return file.isEmpty() ? "" : Files.readString(file.get());
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    Map<Path, byte[]> snapshot() throws IOException {
        Map<Path, byte[]> bytes = new TreeMap<>();
        for (Path f : all()) bytes.put(f, Files.readAllBytes(f));
        return bytes;
    }

    void assertSame(Map<Path, byte[]> before) throws IOException {
        Map<Path, byte[]> now = snapshot();
        assertEquals(before.keySet(), now.keySet(), "the same notes");
        for (var entry : before.entrySet()) {
            assertTrue(Arrays.equals(entry.getValue(), now.get(entry.getKey())), "unchanged: " + entry.getKey());
        }
    }

    void await(Condition condition, String what, Duration timeout) throws Exception {
        awaitTrue(condition, what, timeout);
    }

    static void awaitTrue(Condition condition, String what, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > end) throw new AssertionError("not within " + timeout + ": " + what);
            Thread.sleep(50);
        }
    }

    /** The bot's progress messages in #general about one channel ({@code <#id>}), oldest first. */
    static List<ObjectNode> progress(FakeDiscord discord, String channelMention) {
        return discord.messagesIn(GENERAL).stream().filter(m -> m.path("author").path("bot").asBoolean())
                .filter(m -> {
                    String content = m.path("content").asText();
                    return (content.startsWith("⏳") || content.startsWith("✅") || content.startsWith("⚠️"))
                            && content.contains(channelMention);
                }).toList();
    }

    /** All visible text of a message the fake holds: content, embeds (title, link, text, fields, footer), buttons. */
    static String text(JsonNode message) {
        StringBuilder out = new StringBuilder(message.path("content").asText());
        for (JsonNode e : message.path("embeds")) {
            out.append('\n').append(e.path("title").asText()).append('\n').append(e.path("url").asText())
                    .append('\n').append(e.path("description").asText());
            for (JsonNode f : e.path("fields")) out.append('\n').append(f.path("name").asText()).append(": ")
                    .append(f.path("value").asText());
            out.append('\n').append(e.path("footer").path("text").asText());
        }
        out.append('\n').append(message.path("components"));
        return out.toString();
    }
}
