package spikebot.bot.discord.fake;

import javax.net.ServerSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server socket factory that remembers the connections it accepted, so that the fake Discord can cut them all
 * at once (a network failure), which the web server library does not offer for a websocket it upgraded.
 */
final class TrackedSockets extends ServerSocketFactory {
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    /** Resets every open connection: no close frame, no FIN handshake. */
    void cutAll() {
        for (Socket socket : accepted) {
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (IOException ignored) {
                // already closed: nothing to cut
            }
        }
        accepted.clear();
    }

    private ServerSocket tracking() throws IOException {
        return new ServerSocket() {
            @Override
            public Socket accept() throws IOException {
                Socket socket = new Socket();
                implAccept(socket);
                // As Discord's servers answer: at once. With Nagle's algorithm on, a small answer's second
                // segment waited for the client's delayed ACK (40 ms on Linux): every request took ~45 ms, which
                // bounded the bot's pace more than any rate limit.
                socket.setTcpNoDelay(true);
                accepted.removeIf(Socket::isClosed);
                accepted.add(socket);
                return socket;
            }
        };
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return tracking();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        ServerSocket s = tracking();
        s.bind(new java.net.InetSocketAddress(port));
        return s;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        ServerSocket s = tracking();
        s.bind(new java.net.InetSocketAddress(port), backlog);
        return s;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        ServerSocket s = tracking();
        s.bind(new java.net.InetSocketAddress(address, port), backlog);
        return s;
    }
}
