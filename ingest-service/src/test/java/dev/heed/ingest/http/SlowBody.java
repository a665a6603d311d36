package dev.heed.ingest.http;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A client that sends a request's head and then its body a little at a time, on a plain socket: the slow
 * uploader the server must bound. A body still on its way after the server's first wait for it counts as an
 * upload (and takes a slot), so {@link #sendUntil} trickles bytes until the server shows it has noticed.
 */
public final class SlowBody implements AutoCloseable {
    private final Socket socket;
    private final byte[] body;
    private int sent;

    private SlowBody(Socket socket, byte[] body) {
        this.socket = socket;
        this.body = body;
    }

    /** Connects and sends the head (declaring the whole body's length) and the first {@code first} bytes. */
    public static SlowBody start(int port, String apiKey, String body, int first) {
        try {
            var socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(60_000);
            socket.setTcpNoDelay(true);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST /v1/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-API-Key: "
                    + apiKey + "\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            var slow = new SlowBody(socket, bytes);
            slow.send(first);
            return slow;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the next {@code count} bytes of the body. */
    public void send(int count) {
        try {
            socket.getOutputStream().write(body, sent, count);
            socket.getOutputStream().flush();
            sent += count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one more byte every 100 ms until {@code condition} holds, never the last byte. */
    public void sendUntil(BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (sent < body.length - 1) {
                send(1);
            }
            return false;
        });
    }

    /** Sends one more byte every 100 ms until the server answers (it refused the body); returns the answer. */
    public RawHttp.Answer sendUntilAnswered() {
        sendUntil(() -> {
            try {
                return socket.getInputStream().available() > 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return answer();
    }

    /** Sends the rest of the body. */
    public void finish() {
        send(body.length - sent);
    }

    /** Reads the server's answer. */
    public RawHttp.Answer answer() {
        try {
            return RawHttp.read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the connection, cutting the body off where it is. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
