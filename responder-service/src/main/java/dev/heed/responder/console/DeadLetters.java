package dev.heed.responder.console;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The latest dead letters of each dead-letter topic, with the error headers the services write (what failed,
 * why, and the topic, partition and offset it came from). Only the last {@code keep} per topic are held: the
 * dashboard shows what is going wrong now; the topic itself keeps the rest. Thread-safe.
 */
public final class DeadLetters {
    private static final int MAX_HEADER_CHARS = 500;

    /** One dead letter as the dashboard shows it; {@code headers} are every header, decoded as UTF-8 and cut short. */
    public record Letter(String topic, int partition, long offset, Instant at, String key, String error, Map<String, String> headers) {}

    private final int keep;
    private final Map<String, Deque<Letter>> latest = new HashMap<>();

    public DeadLetters(int keep) {
        this.keep = keep;
    }

    public void add(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), text(header.value()));
        }
        Letter letter = new Letter(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                text(record.key()), error(headers), headers);
        synchronized (latest) {
            Deque<Letter> letters = latest.computeIfAbsent(record.topic(), t -> new ArrayDeque<>());
            letters.addFirst(letter);
            while (letters.size() > keep) {
                letters.removeLast();
            }
        }
    }

    /** The latest letters of one topic, newest first. */
    public List<Letter> latest(String topic) {
        synchronized (latest) {
            return List.copyOf(latest.getOrDefault(topic, new ArrayDeque<>()));
        }
    }

    private static String error(Map<String, String> headers) {
        // heed.error is what Heed's services write; other producers' DLQs name the error in some header too.
        return headers.getOrDefault("heed.error", headers.entrySet().stream()
                .filter(h -> h.getKey().toLowerCase().contains("error") || h.getKey().toLowerCase().contains("exception"))
                .map(Map.Entry::getValue).findFirst().orElse("(no error header)"));
    }

    private static String text(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.length() <= MAX_HEADER_CHARS ? text : text.substring(0, MAX_HEADER_CHARS) + "…";
    }
}
