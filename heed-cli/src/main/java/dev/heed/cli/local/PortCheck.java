package dev.heed.cli.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

/** Finds a port of the local run that something else already holds, before anything starts. */
final class PortCheck {
    private PortCheck() {}

    /** Throws {@link LocalRunException} naming the first taken port. */
    static void requireFree(Map<String, Integer> ports) {
        for (var entry : ports.entrySet()) {
            if (!free(entry.getValue())) {
                throw new LocalRunException("port " + entry.getValue() + " (" + entry.getKey()
                        + ") is already in use: stop what holds it, or move Heed with HEED_LOCAL_*_PORT (see README)");
            }
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
