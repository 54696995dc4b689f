package spikebot.bot.core;

import spikebot.knowledge.discussion.DiscussionMessage;
import spikebot.knowledge.discussion.DiscussionThread;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that goes into the chat core, in Discord's terms. An adapter (Discord, console) turns what its
 * platform delivers into one of these and hands it to {@link ChatCore#handle(Event)}.
 */
public sealed interface Event {
    Origin origin();

    /**
     * A slash command, e.g. {@code /spike start topic:… timebox:4h}.
     *
     * @param command    top-level name ({@code ask}, {@code spike}, …)
     * @param subcommand {@code start}, {@code close}, …; null for commands without subcommands
     * @param options    option name → value as text (booleans as {@code true}/{@code false}); absent options
     *                   are simply missing
     */
    record SlashCommand(Origin origin, String command, String subcommand, Map<String, String> options)
            implements Event {
        public SlashCommand {
            Objects.requireNonNull(command, "command");
            options = Map.copyOf(options);
        }

        public String option(String name) {
            String value = options.get(name);
            return value == null || value.isBlank() ? null : value;
        }
    }

    /** The user is typing an option that has {@link OptionSpec#autocomplete()}; answer with {@link Action.Suggest}. */
    record Autocomplete(Origin origin, String command, String subcommand, String option, String typed)
            implements Event {
    }

    /**
     * A button was clicked.
     *
     * @param customId  the id the core gave the button
     * @param messageId the message the button is on
     */
    record ButtonClick(Origin origin, String customId, String messageId) implements Event {
    }

    /** Options were chosen in a select menu (string select). */
    record SelectChoice(Origin origin, String customId, String messageId, List<String> values) implements Event {
        public SelectChoice {
            values = List.copyOf(values);
        }
    }

    /**
     * A modal was submitted.
     *
     * @param customId the modal's id, as the core gave it in {@link Action.ShowForm}
     * @param fields   text input id → what the user typed (empty inputs may be missing)
     */
    record FormSubmit(Origin origin, String customId, Map<String, String> fields) implements Event {
        public FormSubmit {
            fields = Map.copyOf(fields);
        }

        public String field(String id) {
            String value = fields.get(id);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /**
     * A message context-menu command ("Apps → Save as solution") on someone's message.
     *
     * @param command   the menu entry's name
     * @param messageId the message it was used on
     * @param author    display name of that message's author
     * @param content   that message's text
     */
    record MessageCommand(Origin origin, String command, String messageId, String author, String content)
            implements Event {
    }

    /**
     * A plain message in a channel the bot can read (not from a bot).
     *
     * @param content     the text, with the mention of the bot itself removed when {@code mentionsBot}
     * @param mentionsBot the message mentions the bot: treat it as a question to the bot
     */
    record MessagePosted(Origin origin, String messageId, String content, boolean mentionsBot) implements Event {
    }

    /**
     * The adapter did what an {@link Action.OpenThread} asked.
     *
     * @param ref       the {@link Action.OpenThread#ref()} it answers
     * @param threadId  the new thread (for a forum post: the post)
     * @param messageId the first message in it (for a forum post this is usually the thread id)
     */
    record ThreadOpened(Origin origin, String ref, String threadId, String messageId) implements Event {
    }

    /** The adapter could not do what an {@link Action.OpenThread} asked, e.g. the bot lacks a permission. */
    record ThreadFailed(Origin origin, String ref, String reason) implements Event {
    }

    /**
     * Something happened in a thread that nobody asked the bot about: the raw material of captured discussions.
     * No feature owns these; the core hands each to every feature that {@link Feature#watches} it, so that a
     * message can be captured and answered at once. The adapter sends them for threads and forum posts only (plain
     * channel chatter is not a discussion); bot and system messages never arrive as one.
     */
    sealed interface ThreadActivity extends Event {
    }

    /**
     * A thread or forum post was created, or the bot was added to one.
     *
     * @param newlyCreated Discord's {@code newly_created}: the thread was just started (not an older thread the
     *                     bot was added to or that came back into view), so it may deserve a "has this been asked
     *                     before?" answer
     */
    record ThreadCreated(Origin origin, DiscussionThread thread, boolean newlyCreated) implements ThreadActivity {
    }

    /** A thread's name, tags, privacy or archive state changed; {@code thread} is how it is now. */
    record ThreadChanged(Origin origin, DiscussionThread thread) implements ThreadActivity {
    }

    /** A thread was deleted (not archived: archived threads keep their messages). */
    record ThreadDeleted(Origin origin, String threadId) implements ThreadActivity {
    }

    /** A message was sent in a thread ({@link Origin#channelId()} is the thread, {@code parentId} its channel). */
    record MessageWritten(Origin origin, DiscussionMessage message) implements ThreadActivity {
    }

    /** A message in a thread was edited; {@code message} is how it reads now. */
    record MessageEdited(Origin origin, DiscussionMessage message) implements ThreadActivity {
    }

    /** Messages in a thread were deleted, one or in bulk. */
    record MessagesDeleted(Origin origin, List<String> messageIds) implements ThreadActivity {
        public MessagesDeleted {
            messageIds = List.copyOf(messageIds);
        }
    }
}
