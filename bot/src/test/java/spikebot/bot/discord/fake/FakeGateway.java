package spikebot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static spikebot.bot.discord.fake.FakeWorld.JSON;

/**
 * The fake gateway: one session (identify, then resume across reconnects), JSON encoding, no compression. It
 * speaks the opcodes JDA needs: HELLO (10), IDENTIFY (2), READY and GUILD_CREATE dispatches, HEARTBEAT (1) and its
 * ACK (11), RESUME (6) with replay of missed dispatches then RESUMED, and for fault tests RECONNECT (7) and
 * INVALID_SESSION (9). Dispatches sent while no connection is up are kept and replayed on resume, as Discord does.
 */
final class FakeGateway {
    private static final Logger LOG = LoggerFactory.getLogger(FakeGateway.class);
    static final int HEARTBEAT_INTERVAL_MS = 41_250;

    private final FakeDiscord discord;
    private final Object lock = new Object();
    /** Every dispatch of the current session, in order, so that a resume can replay what the client missed. */
    private final List<ObjectNode> sent = new ArrayList<>();
    private String sessionId;
    private int seq;
    private WebSocket socket;
    private boolean ready;
    private int identifies;
    private int resumes;
    private int heartbeats;
    private volatile boolean refuseMessageContent;

    FakeGateway(FakeDiscord discord) {
        this.discord = discord;
    }

