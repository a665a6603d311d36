package dev.heed.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

    /** Long enough for bytes that can pass to pass; absence is what the isolated cases assert. */
    private static final int NOTHING_WITHIN_MS = 300;
    private static final int ARRIVES_WITHIN_MS = 10_000;

    private ServerSocket echo;
    private TcpProxy proxy;

    @BeforeEach
    void startEchoServerBehindAProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    Thread t = new Thread(() -> {
                        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                            in.transferTo(out);
                        } catch (IOException e) {
                            // the test closed it
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        server.setDaemon(true);
        server.start();
        proxy = TcpProxy.start("test", 0, echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void bytesPassBothWays() throws IOException {
        try (Socket s = connect()) {
            send(s, "hello");
            assertThat(receive(s, 5, ARRIVES_WITHIN_MS)).isEqualTo("hello");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> proxy.forwardedBytes() == 10);
    }

    @Test
    void anIsolatedLinkCarriesNothingOnAnOpenConnectionAndResumesWhenHealed() throws IOException {
        try (Socket s = connect()) {
            send(s, "one");
            assertThat(receive(s, 3, ARRIVES_WITHIN_MS)).isEqualTo("one");
            proxy.isolate();
            send(s, "two");
            s.setSoTimeout(NOTHING_WITHIN_MS);
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            assertThat(s.isClosed()).isFalse();
            proxy.heal();
            assertThat(receive(s, 3, ARRIVES_WITHIN_MS)).isEqualTo("two");
        }
    }

    @Test
    void aConnectionOpenedWhileIsolatedIsHeldAndCarriedWhenHealed() throws IOException {
        proxy.isolate();
        try (Socket s = connect()) {
            send(s, "held");
            s.setSoTimeout(NOTHING_WITHIN_MS);
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            proxy.heal();
            assertThat(receive(s, 4, ARRIVES_WITHIN_MS)).isEqualTo("held");
        }
    }

    @Test
    void aTargetThatIsDownClosesTheConnection() throws IOException {
        echo.close();
        try (Socket s = connect()) {
            s.setSoTimeout(ARRIVES_WITHIN_MS);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    private Socket connect() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
    }

    private static String receive(Socket s, int bytes, int timeoutMs) throws IOException {
        s.setSoTimeout(timeoutMs);
        return new String(s.getInputStream().readNBytes(bytes), StandardCharsets.UTF_8);
    }
}
