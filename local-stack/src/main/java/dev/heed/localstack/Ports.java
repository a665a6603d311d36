package dev.heed.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports, for callers that need a port number before the server that uses it starts. */
public final class Ports {

    /** How many recently handed-out ports are never handed out again. */
    static final int REMEMBERED = 1024;
    private static final java.util.Deque<Integer> RECENT = new java.util.ArrayDeque<>();
    private static final java.util.Set<Integer> RECENT_SET = new java.util.HashSet<>();

    private Ports() {
    }

    /**
     * A port that was free a moment ago on 127.0.0.1, and not one of the last {@value #REMEMBERED} this JVM handed
     * out: the kernel may give the same free port to two calls in a row, and a broker asking for a client and a
     * controller port got both on one (a flaky start in BrokerProcessIT). Another process may still take it before
     * the caller binds it; the servers here then fail to start loudly rather than talk to a stranger.
     */
    public static synchronized int free() {
        for (int attempt = 0; ; attempt++) {
            int port = bindEphemeral();
            if (RECENT_SET.add(port)) {
                RECENT.addLast(port);
                if (RECENT.size() > REMEMBERED) {
                    RECENT_SET.remove(RECENT.removeFirst());
                }
                return port;
            }
            if (attempt > 1000) {
                throw new IllegalStateException("no loopback port that was not handed out recently");
            }
        }
    }

    private static int bindEphemeral() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
