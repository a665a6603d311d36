package dev.heed.responder.kafka;

import dev.heed.responder.ack.ComplaintDirectory;
import dev.heed.responder.delivery.SentLog;
import dev.heed.schemas.topics.HeedTopics;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The record handlers that keep the in-memory views current from their topics: the sent log from
 * responses.sent, the complaint directory from complaints.escalated, complaints.state and
 * complaints.acknowledged.
 */
public final class Views {
    private Views() {}

    public static List<String> sentLogTopics(HeedTopics topics) {
        return List.of(topics.responsesSent().name());
    }

    public static Consumer<ConsumerRecord<byte[], byte[]>> sentLog(HeedTopics topics, SentLog log) {
        return record -> log.add(topics.responsesSent().valueSerde().deserializer()
                .deserialize(record.topic(), record.value()).getMessageId(), Instant.ofEpochMilli(record.timestamp()));
    }

    public static List<String> directoryTopics(HeedTopics topics) {
        return List.of(topics.complaintsEscalated().name(), topics.complaintsState().name(), topics.complaintsAcknowledged().name());
    }

    public static Consumer<ConsumerRecord<byte[], byte[]>> directory(HeedTopics topics, ComplaintDirectory directory) {
        return record -> {
            String topic = record.topic();
            if (record.value() == null) {
                return; // a tombstone on the compacted state topic: nothing to learn
            }
            if (topic.equals(topics.complaintsEscalated().name())) {
                directory.escalated(topics.complaintsEscalated().valueSerde().deserializer().deserialize(topic, record.value()));
            } else if (topic.equals(topics.complaintsState().name())) {
                directory.state(topics.complaintsState().valueSerde().deserializer().deserialize(topic, record.value()));
            } else {
                directory.acknowledged(topics.complaintsAcknowledged().valueSerde().deserializer().deserialize(topic, record.value()));
            }
        };
    }
}
