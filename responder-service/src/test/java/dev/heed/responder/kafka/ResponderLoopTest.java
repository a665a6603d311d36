package dev.heed.responder.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.responder.respond.Step;
import dev.heed.schemas.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The loop's ordering and commit rule with Kafka's mock consumer, a clock that only moves when told, and an
 * executor that runs a record's work only when the test says: which records start together, how far the
 * commit goes, pausing, revokes and failures.
 */
class ResponderLoopTest {
    private static final String TOPIC = "feedback.classified";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final ManualExecutor executor = new ManualExecutor();
    private final List<Map<TopicPartition, OffsetAndMetadata>> commits = new ArrayList<>();
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final Map<String, Step> answers = new HashMap<>();
    private boolean failNextAsyncCommit;
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest") {
        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            commits.add(Map.copyOf(offsets));
            super.commitSync(offsets);
        }

        @Override
        public synchronized void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
            if (failNextAsyncCommit) {
                failNextAsyncCommit = false;
                callback.onComplete(offsets, new org.apache.kafka.clients.consumer.RetriableCommitFailedException("broker busy"));
                return;
            }
            commits.add(Map.copyOf(offsets));
            super.commitAsync(offsets, callback);
        }
    };

    /** Runs nothing until told; keeps the order in which work was handed to it. */
    static final class ManualExecutor implements java.util.concurrent.Executor {
        final List<Runnable> queued = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            queued.add(task);
        }

        /** Runs the queued tasks at these indexes (in the order queued so far) and forgets them. */
        void run(int... indexes) {
            List<Runnable> picked = new ArrayList<>();
            for (int index : indexes) {
                picked.add(queued.get(index));
            }
            queued.removeAll(picked);
            picked.forEach(Runnable::run);
        }

        void runAll() {
            while (!queued.isEmpty()) {
                run(0);
            }
        }
    }

    private RecordHandler handler() {
        return record -> {
            String key = new String(record.key(), StandardCharsets.UTF_8);
            handled.add(key + "@" + record.offset());
            Step answer = answers.remove(key + "@" + record.offset());
            return answer == null ? Step.DONE : answer;
        };
    }

    private ResponderLoop loop(RecordHandler handler, java.util.concurrent.Executor on, int workers, int maxPending,
                               Duration revokeWait) {
        ResponderLoop loop = new ResponderLoop(consumer, List.of(TOPIC), handler, () -> { }, on, clock,
                new ResponderLoop.Limits(workers, maxPending, revokeWait, Duration.ZERO, Duration.ZERO, Duration.ofMillis(200)));
        loop.subscribe();
        consumer.rebalance(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        return loop;
    }

    private ResponderLoop loop() {
        return loop(handler(), executor, 8, 100, Duration.ZERO);
    }

    private void add(TopicPartition partition, long offset, String key) {
        consumer.addRecord(new ConsumerRecord<>(partition.topic(), partition.partition(), offset,
                key.getBytes(StandardCharsets.UTF_8), new byte[0]));
    }

    private Map<TopicPartition, Long> committed() {
        Map<TopicPartition, Long> last = new HashMap<>();
        commits.forEach(commit -> commit.forEach((p, o) -> last.put(p, o.offset())));
        return last;
    }

    @Test
    void shouldStartDifferentKeysTogetherButCommitOnlyBehindTheLowestRecordNotDone() {
        ResponderLoop loop = loop();
        add(P0, 0, "a");
        add(P0, 1, "b");
        add(P0, 2, "c");

        loop.step();
        assertThat(executor.queued).hasSize(3);

        executor.run(1, 2); // b and c finish before a
        loop.step();
        assertThat(handled).containsExactly("b@1", "c@2");
        assertThat(committed()).doesNotContainKey(P0);

        executor.runAll();
        loop.step();
        assertThat(committed()).containsEntry(P0, 3L);
    }

    @Test
    void shouldStartARecordOnlyAfterTheEarlierRecordOfItsKeyIsDone() {
        ResponderLoop loop = loop();
        add(P0, 0, "a");
        add(P0, 1, "a");
        add(P0, 2, "b");

        loop.step();
        assertThat(executor.queued).hasSize(2);
        executor.runAll();
        assertThat(handled).containsExactly("a@0", "b@2");
        loop.step(); // a@0's report comes in: now a@1 may start

        assertThat(executor.queued).hasSize(1);
        assertThat(committed()).containsEntry(P0, 1L);
        executor.runAll();
        loop.step();
        assertThat(handled).containsExactly("a@0", "b@2", "a@1");
        assertThat(committed()).containsEntry(P0, 3L);
    }

    @Test
    void shouldStartNoMoreThanTheWorkersAllowAndPauseEveryPartitionWhenTooMuchIsPending() {
        ResponderLoop loop = loop(handler(), executor, 2, 4, Duration.ZERO);
        for (int i = 0; i < 3; i++) {
            add(P0, i, "k" + i);
        }
        add(P1, 0, "other");

        loop.step();

        assertThat(executor.queued).hasSize(2);
        assertThat(consumer.paused()).containsExactlyInAnyOrder(P0, P1);

        executor.runAll();
        loop.step();
        assertThat(executor.queued).hasSize(2);
        assertThat(consumer.paused()).as("two pending, below the bound: reading goes on").isEmpty();
    }

    @Test
    void shouldPauseThePartitionAtARecordThatMustWaitAndTryItAgainAfterTheRetryInterval() {
        ResponderLoop loop = loop();
        answers.put("complaint@0", Step.RETRY_LATER);
        add(P0, 0, "complaint");
        loop.step();
        executor.runAll();
        add(P0, 1, "praise");
        add(P1, 0, "elsewhere");

        loop.step();
        assertThat(consumer.paused()).containsExactly(P0);
        executor.runAll();
        assertThat(handled).as("the other partition goes on; nothing after the complaint starts")
                .containsExactly("complaint@0", "elsewhere@0");

        clock.advance(Duration.ofMillis(199));
        loop.step();
        assertThat(executor.queued).isEmpty();
        assertThat(committed()).doesNotContainKey(P0);

        clock.advance(Duration.ofMillis(1));
        loop.step();
        executor.runAll();
        loop.step();
        executor.runAll();
        loop.step();
        assertThat(handled).containsExactly("complaint@0", "elsewhere@0", "complaint@0", "praise@1");
        assertThat(consumer.paused()).isEmpty();
        assertThat(committed()).containsEntry(P0, 2L).containsEntry(P1, 1L);
    }

    @Test
    void shouldCommitWhatIsDoneOnARevokeAndCancelWhatIsNotSoItIsNeverHandledHere() {
        ResponderLoop loop = loop();
        add(P0, 0, "a");
        add(P0, 1, "b");
        add(P0, 2, "c");
        loop.step();
        executor.run(0, 2); // a and c done, b still running when the revoke comes

        consumer.schedulePollTask(() -> consumer.rebalance(List.of(P1)));
        loop.step();

        assertThat(committed()).containsEntry(P0, 1L);
        executor.runAll(); // b was cancelled: running it now does nothing
        loop.step();
        assertThat(handled).containsExactly("a@0", "c@2");
        assertThat(committed()).containsEntry(P0, 1L);
    }

    @Test
    void shouldLetStartedWorkFinishDuringARevokeAndCommitPastIt() throws Exception {
        ExecutorService threads = Executors.newSingleThreadExecutor();
        CountDownLatch revoking = new CountDownLatch(1);
        try {
            ResponderLoop loop = loop(record -> {
                revoking.await();
                return Step.DONE;
            }, threads, 8, 100, Duration.ofSeconds(30));
            add(P0, 0, "a");
            loop.step();

            consumer.schedulePollTask(() -> {
                revoking.countDown(); // the work can only finish once the revoke has begun
                consumer.rebalance(List.of(P1));
            });
            loop.step();

            assertThat(committed()).containsEntry(P0, 1L);
        } finally {
            threads.shutdownNow();
            assertThat(threads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void shouldStopWithoutCommittingWhenARecordsWorkFailsAndCancelTheRest() {
        ResponderLoop loop = loop(record -> {
            if (record.offset() == 1) {
                throw new IllegalStateException("responses.sent cannot be written");
            }
            return handler().process(record);
        }, executor, 8, 100, Duration.ZERO);
        add(P0, 0, "a");
        add(P0, 1, "b");
        add(P0, 2, "c");
        consumer.schedulePollTask(() -> { }); // the first round reads the records
        consumer.schedulePollTask(() -> executor.run(0, 1)); // a done, b fails; c is still queued
        consumer.schedulePollTask(loop::stop);

        loop.run();

        assertThat(loop.failure()).isInstanceOf(IllegalStateException.class);
        assertThat(commits).isEmpty();
        assertThat(consumer.closed()).isTrue();
        executor.runAll();
        assertThat(handled).containsExactly("a@0");
    }

    @Test
    void shouldCommitWhatIsDoneOnANormalStopAndCancelWhatIsNot() {
        ResponderLoop loop = loop();
        add(P0, 0, "a");
        add(P0, 1, "b");
        consumer.schedulePollTask(() -> { });
        consumer.schedulePollTask(() -> {
            executor.run(0);
            loop.stop();
        });

        loop.run();

        assertThat(loop.failure()).isNull();
        assertThat(committed()).containsEntry(P0, 1L);
        executor.runAll();
        assertThat(handled).containsExactly("a@0");
    }

    @Test
    void shouldCommitAgainInTheNextRoundWhenACommitFailed() {
        ResponderLoop loop = loop();
        add(P0, 0, "a");
        loop.step();
        executor.runAll();
        failNextAsyncCommit = true;

        loop.step();
        assertThat(commits).isEmpty();

        loop.step();
        assertThat(committed()).containsEntry(P0, 1L);
    }
}
