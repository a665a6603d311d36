package dev.heed.ingest;

import dev.heed.events.FeedbackReceived;
import dev.heed.ingest.http.IngestServer;
import dev.heed.ingest.idempotency.IdempotencyStore;
import dev.heed.ingest.intake.Accepted;
import dev.heed.ingest.intake.FeedbackIntake;
import dev.heed.ingest.intake.VerdictAccepted;
import dev.heed.ingest.intake.VerdictIntake;
import dev.heed.ingest.intake.Fingerprint;
import dev.heed.ingest.kafka.FeedbackPublisher;
import dev.heed.ingest.kafka.KafkaFeedbackPublisher;
import dev.heed.ingest.kafka.ProducerReadiness;
import dev.heed.ingest.kafka.ProducerSettings;
import dev.heed.runtime.catalog.Services;
import dev.heed.runtime.kafka.TopicEnsure;
import dev.heed.runtime.launch.RunningService;
import dev.heed.runtime.launch.ServiceLauncher;
import dev.heed.schemas.topics.Topic;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Reads the configuration, wires the parts and starts the service; closing it stops the server first,
 * then flushes and closes the producer, so every request already answered 202 stays true.
 */
public final class IngestApplication implements RunningService {
    private final IngestServer server;
    private final Producer<String, byte[]> producer;
    private final KafkaClientMetrics producerMetrics;

    private IngestApplication(IngestServer server, Producer<String, byte[]> producer, KafkaClientMetrics producerMetrics) {
        this.server = server;
        this.producer = producer;
        this.producerMetrics = producerMetrics;
    }

    public static void main(String[] args) {
        ServiceLauncher.launch(Services.INGEST.name(), settings -> start(IngestConfig.from(settings), Clock.systemUTC()));
    }

    public static IngestApplication start(IngestConfig config, Clock clock) {
        Topic<String, FeedbackReceived> topic = config.kafka().topics().feedbackReceived();
        TopicEnsure.ensure(config.kafka(), List.of(topic.spec()));
        Producer<String, byte[]> producer = new KafkaProducer<>(ProducerSettings.of(config.kafka().bootstrapServers(),
                config.kafkaTimeout(), config.kafka().passthrough()));
        var meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        var producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(meters);
        var publisher = new KafkaFeedbackPublisher(producer, topic.name(), topic.valueSerde().serializer());
        var ready = new ProducerReadiness(producer, topic.name(), Duration.ofSeconds(2));
        return new IngestApplication(serve(config, publisher, ready, meters, clock), producer, producerMetrics);
    }

    /**
     * The HTTP service in front of {@code publisher}, wired as this application wires it (intake, idempotency
     * store from the configuration, server). The load benchmark runs it with a publisher that writes nothing.
     */
    public static IngestServer serve(IngestConfig config, FeedbackPublisher publisher, BooleanSupplier ready,
                                     PrometheusMeterRegistry meters, Clock clock) {
        var idempotency = new IdempotencyStore<Fingerprint, Accepted>(clock, config.idempotencyTtl(), config.idempotencyMaxEntries());
        // How full the store is, and whether it forgets keys before their TTL: then repeats are written again.
        Gauge.builder("heed.ingest.idempotency.entries", idempotency, IdempotencyStore::size)
                .description("Idempotency keys remembered").register(meters);
        FunctionCounter.builder("heed.ingest.idempotency.evicted.early", idempotency, IdempotencyStore::evictedEarly)
                .description("Idempotency keys forgotten for room before their TTL ran out").register(meters);
        var intake = new FeedbackIntake(publisher, idempotency, clock, config.retryAfter());
        // Its own store: a verdict's repeat gets the first answer whatever it says, which a fingerprint would refuse.
        var answered = new IdempotencyStore<String, VerdictAccepted>(clock, config.idempotencyTtl(), config.idempotencyMaxEntries());
        var verdicts = new VerdictIntake(config.verdictLinks(), publisher, answered, clock, config.retryAfter());
        return IngestServer.start(config, intake, verdicts, ready, meters, JsonMapping.create(), clock);
    }

    public int port() {
        return server.port();
    }

    public IngestServer server() {
        return server;
    }

    /** Ingest has no loop of its own that could stop: it stops only when told to. */
    @Override
    public CompletableFuture<Throwable> failure() {
        return new CompletableFuture<>();
    }

    @Override
    public void close() {
        server.close();
        producerMetrics.close();
        producer.close(Duration.ofSeconds(30));
    }
}
