package dev.heed.routing.http;

import dev.heed.routing.sla.Level;
import dev.heed.routing.topology.LocalComplaints;
import dev.heed.routing.topology.RestoreWatch;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * The service's Prometheus metrics: Kafka Streams' own (client, threads, tasks, stores, and the
 * acks-without-clock counter), plus open clocks by level, overdue complaints, dead-lettered records and restores.
 * The clock census scans the local open-clock store, so it is taken at most once per {@link #CENSUS_TTL}.
 */
public final class RoutingMetrics implements AutoCloseable {

    static final Duration CENSUS_TTL = Duration.ofSeconds(10);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final KafkaStreamsMetrics streamsMetrics;
    private final LocalComplaints local;
    private final InstantSource clock;
    private volatile LocalComplaints.Census census = new LocalComplaints.Census(Map.of(), 0);
    private volatile Instant censusAt = Instant.MIN;

    public RoutingMetrics(KafkaStreams streams, LocalComplaints local, InstantSource clock, AtomicLong deadLettered, RestoreWatch restores) {
        this.local = local;
        this.clock = clock;
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        for (Level level : Level.values()) {
            Gauge.builder("heed.routing.open.clocks", () -> census().openByLevel().getOrDefault(level, 0L))
                    .description("Unacknowledged complaints on this instance, by the level last reminded")
                    .tag("level", level.name()).register(registry);
        }
        Gauge.builder("heed.routing.overdue.complaints", () -> census().overdue())
                .description("Unacknowledged complaints on this instance past their first-response target").register(registry);
        FunctionCounter.builder("heed.routing.dead.lettered.records", deadLettered, AtomicLong::get)
                .description("Records sent to the routing dead-letter topic since start").register(registry);
        FunctionCounter.builder("heed.routing.restored.records", restores, RestoreWatch::restoredRecords)
                .description("Records restored into local stores from changelogs since start (a clean restart restores none)")
                .register(registry);
        Gauge.builder("heed.routing.restoring.partitions", restores, RestoreWatch::restoring)
                .description("Store partitions being restored from their changelogs now").register(registry);
    }

    /** Where the meters are kept, for the operations surface's {@code /metrics}. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public String scrape() {
        return registry.scrape();
    }

    private synchronized LocalComplaints.Census census() {
        Instant now = clock.instant();
        if (Duration.between(censusAt, now).compareTo(CENSUS_TTL) >= 0) {
            try {
                census = local.census(now);
                censusAt = now;
            } catch (InvalidStateStoreException e) {
                // Not running or rebalancing: keep reporting the last census rather than failing the scrape.
            }
        }
        return census;
    }

    @Override
    public void close() {
        streamsMetrics.close();
        registry.close();
    }
}
