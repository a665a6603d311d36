package dev.heed.ingest.intake;

import dev.heed.events.FeedbackReceived;
import dev.heed.ingest.feedback.FeedbackMapper;
import dev.heed.ingest.feedback.FeedbackParser;
import dev.heed.ingest.feedback.FieldError;
import dev.heed.ingest.feedback.Submission;
import dev.heed.ingest.idempotency.IdempotencyStore;
import dev.heed.ingest.kafka.FeedbackPublisher;
import dev.heed.runtime.http.Problem;
import dev.heed.ingest.problem.Problems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to one parsed submission from an authenticated source: refuse it (wrong source,
 * invalid, id reused for other content) or write it once and answer with where it landed. Knows nothing
 * of HTTP; every path ends in an {@link Outcome}, never in an exception. Thread-safe.
 */
public final class FeedbackIntake {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackIntake.class);

    private final FeedbackPublisher publisher;
    private final IdempotencyStore<Fingerprint, Accepted> idempotency;
    private final Clock clock;
    private final Duration retryAfter;

    public FeedbackIntake(FeedbackPublisher publisher, IdempotencyStore<Fingerprint, Accepted> idempotency, Clock clock, Duration retryAfter) {
        this.publisher = publisher;
        this.idempotency = idempotency;
        this.clock = clock;
        this.retryAfter = retryAfter;
    }

    /**
     * @param source         the source system the API key belongs to
     * @param idempotencyKey the {@code Idempotency-Key} header, or null
     */
    public CompletableFuture<Outcome> submit(String source, Submission submission, String idempotencyKey) {
        Pending pending = start(source, submission, idempotencyKey, receivedAt());
        return pending.write() == null ? done(pending.decided())
                : pending.write().handle((accepted, error) -> answers(List.of(pending)).get(0));
    }

    /**
     * Every item of a batch, answered once the last write is settled, in request order. One counter
     * rather than a future per item and {@code allOf}: the items' writes settle on the producer's I/O
     * thread, and each extra stage completed there delays every other acknowledgement.
     */
    public CompletableFuture<List<Outcome>> submitAll(String source, List<Submission> submissions) {
        var pending = new ArrayList<Pending>(submissions.size());
        // A batch is received at one moment: one clock reading for all its items, not one per item (reading
        // the clock was a twentieth of a request thread's time in the batch profile).
        Instant receivedAt = receivedAt();
        for (Submission submission : submissions) {
            pending.add(start(source, submission, null, receivedAt));
        }
        var answered = new CompletableFuture<List<Outcome>>();
        var unsettled = new AtomicInteger(1);
        Runnable settled = () -> {
            if (unsettled.decrementAndGet() == 0) {
                answered.complete(answers(pending));
            }
        };
        for (Pending p : pending) {
            if (p.write() != null) {
                unsettled.incrementAndGet();
                p.write().whenComplete((accepted, error) -> settled.run());
            }
        }
        settled.run();
        return answered;
    }

    /** A submission either decided at once (refused) or waiting for its write; replayed when another request wrote it. */
    private record Pending(Outcome decided, CompletableFuture<Accepted> write, String eventId, boolean replayed) {}

    /** The answers to one request's settled submissions, in order; its failed writes are logged once. */
    private List<Outcome> answers(List<Pending> pending) {
        var failures = new Failures();
        List<Outcome> outcomes = pending.stream().map(p -> outcome(p, failures)).toList();
        failures.log(pending.size());
        return outcomes;
    }

    /** The answer to a pending submission whose write has settled; a failed write is noted in {@code failures}. */
    private Outcome outcome(Pending pending, Failures failures) {
        if (pending.decided() != null) {
            return pending.decided();
        }
        try {
            return Outcome.accepted(pending.write().join(), pending.replayed());
        } catch (CompletionException | CancellationException e) {
            // WriteFailures looks through the whole cause chain; the unwrapped cause is for the log.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            switch (WriteFailures.of(cause)) {
                case KAFKA_UNAVAILABLE:
                    failures.kafka.add(pending.eventId(), cause);
                    return Outcome.refused(Problems.kafkaUnavailable(retryAfter));
                case REGISTRY_UNAVAILABLE:
                    failures.registry.add(pending.eventId(), cause);
                    return Outcome.refused(Problems.registryUnavailable(retryAfter));
                default:
                    failures.failed.add(pending.eventId(), cause);
                    return Outcome.refused(Problems.internal());
            }
        }
    }

    /**
     * The failed writes of one request, logged once per request: while Kafka is away, a line per batch item
     * would be 500 lines per request, written on the producer's I/O thread that the acknowledgements need.
     */
    private static final class Failures {
        final Kind kafka = new Kind();
        final Kind registry = new Kind();
        final Kind failed = new Kind();

        static final class Kind {
            int count;
            String firstEventId;
            Throwable first;

            void add(String eventId, Throwable cause) {
                if (count++ == 0) {
                    firstEventId = eventId;
                    first = cause;
                }
            }
        }

        void log(int items) {
            warn(kafka, items, "kafka did not acknowledge the write in time (it may be stored)");
            warn(registry, items, "schema registry unreachable; nothing written");
            if (failed.count > 0) {
                LOG.atError().addKeyValue("eventId", failed.firstEventId).addKeyValue("failed", failed.count)
                        .addKeyValue("items", items).setCause(failed.first).log("write failed");
            }
        }

        private static void warn(Kind kind, int items, String message) {
            if (kind.count > 0) {
                LOG.atWarn().addKeyValue("eventId", kind.firstEventId).addKeyValue("failed", kind.count)
                        .addKeyValue("items", items).addKeyValue("error", kind.first.toString()).log(message);
            }
        }
    }

    private Instant receivedAt() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private Pending start(String source, Submission submission, String idempotencyKey, Instant receivedAt) {
        if (submission.claimedSource() != null && !submission.claimedSource().equals(source)) {
            return decided(Outcome.refused(Problems.wrongSource(source, submission.claimedSource())));
        }
        List<FieldError> errors = new ArrayList<>(submission.errors());
        String eventId = eventId(submission.eventId(), idempotencyKey, receivedAt, errors);
        if (!errors.isEmpty()) {
            return decided(Outcome.refused(Problems.invalid(errors)));
        }
        Fingerprint fingerprint = Fingerprint.of(source, submission.input());
        boolean[] fresh = new boolean[1];
        return idempotency.attach(eventId, fingerprint, promise -> {
                    fresh[0] = true;
                    write(eventId, source, submission, receivedAt, promise);
                })
                .map(write -> new Pending(null, write, eventId, !fresh[0]))
                .orElseGet(() -> decided(Outcome.refused(Problems.idempotencyConflict(eventId))));
    }

    private Pending decided(Outcome outcome) {
        return new Pending(outcome, null, null, false);
    }

    private static String eventId(String fromBody, String fromHeader, Instant receivedAt, List<FieldError> errors) {
        if (fromHeader != null && !FeedbackParser.isEventId(fromHeader)) {
            errors.add(FieldError.invalid("header:Idempotency-Key", "must be 1-128 letters, digits, '.', '_', ':' or '-'"));
        } else if (fromHeader != null && fromBody != null && !fromHeader.equals(fromBody)) {
            errors.add(FieldError.invalid("header:Idempotency-Key", "differs from the event id in the body"));
        }
        // Without a client id there is nothing to deduplicate on: the feedback gets a fresh id.
        return Objects.requireNonNullElseGet(fromBody, () -> Objects.requireNonNullElseGet(fromHeader, () -> TimeOrderedIds.next(receivedAt)));
    }

    private void write(String eventId, String source, Submission submission, Instant receivedAt, CompletableFuture<Accepted> promise) {
        String ingestId = TimeOrderedIds.next(receivedAt);
        FeedbackReceived event = FeedbackMapper.toEvent(eventId, source, submission.input(), ingestId, receivedAt);
        publisher.publish(event, (placement, error) -> {
            if (error != null) {
                promise.completeExceptionally(error);
            } else {
                promise.complete(new Accepted(eventId, ingestId, placement.topic(), placement.partition(), placement.offset(), receivedAt));
            }
        });
    }

    private static CompletableFuture<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
