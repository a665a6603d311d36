package dev.heed.responder.console;

import dev.heed.responder.console.DeadLetters.Letter;
import java.util.List;
import java.util.Map;

/**
 * One sample of the topic dashboard: each topic's end offset and rate, each consumer group's lag on Heed
 * topics, each dead-letter topic's count and latest letters. Times are epoch milliseconds for the page.
 */
public record Dashboard(long sampledAt, List<TopicRow> topics, List<GroupRow> groups, List<DeadLetterRow> deadLetters) {

    /** A topic: the sum of its partitions' end offsets, and records per second over the last minute. */
    public record TopicRow(String name, long endOffset, double perSecond) {}

    /** A consumer group reading Heed topics: its total lag and the lag per topic. */
    public record GroupRow(String group, long lag, Map<String, Long> lagByTopic) {}

    /** A dead-letter topic: the records it holds now (end minus start offsets) and the latest ones read. */
    public record DeadLetterRow(String topic, long count, List<Letter> latest) {}

    public static Dashboard empty() {
        return new Dashboard(0, List.of(), List.of(), List.of());
    }
}
