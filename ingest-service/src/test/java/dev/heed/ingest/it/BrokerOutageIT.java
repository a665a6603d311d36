package dev.heed.ingest.it;

import static dev.heed.ingest.http.HttpTestClient.quotes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.heed.ingest.IngestApplication;
import dev.heed.ingest.http.HttpTestClient;
import dev.heed.ingest.http.HttpTestClient.Answer;
import dev.heed.localstack.BrokerProcess;
import dev.heed.localstack.LocalStack;
import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Stack;
import dev.heed.schemas.topics.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka stops mid-test: answers turn into 503 within the configured bound, and once the broker is back
 * the same service instance recovers by itself; every 202 it gave is in the topic, once.
 */
@ExtendWith(LocalStackExtension.class)
class BrokerOutageIT {
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(3);
    // send() may wait max.block.ms for metadata and then the record delivery.timeout.ms; both are the timeout.
    private static final Duration ANSWER_BOUND = KAFKA_TIMEOUT.multipliedBy(2).plusSeconds(2);
    private final String past = Instant.now().minus(1, ChronoUnit.HOURS).toString();

    @Test
    void shouldAnswer503WhileKafkaIsDownAndRecoverByItself(Stack stack, @TempDir Path dir) {
        try (BrokerProcess broker = LocalStack.startIsolatedBroker(dir.resolve("kafka"));
             IngestApplication app = ItServices.start(broker.bootstrapServers(), stack.registryUrl(), Map.of(
                     "HEED_INGEST_KAFKA_TIMEOUT", "PT3S", "HEED_INGEST_RETRY_AFTER", "PT1S"))) {
            var http = new HttpTestClient("http://127.0.0.1:" + app.port());
            List<String> accepted = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                accepted.add(acceptedId(post(http, "before-" + i)));
            }

            broker.stop();
            for (int i = 0; i < 2; i++) {
                long started = System.nanoTime();
                Answer down = post(http, "during-" + i);
                assertThat(down.status()).as(down.raw().body()).isEqualTo(503);
                assertThat(down.header("Retry-After")).isEqualTo("1");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ANSWER_BOUND);
            }

            broker.start();
            // The same instance, with no restart or operator action, takes writes again; the 503'd ids are retried.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> post(http, "during-0").status() == 202);
            accepted.add("during-0");
            accepted.add(acceptedId(post(http, "during-1")));
            accepted.add(acceptedId(post(http, "after")));

            Map<String, Long> counts = new TopicReader(broker.bootstrapServers(), stack.registryUrl())
                    .readAll(TopicNames.FEEDBACK_RECEIVED).stream()
                    .collect(Collectors.groupingBy(r -> r.raw().key(), Collectors.counting()));
            assertThat(counts).containsOnlyKeys(accepted);
            assertThat(counts.values()).as("every 202 is in the topic exactly once").containsOnly(1L);
        }
    }

    private Answer post(HttpTestClient http, String id) {
        return http.post("/v1/feedback", "application/json",
                quotes("{'eventId':'%s','channel':'WEB','text':'x','occurredAt':'%s'}").formatted(id, past),
                "X-API-Key", ItServices.WEB_KEY);
    }

    private static String acceptedId(Answer answer) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(202);
        return answer.json().get("eventId").textValue();
    }
}
