package dev.heed.ingest.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.schemas.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class IdempotencyStoreTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final IdempotencyStore<String, String> store = new IdempotencyStore<>(clock, Duration.ofHours(1), 3);
    private final AtomicInteger runs = new AtomicInteger();

    private Consumer<CompletableFuture<String>> work(String answer) {
        return promise -> {
            runs.incrementAndGet();
            promise.complete(answer);
        };
    }

    @Test
    void shouldRunTheWorkOnceAndGiveARepeatTheSameAnswer() {
        assertThat(store.attach("k", "f1", work("first"))).hasValueSatisfying(f -> assertThat(f).isCompletedWithValue("first"));
        assertThat(store.attach("k", "f1", work("second"))).hasValueSatisfying(f -> assertThat(f).isCompletedWithValue("first"));
        assertThat(runs).hasValue(1);
    }

    @Test
    void shouldRefuseTheSameKeyWithOtherContent() {
        store.attach("k", "f1", work("first"));
        assertThat(store.attach("k", "f2", work("second"))).isEmpty();
        assertThat(runs).hasValue(1);
    }

    @Test
    void shouldShareAnUnfinishedWriteWithAConcurrentRepeat() {
        var pending = new CompletableFuture<String>();
        var first = store.attach("k", "f1", promise -> pending.thenAccept(promise::complete)).orElseThrow();
        var repeat = store.attach("k", "f1", work("never")).orElseThrow();

        assertThat(repeat).isNotDone();
        pending.complete("stored");
        assertThat(first).isCompletedWithValue("stored");
        assertThat(repeat).isCompletedWithValue("stored");
        assertThat(runs).hasValue(0);
    }

    @Test
    void shouldForgetAFailedWriteSoARetryWritesAgain() {
        var failed = store.attach("k", "f1", promise -> promise.completeExceptionally(new IllegalStateException("down"))).orElseThrow();
        assertThat(failed).isCompletedExceptionally();

        assertThat(store.attach("k", "f1", work("stored"))).hasValueSatisfying(f -> assertThat(f).isCompletedWithValue("stored"));
        assertThat(runs).hasValue(1);
    }

    @Test
    void shouldTurnAThrowingWorkIntoAFailedFutureAndForgetIt() {
        var failed = store.attach("k", "f1", promise -> {
            throw new IllegalStateException("no metadata");
        }).orElseThrow();

        assertThat(failed).isCompletedExceptionally();
        assertThat(store.size()).isZero();
    }

    @Test
    void shouldForgetEntriesAfterTheTtl() {
        store.attach("k", "f1", work("first"));
        clock.advance(Duration.ofMinutes(59));
        assertThat(store.attach("k", "f2", work("x"))).as("still remembered").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        assertThat(store.attach("k", "f2", work("second"))).hasValueSatisfying(f -> assertThat(f).isCompletedWithValue("second"));
        assertThat(store.evictedEarly()).as("expired, not evicted for room").isZero();
    }

    @Test
    void shouldEvictTheOldestEntryBeyondTheBound() {
        store.attach("a", "f", work("a"));
        store.attach("b", "f", work("b"));
        store.attach("c", "f", work("c"));
        store.attach("d", "f", work("d"));

        assertThat(store.size()).isEqualTo(3);
        assertThat(store.evictedEarly()).isEqualTo(1);
        assertThat(store.attach("a", "other", work("a2"))).as("a was evicted, so it is new again").isPresent();
        assertThat(store.attach("d", "other", work("d2"))).as("d is still remembered").isEmpty();
    }

    @Test
    void shouldForgetACancelledWriteSoARetryWritesAgain() {
        var cancelled = store.attach("k", "f1", promise -> {}).orElseThrow();
        cancelled.cancel(false);

        assertThat(cancelled).isCancelled();
        assertThat(store.attach("k", "f1", work("written"))).hasValueSatisfying(f -> assertThat(f).isCompletedWithValue("written"));
        assertThat(runs).hasValue(1);
    }

    @Test
    void shouldKeepASuccessfulWriteWhenItsFutureIsFailedAfterwards() {
        var stored = store.attach("k", "f1", work("stored")).orElseThrow();
        stored.completeExceptionally(new IllegalStateException("too late"));

        assertThat(store.attach("k", "f1", work("again"))).hasValueSatisfying(f -> assertThat(f).isCompletedWithValue("stored"));
        assertThat(runs).hasValue(1);
    }

    @Test
    void shouldForgetOnlyThroughTheStoredOutcomeNotThroughItsDependents() {
        var pending = store.attach("k", "f1", promise -> {}).orElseThrow();
        pending.thenApply(String::length).completeExceptionally(new IllegalStateException("a dependent failed"));

        assertThat(store.size()).isEqualTo(1);
        assertThat(pending).isNotDone();
    }
}
