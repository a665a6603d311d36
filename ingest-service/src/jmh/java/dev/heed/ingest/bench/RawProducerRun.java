package dev.heed.ingest.bench;

import dev.heed.events.FeedbackReceived;
import dev.heed.ingest.kafka.KafkaFeedbackPublisher;
import dev.heed.ingest.kafka.ProducerSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The yardstick for the batch endpoint: the same producer settings (acks=all, idempotent, and any
 * {@code -Dbench.kafka.*} the service was given) and the same
 * Avro serializer writing the same events, with no HTTP, JSON or CloudEvents SDK in between. With
 * {@code sameRecords} each record also carries what the service's records carry (the {@code ce_*}
 * headers, about 140 bytes, and the timestamp), copied from the service's own record for the first
 * event, so both sides move the same bytes; without it only key and value, as the first version did.
 */
final class RawProducerRun {
    private RawProducerRun() {}

    /** What one run wrote: records acknowledged by the broker, and the seconds from the producer's start to its close. */
    record Result(long records, double seconds) {
        double perSecond() {
            return records / seconds;
        }
    }

    /** Records acknowledged by the broker, over a bounded time and count. */
    static Result run(String bootstrapServers, Map<String, String> passthrough, String topic, Serializer<FeedbackReceived> serializer,
                      LongFunction<FeedbackReceived> events, Duration duration, long maxRecords, boolean sameRecords)
            throws InterruptedException {
        Map<String, Object> props = ProducerSettings.of(bootstrapServers, Duration.ofSeconds(30), passthrough);
        var inFlight = new Semaphore(50_000);
        // Every bench event has the same source and times, so only ce_id differs between records.
        FeedbackReceived first = events.apply(0);
        Header[] template = KafkaFeedbackPublisher.record(topic, first, serializer.serialize(topic, first)).headers().toArray();
        long acked;
        long started = System.nanoTime();
        try (var producer = new KafkaProducer<String, byte[]>(props)) {
            long deadline = started + duration.toNanos();
            long n = 0;
            var errors = new AtomicLong();
            while (n < maxRecords && System.nanoTime() < deadline) {
                FeedbackReceived event = events.apply(n++);
                inFlight.acquire();
                byte[] value = serializer.serialize(topic, event);
                ProducerRecord<String, byte[]> record = sameRecords
                        ? new ProducerRecord<>(topic, null, event.getReceivedAt().toEpochMilli(), event.getEventId(), value, Arrays.asList(headers(template, event)))
                        : new ProducerRecord<>(topic, event.getEventId(), value);
                producer.send(record, (m, e) -> {
                    if (e != null) {
                        errors.incrementAndGet();
                    }
                    inFlight.release();
                });
            }
            producer.flush();
            System.out.printf("    raw producer: records/request %.1f, batch bytes avg %.0f%n",
                    metric(producer, "records-per-request-avg"), metric(producer, "batch-size-avg"));
            if (errors.get() > 0) {
                throw new IllegalStateException(errors.get() + " raw writes failed");
            }
            acked = n;
        }
        return new Result(acked, (System.nanoTime() - started) / 1e9);
    }

    static double metric(Producer<?, ?> producer, String name) {
        return producer.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(name) && e.getKey().group().equals("producer-metrics"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).findFirst().orElse(Double.NaN);
    }

    private static Header[] headers(Header[] template, FeedbackReceived event) {
        Header[] headers = template.clone();
        for (int i = 0; i < headers.length; i++) {
            if (headers[i].key().equals("ce_id")) {
                headers[i] = new RecordHeader("ce_id", event.getEventId().getBytes(StandardCharsets.UTF_8));
            }
        }
        return headers;
    }
}