    /** A listener for one websocket connection. */
    WebSocketListener newConnection(String query) {
        if (!query.contains("encoding=json") || query.contains("compress=")) {
            throw new AssertionError("the fake gateway speaks JSON without compression, the client asked: " + query);
        }
        return new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                synchronized (lock) {
                    socket = webSocket;
                    ready = false;
                }
                send(webSocket, op(10, JSON.createObjectNode().put("heartbeat_interval", HEARTBEAT_INTERVAL_MS)));
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                try {
                    JsonNode frame = JSON.readTree(text);
                    TrafficRecorder.gateway(discord.testName(), true, frame);
                    receive(webSocket, frame);
                } catch (IOException e) {
                    LOG.error("fake gateway: unreadable frame {}", text, e);
                }
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                webSocket.close(code, null);
                disconnected(webSocket);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                disconnected(webSocket);
            }
        };
    }

    private void disconnected(WebSocket webSocket) {
        synchronized (lock) {
            if (socket == webSocket) {
                socket = null;
                ready = false;
            }
            lock.notifyAll();
        }
    }

    private void receive(WebSocket webSocket, JsonNode frame) {
        int op = frame.path("op").asInt(-1);
        JsonNode d = frame.path("d");
        switch (op) {
            case 1 -> {
                synchronized (lock) {
                    heartbeats++;
                }
                send(webSocket, op(11, null));
            }
            case 2 -> identify(webSocket, d);
            case 6 -> resume(webSocket, d);
            case 3, 4, 8 -> { } // presence, voice state, member requests: nothing to do here
            default -> LOG.warn("fake gateway: unexpected op {}: {}", op, frame);
        }
    }

    private void identify(WebSocket webSocket, JsonNode d) {
        if (!FakeDiscord.TOKEN.equals(d.path("token").asText())) {
            webSocket.close(4004, "Authentication failed.");
            return;
        }
        discord.identified(d);
        if (refuseMessageContent && (d.path("intents").asLong() & (1L << 15)) != 0) {
            webSocket.close(4014, "Disallowed intent(s).");
            return;
        }
        synchronized (lock) {
            identifies++;
            sessionId = UUID.randomUUID().toString();
            seq = 0;
            sent.clear();
            ObjectNode readyEvent = JSON.createObjectNode();
            readyEvent.put("v", 10);
            readyEvent.set("user", discord.world().json().selfUserJson());
            var guilds = readyEvent.putArray("guilds");
            discord.world().guilds().forEach(g ->
                    guilds.addObject().put("id", FakeWorld.id(g.id())).put("unavailable", true));
            readyEvent.put("session_id", sessionId);
            readyEvent.put("resume_gateway_url", discord.gatewayUrl());
            readyEvent.putArray("private_channels");
            readyEvent.putObject("application").put("id", FakeWorld.id(FakeWorld.APPLICATION_ID)).put("flags", 0);
            readyEvent.putArray("_trace").add("fake-discord");
            dispatchLocked("READY", readyEvent);
            for (FakeWorld.Guild guild : discord.world().guilds()) {
                dispatchLocked("GUILD_CREATE", discord.world().json().guildCreateJson(guild));
            }
            ready = true;
            lock.notifyAll();
        }
    }

    private void resume(WebSocket webSocket, JsonNode d) {
        synchronized (lock) {
            if (sessionId == null || !sessionId.equals(d.path("session_id").asText())
                    || !FakeDiscord.TOKEN.equals(d.path("token").asText())) {
                send(webSocket, op(9, JSON.getNodeFactory().booleanNode(false)));
                return;
            }
            resumes++;
            int last = d.path("seq").asInt();
            for (ObjectNode frame : sent) {
                if (frame.path("s").asInt() > last) send(webSocket, frame);
            }
            ObjectNode resumed = JSON.createObjectNode();
            resumed.putArray("_trace").add("fake-discord");
            dispatchLocked("RESUMED", resumed);
            ready = true;
            lock.notifyAll();
        }
    }

    /** Sends a dispatch now, or keeps it for replay when the client is away. */
    void dispatch(String type, ObjectNode data) {
        synchronized (lock) {
            dispatchLocked(type, data);
        }
    }

    private void dispatchLocked(String type, ObjectNode data) {
        ObjectNode frame = op(0, data);
        frame.put("t", type);
        frame.put("s", ++seq);
        sent.add(frame);
        if (socket != null) send(socket, frame);
    }

    /** Waits until a session is ready (after READY or RESUMED) on a live connection. */
    void awaitReady(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (lock) {
            while (!(ready && socket != null)) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) throw new AssertionError("the client did not (re)connect to the fake gateway in time");
                lock.wait(left);
            }
        }
    }

    /** Forgets the connection; the caller cuts the TCP connections under it, as a network failure would. */
    void dropped() {
        synchronized (lock) {
            socket = null;
            ready = false;
        }
    }

    /** Op 7: Discord asks the client to reconnect and resume. */
    void requestReconnect() {
        synchronized (lock) {
            if (socket != null) send(socket, op(7, null));
        }
    }

    /** Op 9: the session is invalid; {@code resumable} tells the client whether it may resume. */
    void invalidateSession(boolean resumable) {
        synchronized (lock) {
            if (!resumable) sessionId = null;
            if (socket != null) send(socket, op(9, JSON.getNodeFactory().booleanNode(resumable)));
        }
    }

    /** As Discord does when the Developer Portal has the Message Content intent switched off. */
    void refuseMessageContent() {
        refuseMessageContent = true;
    }

    /** Waits until the client has identified {@code n} times in all (a new session after an invalid one). */
    void awaitIdentifies(int n, long timeoutMillis) throws InterruptedException {
        awaitCount(() -> identifies, n, "identified", timeoutMillis);
    }

    /** Waits until the client has resumed {@code n} times in all. */
    void awaitResumes(int n, long timeoutMillis) throws InterruptedException {
        awaitCount(() -> resumes, n, "resumed", timeoutMillis);
    }

    private void awaitCount(java.util.function.IntSupplier count, int n, String what, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (lock) {
            while (count.getAsInt() < n) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) throw new AssertionError("the client " + what + " " + count.getAsInt() + " times, not " + n);
                lock.wait(left);
            }
        }
    }

    int identifies() {
        synchronized (lock) {
            return identifies;
        }
    }

    int resumes() {
        synchronized (lock) {
            return resumes;
        }
    }

    int heartbeats() {
        synchronized (lock) {
            return heartbeats;
        }
    }

    private static ObjectNode op(int op, JsonNode d) {
        ObjectNode frame = JSON.createObjectNode();
        frame.put("op", op);
        frame.set("d", d == null ? JSON.nullNode() : d);
        frame.putNull("s");
        frame.putNull("t");
        return frame;
    }

    private void send(WebSocket webSocket, JsonNode frame) {
        TrafficRecorder.gateway(discord.testName(), false, frame);
        webSocket.send(frame.toString());
    }
}
