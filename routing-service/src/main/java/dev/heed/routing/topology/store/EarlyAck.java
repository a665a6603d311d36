package dev.heed.routing.topology.store;

import dev.heed.events.ComplaintAcknowledged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Who acknowledged a complaint and when: all the SLA processor needs to close a clock, or to refuse to start
 * one for a complaint acknowledged before its escalation arrived. Stored as {@code millis agent} text, since
 * it lives only in this service's store.
 */
public record EarlyAck(Instant at, String agent) {

    public static EarlyAck of(ComplaintAcknowledged ack) {
        return new EarlyAck(ack.getAcknowledgedAt(), ack.getAgent());
    }

    public static Serde<EarlyAck> serde() {
        return Serdes.serdeFrom(
                (topic, ack) -> ack == null ? null : (ack.at.toEpochMilli() + " " + ack.agent).getBytes(StandardCharsets.UTF_8),
                (topic, bytes) -> bytes == null ? null : parse(new String(bytes, StandardCharsets.UTF_8)));
    }

    private static EarlyAck parse(String text) {
        int space = text.indexOf(' ');
        return new EarlyAck(Instant.ofEpochMilli(Long.parseLong(text.substring(0, space))), text.substring(space + 1));
    }
}
