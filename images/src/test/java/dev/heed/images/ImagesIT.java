package dev.heed.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Ports;
import dev.heed.localstack.Stack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The three service images, as {@code -Pimages} built them, run from their tars against a real broker and
 * registry: each starts as the image's user and becomes ready, and a complaint posted to the ingest image is
 * escalated by the routing image and acknowledged through the responder image.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImagesIT {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target", "images-it").toAbsolutePath();
    private static final String IMAGE_USER = "10001:10001";
    private static final String API_KEY = "images-it-key";
    private static final String AGENT_TOKEN = "images-it-agent-token";
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Running> running = new LinkedHashMap<>();

    private record Running(ContainerImage image, Process process, int port, Path log) {}

    @BeforeAll
    void startEveryImage(Stack stack) throws Exception {
        assertThat((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"))
                .as("ImagesIT unpacks layers with their owners and chroots into them: run the images build as root")
                .isZero();
        new ProcessBuilder("rm", "-rf", WORK.toString()).start().waitFor();
        Files.createDirectories(WORK);

        Map<String, String> common = Map.of(
                "HEED_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                "HEED_REGISTRY_URL", stack.registryUrl(),
                "HEED_TOPIC_REPLICATION_FACTOR", "1");
        // Producers of a topic first, as the local run starts them.
        start("routing-service", common, "HEED_ROUTING_HTTP_PORT",
                Map.of("HEED_ACK_TOKENS", "agent:images-agent:" + sha256(AGENT_TOKEN)));
        start("responder-service", common, "HEED_RESPONDER_PORT",
                Map.of("HEED_ACK_TOKENS", "agent:images-agent:" + sha256(AGENT_TOKEN)));
        start("ingest-service", common, "HEED_INGEST_PORT", Map.of("HEED_INGEST_API_KEYS", "images=" + sha256(API_KEY)));
    }

    @AfterAll
    void stopEveryImage() throws InterruptedException {
        for (Running service : running.values()) {
            ContainerImage.stop(service.process());
        }
    }

    @Test
    void eachImageRunsAsItsOwnUserWithTheMetadataComposeReliesOn() throws IOException {
        for (Map.Entry<String, Running> entry : running.entrySet()) {
            Running service = entry.getValue();
            assertThat(service.image().runtime().path("User").asText()).isEqualTo(IMAGE_USER);
            assertThat(service.image().runtime().path("Labels").path("org.opencontainers.image.title").asText())
                    .isEqualTo(entry.getKey());
            assertThat(service.image().runtime().path("ExposedPorts").fieldNames()).toIterable().hasSize(1);
            // The compose health checks call curl inside the container.
            assertThat(service.image().root().resolve("usr/bin/curl")).exists();
            long pid = ContainerImage.service(service.process()).pid();
            assertThat(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")))
                    .as("%s's JVM runs as the image's user", entry.getKey())
                    .anyMatch(line -> line.matches("Uid:\\s+10001\\s+10001\\s+10001\\s+10001"));
        }
        // Kafka Streams keeps its state where the image's environment says, and the image's user could write it.
        Path state = running.get("routing-service").image().root().resolve("var/lib/heed/routing");
        try (Stream<Path> files = Files.walk(state)) {
            assertThat(files.filter(Files::isRegularFile).toList()).isNotEmpty()
                    .allSatisfy(file -> assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(10001));
        }
    }

    @Test
    void aComplaintPostedToTheIngestImageIsEscalatedByRoutingAndAcknowledgedThroughTheResponder() throws Exception {
        String id = "images-it-" + Instant.now().toEpochMilli();
        String feedback = "{\"eventId\":\"" + id + "\",\"channel\":\"EMAIL\",\"rating\":1,"
                + "\"text\":\"I was charged twice for my order and nobody answers the phone. I want a refund.\","
                + "\"occurredAt\":\"" + Instant.now() + "\",\"customer\":{\"displayName\":\"Images IT\",\"email\":\"it@example.com\"}}";
        HttpResponse<String> accepted = post("ingest-service", "/v1/feedback", API_KEY, feedback);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        await().atMost(Duration.ofMinutes(1)).until(() -> complaint(id).statusCode() == 200);

        // The responder learns of the complaint from complaints.escalated on its own time: until then it answers 404.
        HttpResponse<String> ack = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> post("responder-service", "/v1/complaints/" + id + "/acknowledgements", AGENT_TOKEN,
                        "{\"agent\":\"images-agent\",\"note\":\"from the image test\"}"), response -> response.statusCode() != 404);
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(201);
        await().atMost(Duration.ofMinutes(1)).until(() -> complaint(id).body().contains("\"status\":\"ACKNOWLEDGED\""));
    }

    private void start(String service, Map<String, String> common, String portVariable, Map<String, String> own)
            throws Exception {
        Path tar = REPOSITORY.resolve(service).resolve("target/jib-image.tar");
        assertThat(tar).as("the images profile builds %s's image first", service).exists();
        ContainerImage image = ContainerImage.unpack(tar, WORK.resolve(service).resolve("rootfs"));
        int port = Ports.free();
        Map<String, String> env = new LinkedHashMap<>(common);
        env.putAll(own);
        env.put(portVariable, Integer.toString(port));
        Path log = WORK.resolve(service + ".log");
        Process process = image.start(env, log);
        running.put(service, new Running(image, process, port, log));
        URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
        await().atMost(READY_WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError(service + " exited " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                return http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notListeningYet) {
                return false;
            }
        });
    }

    private HttpResponse<String> post(String service, String path, String bearer, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.get(service).port() + path))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> complaint(String id) throws Exception {
        return http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + running.get("routing-service").port() + "/v1/complaints/" + id))
                        .header("Authorization", "Bearer " + AGENT_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String sha256(String secret) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
