package spikebot.bot.core;

import java.util.List;
import java.util.Objects;

/**
 * Everything that comes out of the chat core: what the adapter should do on the platform, in order.
 *
 * <p>Every message goes out with no allowed mentions (nothing the bot posts can ping) and is already cut to
 * Discord's limits by {@link Draft}.
 */
public sealed interface Action {

    /**
     * Answer the event: for an interaction the first {@code Reply} is its reply (or the edit of a deferred reply)
     * and later ones are follow-ups; for a {@link Event.MessagePosted} it is a reply to that message.
     *
     * @param ephemeral only the user who asked sees it (interactions only)
     */
    record Reply(Draft message, boolean ephemeral) implements Action {
        public Reply {
            Objects.requireNonNull(message, "message");
        }

        public static Reply of(String text) {
            return new Reply(Draft.text(text), false);
        }

        public static Reply privately(String text) {
            return new Reply(Draft.text(text), true);
        }
    }

    /** Replace the message whose button or select menu was used (Discord's "update message" callback). */
    record Update(Draft message) implements Action {
    }

    /**
     * Show a modal. Discord allows this only as the first and only answer to a slash command, button click or
     * message command, so the core never combines it with other actions and never asks to defer before it.
     */
    record ShowForm(Form form) implements Action {
    }

    /** Autocomplete choices for the option being typed (at most 25). */
    record Suggest(List<Choice> choices) implements Action {
        public Suggest {
            choices = List.copyOf(choices.subList(0, Math.min(choices.size(), Limits.CHOICES)));
        }
    }

    /**
     * Create a thread in a channel (a post in a forum channel) whose first message is {@code first}, then tell the
     * core with {@link Event.ThreadOpened} (or {@link Event.ThreadFailed}) carrying the same {@code ref}. The core
     * usually answers that event with the {@link Reply} to the original command.
     *
     * @param ref       the core's handle for this request
     * @param channelId where to create it (never a thread)
     * @param name      thread name, already cut to 100 characters
     */
    record OpenThread(String ref, String channelId, String name, Draft first) implements Action {
        public OpenThread {
            name = Text.cut(Text.oneLine(name), Limits.THREAD_NAME);
            if (name.isBlank()) name = "thread";
        }
    }

    /**
     * Send a new message to a channel or thread (reminders, summaries).
     *
     * @param receipt for scheduled posts that must not be lost (reminders): handed back to
     *                {@link Chat#undelivered(Receipt)} when the platform did not take the post, so that the feature
     *                hands it out again on a later tick; null for posts that need none
     */
    record Post(String channelId, Draft message, Receipt receipt) implements Action {
        public Post(String channelId, Draft message) {
            this(channelId, message, null);
        }
    }

    /**
     * What a feature needs to hear back about a scheduled post it already counted as sent.
     *
     * @param guildId the guild the post belongs to
     * @param ref     the feature's own reference, starting with one of its custom-id prefixes
     */
    record Receipt(String guildId, String ref) {
    }

    /** Replace a message the bot posted earlier. */
    record Edit(String channelId, String messageId, Draft message) implements Action {
    }

    /** Archive (close) a thread, e.g. after its spike was closed. */
    record ArchiveThread(String threadId) implements Action {
    }
}
