package dev.heed.responder.kafka;

import dev.heed.responder.ack.ComplaintDirectory;
import dev.heed.responder.delivery.SentLog;
import dev.heed.responder.input.Input;
import dev.heed.responder.input.InputDecoder;
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
        InputDecoder decoder = new InputDecoder(topics);
        return record -> {
            Input input = decoder.decode(record.topic(), record.value());
            if (input instanceof Input.Escalated escalated) {
                directory.escalated(escalated.event());
            } else if (input instanceof Input.State state) {
                directory.state(state.state());
            } else if (input instanceof Input.Acknowledged acknowledged) {
                directory.acknowledged(acknowledged.event());
            }
            // A tombstone on the compacted state topic: nothing to learn.
        };
    }
}
