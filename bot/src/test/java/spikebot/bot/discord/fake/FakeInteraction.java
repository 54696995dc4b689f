package spikebot.bot.discord.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One interaction a test user started: its id and token, and what the bot answered. The bot's answer is either
 * the callback itself (a reply, an update, a modal, autocomplete choices) or, after a deferral, an edit of the
 * original response or a followup; {@link #awaitReply()} covers all of these.
 */
public final class FakeInteraction {
    private final FakeDiscord discord;
    private final long id;
    private final String token;
    private final long channelId;
    private final int type;
    private final long componentMessageId;
    private final long sentNanos = System.nanoTime();
    private final Instant created;
    private final List<Long> replies = new ArrayList<>();
    private boolean acknowledged;
    /** A deferred reply still shows "thinking…": the next follow-up or edit of the original takes its place. */
    private boolean deferred;
    private long originalId;

    FakeInteraction(FakeDiscord discord, long id, String token, int type, long channelId, long componentMessageId,
                    Instant created) {
        this.type = type;
        this.created = created;
        this.discord = discord;
        this.id = id;
        this.token = token;
        this.channelId = channelId;
        this.componentMessageId = componentMessageId;
    }

    public long id() {
        return id;
    }

    public String token() {
        return token;
    }

    /** Discord's interaction type: 2 command, 3 component, 4 autocomplete, 5 form. */
    public int type() {
        return type;
    }

    public long channelId() {
        return channelId;
    }

    /** When the fake sent this interaction to the bot ({@link System#nanoTime()}). */
    public long sentNanos() {
        return sentNanos;
    }

    /** When Discord created it: the time in its snowflake id, on the fake's clock. */
    public Instant created() {
        return created;
    }

    /** The message whose component was used, or 0. */
    long componentMessageId() {
        return componentMessageId;
    }

    /** The interaction callback the bot sent (the first answer to any interaction). */
    public RecordedCall awaitCallback() {
        return discord.await(c -> c.isInteractionCallback() && c.path().contains("/" + token + "/"));
    }

    /**
     * The first message the user sees as the bot's answer, in its current state: the reply, the message updated
     * by a component callback, the deferred response once edited, or a followup.
     */
    public ObjectNode awaitReply() {
        return awaitReplies(1).get(0);
    }

    /** The first {@code count} answer messages (see {@link #awaitReply()}), each in its current state. */
    public List<ObjectNode> awaitReplies(int count) {
        discord.awaitCount(c -> c.status() < 300 && c.path().contains("/" + token) && isAnswer(c), count);
        List<Long> ids;
        synchronized (this) {
            ids = List.copyOf(replies);
        }
        return ids.stream().limit(count).map(i -> discord.world().messages().lastSeen(i)
                .orElseThrow(() -> new AssertionError("the fake lost message " + i))).toList();
    }

    private static boolean isAnswer(RecordedCall call) {
        if (call.isInteractionCallback()) return call.callbackType() == 4 || call.callbackType() == 7;
        return call.is("POST", "webhooks/\\d+/[^/]+") || call.is("PATCH", "webhooks/\\d+/[^/]+/messages/.+");
    }

    synchronized boolean acknowledge() {
        if (acknowledged) return false;
        acknowledged = true;
        return true;
    }

    synchronized void deferred() {
        deferred = true;
    }

    /** Whether the deferred reply was still waiting for its answer; it is not any more. */
    synchronized boolean takeDeferred() {
        boolean was = deferred;
        deferred = false;
        return was;
    }

    synchronized void original(long messageId) {
        originalId = messageId;
    }

    synchronized long originalId() {
        return originalId;
    }

    synchronized void replied(long messageId) {
        replies.add(messageId);
    }
}
