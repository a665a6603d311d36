package dev.heed.routing.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.heed.routing.classify.Classifier;
import dev.heed.routing.http.ComplaintLookup;
import dev.heed.routing.http.RoutingHttp;
import dev.heed.routing.http.RoutingMetrics;
import dev.heed.routing.topology.LocalComplaints;
import dev.heed.routing.topology.ReplyTopics;
import dev.heed.routing.topology.RestoreWatch;
import dev.heed.routing.topology.RoutingTopology;
import dev.heed.routing.topology.store.StoreNames;
import dev.heed.runtime.catalog.KafkaAccess;
import dev.heed.runtime.kafka.TopicEnsure;
import dev.heed.runtime.launch.RunningService;
import dev.heed.schemas.topics.HeedTopics;
import dev.heed.schemas.topics.TopicSpec;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running routing service: topics ensured, Kafka Streams started, HTTP serving. Closing it stops HTTP
 * first (so readiness drops), then Streams (committing its last transaction), then the metrics. It fails by itself
 * when Streams reaches ERROR (a failed stream thread is replaced; ERROR means none can run any more).
 */
public final class RoutingService implements RunningService {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Samples are kept a little longer than the punctuator holds a due point back for an unread acknowledgement (five
     * minutes): at most about 1,240 samples of two longs per partition of each stop input.
     */
    private static final Duration WATERMARKS_KEPT = Duration.ofSeconds(310);

    private final KafkaStreams streams;
    private final AdminStopWatermarks watermarks;
    private final RoutingMetrics metrics;
    private final RoutingHttp http;
    private final CompletableFuture<Throwable> failure;
    private final RestoreWatch restores;

    private RoutingService(KafkaStreams streams, AdminStopWatermarks watermarks, RoutingMetrics metrics, RoutingHttp http,
            CompletableFuture<Throwable> failure, RestoreWatch restores) {
        this.streams = streams;
        this.watermarks = watermarks;
        this.restores = restores;
        this.metrics = metrics;
        this.http = http;
        this.failure = failure;
    }

    public static RoutingService start(RoutingConfig config, Classifier classifier, InstantSource clock) {
        HeedTopics topics = config.kafka().topics();
        // Only the topics routing reads or writes: on a cluster with ACLs it may create no others (see KafkaAccess).
        ReplyTopics replyTopics = ReplyTopics.of(config.applicationId());
        List<TopicSpec> creatable = new ArrayList<>(KafkaAccess.routing(config.kafka().topicSuffix(), config.applicationId()).creatable(topics.all()));
        // Its own reply topics too, named after its application id (which its ACLs cover, as they cover the changelogs).
        creatable.addAll(replyTopics.specs(topics));
        TopicEnsure.ensure(config.kafka(), creatable);
        AtomicLong deadLettered = new AtomicLong();
        AdminStopWatermarks watermarks = AdminStopWatermarks.start(config.kafka(), RoutingTopology.stopInputs(topics),
                config.applicationId(), sampleInterval(config.clockSettings().punctuateInterval()), WATERMARKS_KEPT);
        KafkaStreams streams;
        try {
            streams = new KafkaStreams(
                    RoutingTopology.build(topics, classifier, config.policies(), config.clockSettings(), watermarks, replyTopics),
                    StreamsProperties.of(config, topics.routingDlq().name(), deadLettered));
        } catch (RuntimeException e) {
            watermarks.close();
            throw e;
        }
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        streams.setUncaughtExceptionHandler(error -> {
            LOG.error("stream thread failed; replacing it", error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> {
            LOG.info("streams {} -> {}", before, now);
            if (now == KafkaStreams.State.ERROR) {
                failure.complete(new IllegalStateException("Kafka Streams went from " + before + " to ERROR"));
            }
        });
        RestoreWatch restores = new RestoreWatch();
        streams.setGlobalStateRestoreListener(restores);
        streams.start();

        LocalComplaints local = new LocalComplaints(streams, topics.complaintsState().valueSerde().deserializer(),
                topics.complaintsState().name());
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        HostInfo self = new HostInfo(config.advertisedHost(), config.httpPort());
        RoutingMetrics metrics = new RoutingMetrics(streams, local, clock, deadLettered, restores);
        RoutingHttp http = RoutingHttp.start(new RoutingHttp.Listen(config.httpHost(), config.httpPort(), config.opsPort()),
                streams::state, new ComplaintLookup(streams, local, self, clock, json), metrics, json, config.queryTokens());
        return new RoutingService(streams, watermarks, metrics, http, failure, restores);
    }

    /**
     * How often the brokers' end offsets of the acknowledgements and updates are sampled: a quarter of the punctuation
     * interval, between 100 ms and a second. A task that keeps up emits a due point at most about this much later.
     */
    static Duration sampleInterval(Duration punctuateInterval) {
        return Duration.ofMillis(Math.max(100, Math.min(1_000, punctuateInterval.toMillis() / 4)));
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** What this service restored from its changelogs since it started. */
    public RestoreWatch restores() {
        return restores;
    }

    /**
     * The complaint id this instance's reply index holds under {@code key} (an {@code open:} or reference key of
     * {@code ReplyKeys}), null when none: the global store, queried in place. Every instance holds the whole index.
     */
    String replyIndex(String key) {
        return streams.store(StoreQueryParameters.fromNameAndType(StoreNames.REPLY_INDEX, QueryableStoreTypes.<String, String>keyValueStore()))
                .get(key);
    }

    public int httpPort() {
        return http.port();
    }

    /** Where health and metrics are served: {@code HEED_ROUTING_OPS_PORT} when set, else the HTTP port. */
    public int opsPort() {
        return http.opsPort();
    }

    @Override
    public CompletableFuture<Throwable> failure() {
        return failure;
    }

    @Override
    public void close() {
        http.close();
        streams.close(CLOSE_TIMEOUT);
        watermarks.close();
        metrics.close();
    }
}
