package dev.heed.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP forwarder on a loopback port that can be cut off like a network partition, for fault tests: every byte
 * a client writes goes to the target and back, until {@link #isolate()}. Isolated, it behaves like a link that
 * drops every packet, not like a host that refuses: open connections stay open and carry nothing either way
 * (senders fill the socket buffers and then block, readers wait for their own timeouts), and a new connection is
 * accepted but not carried to the target. {@link #heal()} lets the bytes through again, as TCP's retransmission
 * does after a short partition: stalled connections resume where they stopped, held ones are connected to the
 * target then. No bytes are lost or reordered within a connection.
 *
 * <p>Two threads per connection (one per direction) and one acceptor; meant for tens of connections. Thread-safe;
 * {@link #close()} closes the listening socket and every connection.
 */
public final class TcpProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TcpProxy.class);
    private static final int BUFFER = 16 * 1024;

    private final String name;
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private final AtomicLong forwarded = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean isolated;
    private volatile boolean closed;

    private TcpProxy(String name, ServerSocket server, InetSocketAddress target) {
        this.name = name;
        this.server = server;
        this.target = target;
        this.acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + name + "-accept");
        this.acceptor.setDaemon(true);
    }

    /**
     * A proxy listening on 127.0.0.1:{@code port} (0 for a free one) that forwards to 127.0.0.1:{@code targetPort};
     * the target need not be up yet (a connection to a target that is down is closed, as a refused one would be).
     */
    public static TcpProxy start(String name, int port, int targetPort) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
            TcpProxy proxy = new TcpProxy(name, server, new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
            proxy.acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port + " for " + name, e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on nothing passes, either way, on open connections or new ones. */
    public void isolate() {
        isolated = true;
        LOG.info("proxy {} (:{} -> :{}): isolated, {} open connections stall", name, port(), target.getPort(), sockets.size() / 2);
    }

    /** Bytes pass again: stalled connections resume, held ones are connected to the target. */
    public void heal() {
        synchronized (gate) {
            isolated = false;
            gate.notifyAll();
        }
        LOG.info("proxy {} (:{} -> :{}): healed", name, port(), target.getPort());
    }

    public boolean isolated() {
        return isolated;
    }

    /** Bytes carried so far, both directions. */
    public long forwardedBytes() {
        return forwarded.get();
    }

    @Override
    public void close() {
        closed = true;
        heal();
        closeQuietly(server);
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("proxy {}: accept failed", name, e);
                }
                return;
            }
            sockets.add(client);
            Thread connector = new Thread(() -> connect(client), "tcp-proxy-" + name + "-connect");
            connector.setDaemon(true);
            connector.start();
        }
    }

    /** Waits out an isolation, then connects the client to the target and starts both pumps. */
    private void connect(Socket client) {
        Socket upstream = null;
        try {
            awaitPassage();
            upstream = new Socket();
            sockets.add(upstream);
            upstream.connect(target, 10_000);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            pump(client, upstream, "up");
            pump(upstream, client, "down");
        } catch (IOException | InterruptedException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[BUFFER];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    awaitPassage();
                    out.write(buffer, 0, n);
                    out.flush();
                    forwarded.addAndGet(n);
                }
            } catch (SocketException e) {
                // the other side or close() ended the connection
            } catch (IOException e) {
                LOG.debug("proxy {}: {} pump ended", name, direction, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "tcp-proxy-" + name + "-" + direction);
        t.setDaemon(true);
        t.start();
    }

    /** Returns at once unless isolated; isolated, waits until healed or closed. */
    private void awaitPassage() throws InterruptedException {
        if (!isolated) {
            return;
        }
        synchronized (gate) {
            while (isolated && !closed) {
                gate.wait();
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            // closing is best effort
        }
    }
}
