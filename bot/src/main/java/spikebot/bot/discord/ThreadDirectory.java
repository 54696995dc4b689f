package spikebot.bot.discord;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.knowledge.DurableFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The threads the bot has worked in or captured, with their parent channel and whether they are public. Discord's
 * gateway forgets a thread once it is archived (and so does JDA's cache), but a spike's or a discussion's note keeps
 * pointing at its thread: to decide who may see that note, the bot must still know where the thread lives. One small JSON file per guild,
 * beside that guild's knowledge base, so it survives restarts and never mixes guilds.
 */
final class ThreadDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadDirectory.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a thread lives. */
    record Entry(String parentId, boolean isPublic) {
    }

    private final Map<String, Path> files;
    private final Map<String, Map<String, Entry>> byGuild = new ConcurrentHashMap<>();

    /** @param files guild id → the file that holds its threads */
    ThreadDirectory(Map<String, Path> files) {
        this.files = Map.copyOf(files);
    }

    /** Notes a thread the bot has seen; written to disk only when something changed. */
    void remember(ThreadChannel thread) {
        rememberAll(List.of(thread));
    }

    /**
     * Notes threads the bot has seen, such as a channel's listing for capture, with one write per guild: a
     * captured private thread must stay judged by its privacy once Discord archived it.
     */
    void rememberAll(Collection<ThreadChannel> seen) {
        Map<String, List<ThreadChannel>> byGuildId = new HashMap<>();
        for (ThreadChannel t : seen) byGuildId.computeIfAbsent(t.getGuild().getId(), g -> new ArrayList<>()).add(t);
        byGuildId.forEach((guildId, list) -> {
            Map<String, Entry> threads = threads(guildId);
            if (threads == null) return;
            synchronized (threads) {
                boolean changed = false;
                for (ThreadChannel t : list) {
                    Entry entry = new Entry(t.getParentChannel().getId(), t.isPublic());
                    changed |= !entry.equals(threads.put(t.getId(), entry));
                }
                if (changed) save(guildId, threads);
            }
        });
    }

    /** Forgets a deleted thread. */
    void forget(String guildId, String threadId) {
        Map<String, Entry> threads = threads(guildId);
        if (threads == null) return;
        synchronized (threads) {
            if (threads.remove(threadId) != null) save(guildId, threads);
        }
    }

    Optional<Entry> find(String guildId, String threadId) {
        Map<String, Entry> threads = threads(guildId);
        if (threads == null) return Optional.empty();
        synchronized (threads) {
            return Optional.ofNullable(threads.get(threadId));
        }
    }

    /** Where a thread lives, looked up in every guild: for scheduled work, which names only the thread. */
    Optional<Located> locate(String threadId) {
        for (String guildId : files.keySet()) {
            Optional<Entry> entry = find(guildId, threadId);
            if (entry.isPresent()) return Optional.of(new Located(guildId, entry.get()));
        }
        return Optional.empty();
    }

    /** A thread's guild and where in it the thread lives. */
    record Located(String guildId, Entry entry) {
    }

    private Map<String, Entry> threads(String guildId) {
        Path file = files.get(guildId);
        if (file == null) return null;
        return byGuild.computeIfAbsent(guildId, g -> load(file));
    }

    private static Map<String, Entry> load(Path file) {
        if (!Files.exists(file)) return new TreeMap<>();
        try {
            return new TreeMap<>(JSON.readValue(file.toFile(), new TypeReference<Map<String, Entry>>() {
            }));
        } catch (IOException e) {
            // Derived data: losing it hides notes of archived threads until they are seen again, never shows more.
            LOG.warn("ignoring unreadable {}: {}", file, e.getMessage());
            return new TreeMap<>();
        }
    }

    private void save(String guildId, Map<String, Entry> threads) {
        Path file = files.get(guildId);
        try {
            DurableFiles.replace(file, JSON.writeValueAsBytes(threads));
        } catch (IOException e) {
            LOG.warn("could not save {}: {}", file, e.getMessage());
        }
    }
}
