package dev.heed.cli.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The ports inside the kernel's range for outgoing connections ({@code low..high}), each named with a warning.
     * On loopback, a connection to such a port made before its service listens can be given that same port as its
     * own source and connect to itself (a TCP self-connect); the port is then taken and the service cannot bind it.
     * The local run's readiness checks make such connections, and one run with 38xxx ports failed this way.
     */
    static List<String> inEphemeralRange(Map<String, Integer> ports, int low, int high) {
        List<String> warnings = new ArrayList<>();
        for (var entry : ports.entrySet()) {
            int port = entry.getValue();
            if (port >= low && port <= high) {
                warnings.add("port " + port + " (" + entry.getKey() + ") is in the kernel's range for outgoing connections ("
                        + low + "-" + high + "): a check that connects before the service listens can take it; choose a port below "
                        + low + " with HEED_LOCAL_*_PORT");
            }
        }
        return warnings;
    }

    /** The kernel's ephemeral port range from {@code /proc}, or null where there is none (not Linux). */
    static int[] ephemeralRange() {
        try {
            String[] bounds = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            return new int[] {Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])};
        } catch (IOException | RuntimeException e) {
            return null;
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
