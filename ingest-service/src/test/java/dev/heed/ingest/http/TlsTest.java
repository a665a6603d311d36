package dev.heed.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {
    private static final String PASSWORD = "changeit";

    @Test
    void shouldServeHttpsFromTheConfiguredKeystore(@TempDir Path dir) throws Exception {
        Path keystore = selfSigned(dir.resolve("tls.p12"));
        try (var fixture = new ServerFixture(Map.of("HEED_INGEST_TLS_KEYSTORE", keystore.toString(),
                "HEED_INGEST_TLS_KEYSTORE_PASSWORD", PASSWORD))) {
            var client = HttpClient.newBuilder().sslContext(trusting(keystore)).build();
            var https = new HttpTestClient(client, "https://127.0.0.1:" + fixture.server.port());

            assertThat(https.get("/health/live").status()).isEqualTo(200);
            assertThat(fixture.server.connectorCount()).as("no plain-HTTP port beside the TLS one").isEqualTo(1);
            assertThat(https.post("/v1/feedback", "application/json", FeedbackEndpointTest.VALID.formatted("tls-1"),
                    "X-API-Key", ServerFixture.WEB_KEY).status()).isEqualTo(202);
        }
    }

    @Test
    void shouldServeHealthAndMetricsInPlainHttpOnTheOperationsPortBesideHttps(@TempDir Path dir) throws Exception {
        Path keystore = selfSigned(dir.resolve("tls.p12"));
        try (var fixture = new ServerFixture(Map.of("HEED_INGEST_TLS_KEYSTORE", keystore.toString(),
                "HEED_INGEST_TLS_KEYSTORE_PASSWORD", PASSWORD, "HEED_INGEST_OPS_PORT", "0"))) {
            var ops = new HttpTestClient("http://127.0.0.1:" + fixture.server.opsPort().orElseThrow());
            var https = new HttpTestClient(HttpClient.newBuilder().sslContext(trusting(keystore)).build(),
                    "https://127.0.0.1:" + fixture.server.port());

            assertThat(ops.get("/health/ready").status()).isEqualTo(200);
            assertThat(ops.get("/metrics").status()).isEqualTo(200);
            assertThat(https.get("/health/ready").status()).isEqualTo(404);
            assertThat(fixture.server.connectorCount()).as("the TLS port and the operations port").isEqualTo(2);
        }
    }

    private static Path selfSigned(Path keystore) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "heed", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return keystore;
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
