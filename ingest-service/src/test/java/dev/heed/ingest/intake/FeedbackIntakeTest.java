package dev.heed.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.heed.events.Channel;
import dev.heed.events.FeedbackReceived;
import dev.heed.schemas.MutableClock;
import dev.heed.ingest.feedback.CustomerInput;
import dev.heed.ingest.feedback.FeedbackInput;
import dev.heed.ingest.feedback.FieldError;
import dev.heed.ingest.feedback.Submission;
import dev.heed.ingest.idempotency.IdempotencyStore;
import dev.heed.ingest.kafka.FeedbackPublisher;
import dev.heed.ingest.kafka.Placement;
import dev.heed.runtime.http.Problem;
import dev.heed.schemas.registry.RegistryException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class FeedbackIntakeTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00.123456Z"));
    private final List<FeedbackReceived> written = new ArrayList<>();
    private RuntimeException failure;
    private final FeedbackPublisher publisher = (event, done) -> {
        if (failure != null) {
            done.accept(null, failure);
            return;
        }
        written.add(event);
        done.accept(new Placement("feedback.received", 2, written.size() - 1), null);
    };
    private final FeedbackIntake intake = new FeedbackIntake(publisher,
            new IdempotencyStore<>(clock, Duration.ofHours(1), 100), clock, Duration.ofSeconds(5));

    static FeedbackInput input(String text) {
        return new FeedbackInput(Channel.WEB, CustomerInput.ANONYMOUS, null, text, 3,
                Instant.parse("2026-11-24T09:00:00Z"), null, new TreeMap<>(), null);
    }

    private Outcome submit(Submission s, String idempotencyKey) {
        return intake.submit("web-form", s, idempotencyKey).join();
    }

    @Test
    void shouldWriteOnceWithServerFieldsAndAnswerWhereItLanded() {
        Outcome outcome = submit(new Submission("wf-1", "web-form", input("hi"), List.of()), null);

        assertThat(outcome.status()).isEqualTo(202);
        Accepted a = outcome.accepted();
        assertThat(a.eventId()).isEqualTo("wf-1");
        assertThat(a.topic()).isEqualTo("feedback.received");
        assertThat(a.partition()).isEqualTo(2);
        assertThat(a.receivedAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00.123Z"));
        FeedbackReceived event = written.get(0);
        assertThat(event.getIngestId()).isEqualTo(a.ingestId()).isNotBlank();
        assertThat(event.getSourceSystem()).isEqualTo("web-form");
        assertThat(event.getReceivedAt()).isEqualTo(a.receivedAt());
    }

    @Test
    void shouldAnswerARepeatWithTheFirstAnswerWithoutWritingAgain() {
        Outcome first = submit(new Submission(null, null, input("hi"), List.of()), "key-1");
        Outcome repeat = submit(new Submission("key-1", null, input("hi"), List.of()), "key-1");

        assertThat(repeat.accepted()).isEqualTo(first.accepted());
        assertThat(repeat.replayed()).isTrue();
        assertThat(first.replayed()).isFalse();
        assertThat(written).hasSize(1);
        assertThat(written.get(0).getEventId()).isEqualTo("key-1");
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherBodyAs422() {
        submit(new Submission("wf-1", null, input("hi"), List.of()), null);
        Outcome conflict = submit(new Submission("wf-1", null, input("changed"), List.of()), null);

        assertThat(conflict.status()).isEqualTo(422);
        assertThat(conflict.problem().type()).endsWith("idempotency-conflict");
        assertThat(written).hasSize(1);
    }

    @Test
    void shouldRefuseAKeyPostingAsAnotherSourceAs403() {
        Outcome outcome = submit(new Submission("wf-1", "zendesk", input("hi"), List.of()), null);

        assertThat(outcome.status()).isEqualTo(403);
        assertThat(written).isEmpty();
    }

    @Test
    void shouldRefuseAHeaderThatContradictsTheBodyOrIsMalformed() {
        assertThat(submit(new Submission("wf-1", null, input("hi"), List.of()), "wf-2").problem().errors())
                .extracting(Problem.Error::pointer).containsExactly("header:Idempotency-Key");
        assertThat(submit(new Submission(null, null, input("hi"), List.of()), "bad key!").status()).isEqualTo(400);
        assertThat(written).isEmpty();
    }

    @Test
    void shouldPassInvalidSubmissionsOnAsProblemsWithoutWriting() {
        Outcome outcome = submit(Submission.invalid(List.of(FieldError.invalid("/text", "is required"))), null);

        assertThat(outcome.status()).isEqualTo(400);
        assertThat(outcome.problem().errors()).extracting(Problem.Error::pointer).containsExactly("/text");
        assertThat(written).isEmpty();
    }

    @Test
    void shouldGiveFeedbackWithoutAnyIdAFreshOne() {
        Outcome a = submit(new Submission(null, null, input("hi"), List.of()), null);
        Outcome b = submit(new Submission(null, null, input("hi"), List.of()), null);

        assertThat(a.accepted().eventId()).isNotEqualTo(b.accepted().eventId());
        assertThat(written).hasSize(2);
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenKafkaTimesOutAndWriteOnRetry() {
        failure = new TimeoutException("Expiring 1 record(s)");
        Outcome unavailable = submit(new Submission("wf-1", null, input("hi"), List.of()), null);

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.problem().retryAfter()).isEqualTo(Duration.ofSeconds(5));
        // The write may have reached the log: the answer must not promise that nothing was stored.
        assertThat(unavailable.problem().detail()).contains("may have been stored").doesNotContain("nothing was");

        failure = null;
        assertThat(submit(new Submission("wf-1", null, input("hi"), List.of()), null).status()).isEqualTo(202);
    }

    @Test
    void shouldAnswer503WhenTheRegistryCannotBeReached() {
        failure = new SerializationException("cannot resolve", new RegistryException("connection refused", true, null));
        Outcome unavailable = submit(new Submission("wf-1", null, input("hi"), List.of()), null);

        assertThat(unavailable.status()).isEqualTo(503);
        // Serialization failed before the send, so here nothing was written, and the answer names the registry.
        assertThat(unavailable.problem().detail()).contains("schema registry", "nothing was written").doesNotContain("Kafka");
    }

    @Test
    void shouldAnswer500WhenTheRegistryRefusesForGood() {
        failure = new SerializationException("cannot register", new RegistryException("schema incompatible", false, null));
        assertThat(submit(new Submission("wf-1", null, input("hi"), List.of()), null).status()).isEqualTo(500);
    }

    @Test
    void shouldAnswer500ForAFailureThatARetryWouldNotCure() {
        failure = new KafkaException("producer closed");
        assertThat(submit(new Submission("wf-1", null, input("hi"), List.of()), null).status()).isEqualTo(500);
    }

    @Test
    void shouldAnswerABatchInRequestOrderOnlyOnceItsLastWriteSettled() {
        var callbacks = new ArrayList<BiConsumer<Placement, Throwable>>();
        var deferred = new FeedbackIntake((event, done) -> callbacks.add(done),
                new IdempotencyStore<>(clock, Duration.ofHours(1), 100), clock, Duration.ofSeconds(5));

        CompletableFuture<List<Outcome>> answer = deferred.submitAll("web-form", List.of(
                new Submission("b-1", null, input("first"), List.of()),
                Submission.invalid(List.of(FieldError.invalid("/1/text", "is required"))),
                new Submission("b-1", null, input("first"), List.of()),
                new Submission("b-3", null, input("third"), List.of()),
                new Submission("b-4", "other-source", input("fourth"), List.of())));

        assertThat(callbacks).as("one write per new event id").hasSize(2);
        callbacks.get(1).accept(null, new TimeoutException("Expiring 1 record(s)"));
        assertThat(answer).as("b-1 is still unacknowledged").isNotDone();
        callbacks.get(0).accept(new Placement("feedback.received", 1, 7), null);

        assertThat(answer.join()).extracting(Outcome::status).containsExactly(202, 400, 202, 503, 403);
        assertThat(answer.join().get(0).replayed()).isFalse();
        assertThat(answer.join().get(2).replayed()).as("the repeat inside the batch shares the first write").isTrue();
        assertThat(answer.join().get(2).accepted().offset()).isEqualTo(7);
    }

    @Test
    void shouldReceiveEveryItemOfABatchAtTheMomentTheBatchArrived() {
        // The clock moves a millisecond with every write: items stamped one by one would differ.
        Instant arrived = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        FeedbackPublisher advancing = (event, done) -> {
            publisher.publish(event, done);
            clock.advance(Duration.ofMillis(1));
        };
        var batchIntake = new FeedbackIntake(advancing, new IdempotencyStore<>(clock, Duration.ofHours(1), 100), clock,
                Duration.ofSeconds(5));

        List<Outcome> answer = batchIntake.submitAll("web-form", List.of(
                new Submission("t-1", null, input("first"), List.of()),
                new Submission(null, null, input("second"), List.of()),
                new Submission("t-3", null, input("third"), List.of()))).join();

        assertThat(answer).extracting(o -> o.accepted().receivedAt()).containsOnly(arrived);
        assertThat(written).extracting(FeedbackReceived::getReceivedAt).containsOnly(arrived);
        assertThat(answer.get(1).accepted().eventId()).as("a server-given event id is drawn at the same moment")
                .startsWith(TimeOrderedIds.next(arrived).substring(0, 13));
    }

    @Test
    void shouldAnswerABatchWithNothingToWriteAtOnce() {
        var answer = intake.submitAll("web-form", List.of(Submission.invalid(List.of(FieldError.invalid("/0", "is not an object")))));

        assertThat(answer).isCompleted();
        assertThat(answer.join()).extracting(Outcome::status).containsExactly(400);
        assertThat(written).isEmpty();
    }

    @Test
    void shouldLogTheFailedWritesOfABatchOnceNotOncePerItem() {
        var logger = (Logger) LoggerFactory.getLogger(FeedbackIntake.class);
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        try {
            failure = new TimeoutException("Expiring 1 record(s)");
            List<Outcome> outcomes = intake.submitAll("web-form", List.of(
                    new Submission("o-1", null, input("one"), List.of()),
                    new Submission("o-2", null, input("two"), List.of()),
                    new Submission("o-3", null, input("three"), List.of()))).join();

            assertThat(outcomes).extracting(Outcome::status).containsExactly(503, 503, 503);
            assertThat(appender.list).hasSize(1);
            assertThat(appender.list.get(0).getKeyValuePairs()).extracting(kv -> kv.key + "=" + kv.value)
                    .contains("eventId=o-1", "failed=3", "items=3");
        } finally {
            logger.detachAppender(appender);
        }
    }
}
