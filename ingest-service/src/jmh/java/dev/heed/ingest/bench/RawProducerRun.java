package dev.heed.ingest.bench;

import dev.heed.events.FeedbackReceived;
import dev.heed.ingest.kafka.ProducerSettings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.LongFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The yardstick for the batch endpoint: the same producer settings (acks=all, idempotent) and the same
 * Avro serializer writing the same events, with no HTTP, JSON or CloudEvents in between.
 */
final class RawProducerRun {
    private RawProducerRun() {}

    /** Records per second acknowledged by the broker, over a bounded time and count. */
    static double recordsPerSecond(String bootstrapServers, String topic, Serializer<FeedbackReceived> serializer,
                                   LongFunction<FeedbackReceived> events, Duration duration, long maxRecords) throws InterruptedException {
        Map<String, Object> props = ProducerSettings.of(bootstrapServers, Duration.ofSeconds(30), Map.of());
        var inFlight = new Semaphore(50_000);
        long acked;
        long started = System.nanoTime();
        try (var producer = new KafkaProducer<String, byte[]>(props)) {
            long deadline = started + duration.toNanos();
            long n = 0;
            var errors = new java.util.concurrent.atomic.AtomicLong();
            while (n < maxRecords && System.nanoTime() < deadline) {
                FeedbackReceived event = events.apply(n++);
                inFlight.acquire();
                producer.send(new ProducerRecord<>(topic, event.getEventId(), serializer.serialize(topic, event)), (m, e) -> {
                    if (e != null) {
                        errors.incrementAndGet();
                    }
                    inFlight.release();
                });
            }
            producer.flush();
            if (errors.get() > 0) {
                throw new IllegalStateException(errors.get() + " raw writes failed");
            }
            acked = n;
        }
        return acked / ((System.nanoTime() - started) / 1e9);
    }
}
