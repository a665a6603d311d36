package dev.heed.responder.kafka;

import dev.heed.events.ResponseKind;
import dev.heed.events.ResponseSent;
import dev.heed.responder.ack.ComplaintDirectory;
import dev.heed.responder.delivery.SentLog;
import dev.heed.responder.input.Input;
import dev.heed.responder.input.InputDecoder;
import dev.heed.responder.reply.ReplyTemplate;
import dev.heed.schemas.topics.HeedTopics;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The record handlers that keep the in-memory views current from their topics: the sent log from
 * responses.sent, the complaint directory from complaints.escalated, complaints.state and
 * complaints.acknowledged (and, from responses.sent, the language each complaint's customer was answered in).
 */
public final class Views {
    private Views() {}

    public static List<String> sentLogTopics(HeedTopics topics) {
        return List.of(topics.responsesSent().name());
    }

    public static Consumer<ConsumerRecord<byte[], byte[]>> sentLog(HeedTopics topics, SentLog log) {
        return sentLog(topics, log, null);
    }

    /** The sent log, and the language of every complaint reply for the directory (null: none). */
    public static Consumer<ConsumerRecord<byte[], byte[]>> sentLog(HeedTopics topics, SentLog log, ComplaintDirectory directory) {
        return record -> {
            ResponseSent sent = topics.responsesSent().valueSerde().deserializer().deserialize(record.topic(), record.value());
            log.add(sent.getMessageId(), Instant.ofEpochMilli(record.timestamp()));
            if (directory != null && sent.getKind() == ResponseKind.CUSTOMER_REPLY) {
                ReplyTemplate.complaintReplyLanguage(sent.getTemplate()).ifPresent(language -> directory.replied(sent.getFeedbackId(), language));
            }
        };
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
            } else if (input instanceof Input.Tombstone && record.topic().equals(topics.complaintsState().name()) && record.key() != null) {
                // Only heed erase writes one: the customer's data is to be forgotten.
                directory.erased(topics.complaintsState().keySerde().deserializer().deserialize(record.topic(), record.key()));
            }
        };
    }
}
