package dev.heed.responder.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy in front of an SMTP server that holds back the end of each message's DATA (the line with a single
 * dot) for {@code latency} before passing it on, so every message takes that much longer on its connection while
 * connections go on side by side. (GreenMail stores messages under one lock, so a delay inside it would make
 * every message wait for the one before.)
 */
final class LatencyProxy implements AutoCloseable {
    private static final byte[] END_OF_DATA = {'\r', '\n', '.', '\r', '\n'};

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "smtp-latency-proxy");
        thread.setDaemon(true);
        return thread;
    });

    LatencyProxy(int targetPort, Duration latency) throws IOException {
        server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    client.setTcpNoDelay(true);
                    target.setTcpNoDelay(true);
                    threads.execute(() -> pump(client, target, latency));
                    threads.execute(() -> pump(target, client, Duration.ZERO));
                } catch (IOException e) {
                    return; // closed
                }
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    /** Copies {@code from} to {@code to}, waiting {@code latency} before passing on a chunk that ends a message. */
    private static void pump(Socket from, Socket to, Duration latency) {
        byte[] buffer = new byte[16 * 1024];
        int matched = 0; // how much of END_OF_DATA the bytes so far end with, across reads
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                boolean endsAMessage = false;
                for (int i = 0; i < read; i++) {
                    matched = buffer[i] == END_OF_DATA[matched] ? matched + 1 : buffer[i] == END_OF_DATA[0] ? 1 : 0;
                    if (matched == END_OF_DATA.length) {
                        endsAMessage = true;
                        matched = 0;
                    }
                }
                if (endsAMessage && !latency.isZero()) {
                    Thread.sleep(latency.toMillis()); // the injected latency itself
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: the try closes the other
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
