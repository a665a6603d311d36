package dev.heed.responder.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.responder.order.OrderedWork.Item;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderedWorkTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private final OrderedWork<String, String> work = new OrderedWork<>(10);

    private static List<Long> offsets(List<Item<String, String>> items) {
        return items.stream().map(Item::offset).toList();
    }

    private Item<String, String> only(List<Item<String, String>> items, long offset) {
        return items.stream().filter(i -> i.offset() == offset).findFirst().orElseThrow();
    }

    @Test
    void shouldStartOneRecordPerKeyAndLetOtherKeysOvertakeWithinAPartition() {
        work.add("p0", 0, "a", "a1");
        work.add("p0", 1, "a", "a2");
        work.add("p0", 2, "b", "b1");
        work.add("p0", 3, "a", "a3");
        work.add("p0", 4, "c", "c1");

        List<Item<String, String>> first = work.start(NOW);

        assertThat(offsets(first)).containsExactly(0L, 2L, 4L);
        assertThat(work.start(NOW)).as("nothing more may start while a's first record runs").isEmpty();

        work.done(only(first, 2));
        work.done(only(first, 4));
        assertThat(work.start(NOW)).isEmpty();

        work.done(only(first, 0));
        List<Item<String, String>> second = work.start(NOW);
        assertThat(offsets(second)).containsExactly(1L);
        work.done(second.get(0));
        assertThat(offsets(work.start(NOW))).containsExactly(3L);
    }

    @Test
    void shouldCommitOnlyUpToTheLowestRecordThatIsNotDoneWhateverFinishedAfterIt() {
        work.add("p0", 10, "a", "a");
        work.add("p0", 11, "b", "b");
        work.add("p0", 12, "c", "c");
        List<Item<String, String>> started = work.start(NOW);

        work.done(only(started, 11));
        work.done(only(started, 12));
        assertThat(work.committable("p0")).hasValue(10);

        work.done(only(started, 10));
        assertThat(work.committable("p0")).as("everything read is done: the caller commits its position").isEmpty();
    }

    @Test
    void shouldKeepPartitionsApart() {
        work.add("p0", 5, "a", "a");
        work.add("p1", 5, "a", "a'");

        List<Item<String, String>> started = work.start(NOW);

        assertThat(started).extracting(Item::partition).containsExactly("p0", "p1");
        work.done(started.get(1));
        assertThat(work.committable("p0")).hasValue(5);
        assertThat(work.committable("p1")).isEmpty();
    }

    @Test
    void shouldStartNoMoreThanTheBoundAndTheNextWhenOneIsDone() {
        OrderedWork<String, String> bounded = new OrderedWork<>(2);
        for (int i = 0; i < 5; i++) {
            bounded.add("p0", i, "k" + i, "r" + i);
        }

        List<Item<String, String>> first = bounded.start(NOW);
        assertThat(offsets(first)).containsExactly(0L, 1L);
        assertThat(bounded.start(NOW)).isEmpty();
        assertThat(bounded.started()).isEqualTo(2);
        assertThat(bounded.outstanding()).isEqualTo(5);

        bounded.done(first.get(1));
        assertThat(offsets(bounded.start(NOW))).containsExactly(2L);
    }

    @Test
    void shouldPauseAPartitionAtARecordThatMustBeReadAgainLaterAndRetryItNotBeforeItsTime() {
        work.add("p0", 0, "a", "complaint");
        work.add("p0", 1, "b", "praise");
        work.add("p1", 0, "c", "other partition");
        Item<String, String> complaint = only(work.start(NOW), 0);
        // b and c started beside it; b may finish, but nothing after the complaint starts while it waits.
        work.add("p0", 2, "d", "later");

        work.retryLater(complaint, NOW.plusMillis(200));

        assertThat(work.pausedAtARecord()).containsExactly("p0");
        assertThat(work.start(NOW.plusMillis(199))).isEmpty();
        List<Item<String, String>> retried = work.start(NOW.plusMillis(200));
        assertThat(retried).containsExactly(complaint);
        assertThat(work.committable("p0")).hasValue(0);

        work.done(complaint);
        assertThat(work.pausedAtARecord()).isEmpty();
        assertThat(offsets(work.start(NOW.plusMillis(200)))).containsExactly(2L);
    }

    @Test
    void shouldOrderNullKeyedRecordsOfAPartitionOneAfterAnother() {
        work.add("p0", 0, null, "x");
        work.add("p0", 1, null, "y");

        assertThat(offsets(work.start(NOW))).containsExactly(0L);
    }

    @Test
    void shouldHoldTheCommitAtWorkThatIsStoppedAndIgnoreReportsAboutForgottenPartitions() {
        work.add("p0", 3, "a", "a");
        work.add("p0", 4, "b", "b");
        work.add("p0", 5, "c", "c");
        List<Item<String, String>> started = work.start(NOW);
        work.add("p0", 6, "d", "not started");

        work.stop(Set.of("p0"));
        work.done(only(started, 3));
        assertThat(work.start(NOW)).as("a stopped partition starts nothing").isEmpty();
        assertThat(offsets(work.started(Set.of("p0")))).containsExactly(4L, 5L);
        assertThat(work.committable("p0")).hasValue(4);

        work.forget(Set.of("p0"));
        work.done(only(started, 4));
        assertThat(work.outstanding()).isZero();
        assertThat(work.started()).isZero();
        assertThat(work.partitions()).isEmpty();
    }

    @Test
    void shouldRefuseRecordsOutOfOffsetOrder() {
        work.add("p0", 7, "a", "a");

        assertThatThrownBy(() -> work.add("p0", 7, "b", "b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldTakeTurnsBetweenPartitionsWhenTheBoundIsReached() {
        OrderedWork<String, String> bounded = new OrderedWork<>(1);
        for (int i = 0; i < 3; i++) {
            bounded.add("p0", i, "a" + i, "a");
            bounded.add("p1", i, "b" + i, "b");
        }

        List<String> order = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Item<String, String> next = bounded.start(NOW).get(0);
            order.add(next.partition());
            bounded.done(next);
        }

        assertThat(order).containsExactly("p0", "p1", "p0", "p1");
    }
}
