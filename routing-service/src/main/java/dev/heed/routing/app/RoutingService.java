package dev.heed.routing.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.heed.routing.classify.Classifier;
import dev.heed.routing.http.ComplaintLookup;
import dev.heed.routing.http.RoutingHttp;
import dev.heed.routing.http.RoutingMetrics;
import dev.heed.routing.topology.LocalComplaints;
import dev.heed.routing.topology.RoutingTopology;
import dev.heed.schemas.registry.HttpSchemaRegistryClient;
import dev.heed.schemas.topics.HeedTopics;
import dev.heed.schemas.topics.TopicCreator;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running routing service: topics ensured, Kafka Streams started, HTTP serving. Closing it stops HTTP
 * first (so readiness drops), then Streams (committing its last transaction), then the metrics.
 */
public final class RoutingService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingService.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final RoutingMetrics metrics;
    private final RoutingHttp http;

    private RoutingService(KafkaStreams streams, RoutingMetrics metrics, RoutingHttp http) {
        this.streams = streams;
        this.metrics = metrics;
        this.http = http;
    }

    public static RoutingService start(RoutingConfig config, Classifier classifier, InstantSource clock) {
        HeedTopics topics = HeedTopics.create(new HttpSchemaRegistryClient(config.registryUrl()), config.autoRegister(),
                config.partitions());
        if (config.createTopics()) {
            createTopics(config, topics);
        }
        AtomicLong deadLettered = new AtomicLong();
        KafkaStreams streams = new KafkaStreams(
                RoutingTopology.build(topics, classifier, config.policies(), config.clockSettings()),
                StreamsProperties.of(config, deadLettered));
        streams.setUncaughtExceptionHandler(error -> {
            LOG.error("stream thread failed; replacing it", error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> LOG.info("streams {} -> {}", before, now));
        streams.start();

        LocalComplaints local = new LocalComplaints(streams, topics.complaintsState().valueSerde().deserializer(),
                topics.complaintsState().name());
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        HostInfo self = new HostInfo(config.advertisedHost(), config.httpPort());
        RoutingMetrics metrics = new RoutingMetrics(streams, local, clock, deadLettered);
        RoutingHttp http = RoutingHttp.start(new RoutingHttp.Listen(config.httpHost(), config.httpPort(), config.opsPort()),
                streams::state, new ComplaintLookup(streams, local, self, clock, json), metrics, json, config.queryTokens());
        return new RoutingService(streams, metrics, http);
    }

    private static void createTopics(RoutingConfig config, HeedTopics topics) {
        Map<String, Object> adminProps = new java.util.HashMap<>(config.kafka());
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        try (Admin admin = Admin.create(adminProps)) {
            TopicCreator.createMissing(admin, topics.all(), config.replicationFactor(), ADMIN_TIMEOUT);
        }
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public int httpPort() {
        return http.port();
    }

    /** Where health and metrics are served: {@code HEED_ROUTING_OPS_PORT} when set, else the HTTP port. */
    public int opsPort() {
        return http.opsPort();
    }

    @Override
    public void close() {
        http.close();
        streams.close(CLOSE_TIMEOUT);
        metrics.close();
    }
}
