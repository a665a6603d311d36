package dev.heed.responder.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Ports;
import dev.heed.localstack.Stack;
import dev.heed.responder.ResponderApplication;
import dev.heed.responder.ResponderConfig;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A responder told to keep health and metrics on an operations port and to listen on loopback only: the
 * public port no longer answers them, the operations port answers nothing else, and neither is reachable on
 * another interface.
 */
@ExtendWith(LocalStackExtension.class)
class OpsPortIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthAndMetricsMoveToTheOpsPortAndBothListenOnLoopbackOnly(Stack stack) throws Exception {
        try (Pipeline pipeline = new Pipeline(stack)) {
            Map<String, String> env = pipeline.env();
            env.put("HEED_RESPONDER_HOST", "127.0.0.1");
            env.put("HEED_RESPONDER_OPS_PORT", Integer.toString(Ports.free()));
            try (ResponderApplication app = ResponderApplication.start(ResponderConfig.from(env), Clock.systemUTC(), d -> { }, t -> t)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> get("127.0.0.1", app.opsPort(), "/health/ready").statusCode() == 200);

                assertThat(app.opsPort()).isNotEqualTo(app.port());
                assertThat(get("127.0.0.1", app.opsPort(), "/health/live").statusCode()).isEqualTo(200);
                assertThat(get("127.0.0.1", app.opsPort(), "/metrics").body()).contains("heed_responder_notification_latency_seconds");
                HttpResponse<String> moved = get("127.0.0.1", app.port(), "/metrics");
                assertThat(moved.statusCode()).isEqualTo(404);
                assertThat(moved.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
                assertThat(get("127.0.0.1", app.port(), "/health/ready").statusCode()).isEqualTo(404);
                assertThat(get("127.0.0.1", app.port(), "/console/index.html").statusCode()).isEqualTo(200);
                assertThat(get("127.0.0.1", app.opsPort(), "/console/index.html").statusCode()).isEqualTo(404);
                String elsewhere = nonLoopbackAddress();
                if (elsewhere != null) {
                    assertThat(refused(elsewhere, app.port())).as("the API on " + elsewhere).isTrue();
                    assertThat(refused(elsewhere, app.opsPort())).as("the ops port on " + elsewhere).isTrue();
                }
            }
        }
    }

    private HttpResponse<String> get(String host, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private boolean refused(String host, int port) throws Exception {
        try {
            get(host, port, "/health/live");
            return false;
        } catch (ConnectException e) {
            return true;
        }
    }

    /** This machine's address on another interface than loopback, or null when it has none. */
    static String nonLoopbackAddress() throws Exception {
        InetAddress local = InetAddress.getLocalHost();
        if (!local.isLoopbackAddress()) {
            return local.getHostAddress();
        }
        return java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address)
                .map(InetAddress::getHostAddress).findFirst().orElse(null);
    }
}
