package dev.heed.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports, for callers that need a port number before the server that uses it starts. */
public final class Ports {

    private Ports() {
    }

    /**
     * A port that was free a moment ago on 127.0.0.1. Another process may still take it before the
     * caller binds it; the servers here then fail to start loudly rather than talk to a stranger.
     */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
