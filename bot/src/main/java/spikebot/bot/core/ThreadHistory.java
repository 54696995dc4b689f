package spikebot.bot.core;

import spikebot.knowledge.discussion.DiscussionMessage;
import spikebot.knowledge.discussion.DiscussionThread;

import java.io.IOException;
import java.util.List;

/**
 * What was said before the bot was listening: the threads of a channel and their messages, read on demand to import
 * past discussions. Discord answers over REST, paced by its rate limits (so a call may take long: never call it
 * while holding a guild's lock); the console has no history and answers with nothing.
 *
 * <p>Bot and system messages are left out; without the Message Content intent Discord blanks every message's text,
 * so callers check {@link ChannelAccess#readsMessageText()} first.
 */
public interface ThreadHistory {
    /** No history: a platform that keeps none (the console). */
    ThreadHistory NONE = new ThreadHistory() {
        @Override
        public List<DiscussionThread> threads(String guildId, String channelId) {
            return List.of();
        }

        @Override
        public List<DiscussionMessage> messages(String guildId, String threadId, String after, int limit) {
            return List.of();
        }
    };

    /** The most messages one call returns: Discord's page size for message history. */
    int PAGE = 100;

    /**
     * Every thread of a forum or text channel that the bot can see: the active ones, the archived public ones and
     * the archived private ones it has joined or may manage. Empty for an unknown channel.
     *
     * @throws IOException when the platform cannot be reached or refuses (a missing permission is said in the
     *                     message)
     */
    List<DiscussionThread> threads(String guildId, String channelId) throws IOException;

    /**
     * Messages of a thread sent after the given one, oldest first.
     *
     * @param after a message id; null for the thread's start
     * @param limit at most this many, 1 to {@link #PAGE}; fewer means the thread has no more
     */
    List<DiscussionMessage> messages(String guildId, String threadId, String after, int limit) throws IOException;
}
