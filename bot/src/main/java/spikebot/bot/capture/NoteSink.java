package spikebot.bot.capture;

import spikebot.knowledge.Note;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * Where discussion notes go, a batch at a time with one index commit: {@code GuildKnowledge::replace} in the bot;
 * the knowledge base and its index opened by the command-line import, which runs without a chat core.
 */
@FunctionalInterface
public interface NoteSink {
    /**
     * @param put     relative path → the note to write there (replacing what is there)
     * @param deleted relative paths of notes to delete
     */
    void replace(Map<String, Note> put, Collection<String> deleted) throws IOException;
}
