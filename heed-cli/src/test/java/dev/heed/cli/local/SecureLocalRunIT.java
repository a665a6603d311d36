package dev.heed.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.heed.localstack.Ports;
import dev.heed.runtime.catalog.KafkaAccess;
import dev.heed.runtime.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code heed up --secure} without the shell script: the local broker with SASL_SSL, SCRAM and ACLs, the services
 * each as its own user, a complaint through ingest escalated and answered, and the endpoints file giving the CLI
 * the operator's user, with which the answer is read back.
 */
class SecureLocalRunIT {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dataDir;

    @Test
    void theSecuredLocalRunAnswersAComplaintAndTheCliReadsItAsTheOperator() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("HEED_LOCAL_DATA_DIR", dataDir.toString()));
        for (String port : List.of("KAFKA", "CONTROLLER", "REGISTRY", "INGEST", "ROUTING", "RESPONDER")) {
            env.put("HEED_LOCAL_" + port + "_PORT", Integer.toString(Ports.free()));
        }
        LocalRunConfig config = LocalRunConfig.from(REPOSITORY, env);
        SecureRun secure = SecureRun.prepare(dataDir.resolve("secure"), KafkaAccess.from(new Settings(env)));
        try (LocalRun run = new LocalRun(config, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), secure)) {
            run.start(System.getProperty("java.class.path"), ServiceCatalog.services(config, Map.of()));

            String id = "secure-up-" + System.nanoTime();
            String body = "{\"eventId\":\"" + id + "\",\"channel\":\"EMAIL\",\"rating\":1,\"occurredAt\":\"" + Instant.now()
                    + "\",\"text\":\"I was charged twice and nobody answers the phone. I want a refund.\","
                    + "\"customer\":{\"displayName\":\"Ada\",\"email\":\"ada@example.com\"}}";
            int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + config.ingestPort() + "/v1/feedback"))
                    .header("Authorization", "Bearer " + ServiceCatalog.DEMO_API_KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            assertThat(status).isEqualTo(202);

            Map<String, Object> operator = operatorFromEndpointsFile(config.endpointsFile());
            assertThat(operator).containsEntry("security.protocol", "SASL_SSL").containsKey("sasl.jaas.config");
            await().atMost(Duration.ofSeconds(90)).until(() -> keys(operator, "responses.sent").contains(id));
            assertThat(keys(operator, "complaints.escalated")).contains(id);
        }
        assertThat(Files.readString(dataDir.resolve("secure").resolve("admin.properties"))).contains("admin.password=");
    }

    /** What the CLI takes from the endpoints file: the address and the operator user's client settings. */
    private static Map<String, Object> operatorFromEndpointsFile(Path file) throws Exception {
        Properties endpoints = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            endpoints.load(in);
        }
        Map<String, Object> props = new HashMap<>();
        endpoints.stringPropertyNames().stream().filter(key -> key.startsWith("kafka."))
                .forEach(key -> props.put(key.substring("kafka.".length()), endpoints.getProperty(key)));
        props.put("bootstrap.servers", endpoints.getProperty("bootstrap.servers"));
        return props;
    }

    private static Set<String> keys(Map<String, Object> props, String topic) {
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Set<String> keys = new HashSet<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
            }
            return keys;
        }
    }
}
