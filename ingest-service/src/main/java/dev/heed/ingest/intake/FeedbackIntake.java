package dev.heed.ingest.intake;

import dev.heed.events.FeedbackReceived;
import dev.heed.ingest.feedback.FeedbackMapper;
import dev.heed.ingest.feedback.FeedbackParser;
import dev.heed.ingest.feedback.FieldError;
import dev.heed.ingest.feedback.Submission;
import dev.heed.ingest.idempotency.IdempotencyStore;
import dev.heed.ingest.kafka.FeedbackPublisher;
import dev.heed.ingest.problem.Problem;
import dev.heed.ingest.problem.Problems;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private final IdempotencyStore<Accepted> idempotency;
    private final Clock clock;
    private final Duration retryAfter;

    public FeedbackIntake(FeedbackPublisher publisher, IdempotencyStore<Accepted> idempotency, Clock clock, Duration retryAfter) {
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
        if (submission.claimedSource() != null && !submission.claimedSource().equals(source)) {
            return done(Outcome.refused(Problems.wrongSource(source, submission.claimedSource())));
        }
        List<FieldError> errors = new java.util.ArrayList<>(submission.errors());
        String eventId = eventId(submission.eventId(), idempotencyKey, errors);
        if (!errors.isEmpty()) {
            return done(Outcome.refused(Problem.invalid(errors)));
        }
        String fingerprint = Fingerprint.of(source, submission.input());
        var fresh = new AtomicBoolean();
        return idempotency.attach(eventId, fingerprint, () -> {
                    fresh.set(true);
                    return write(eventId, source, submission);
                })
                .map(outcome -> outcome.handle((accepted, error) -> answer(eventId, accepted, error, !fresh.get())))
                .orElseGet(() -> done(Outcome.refused(Problems.idempotencyConflict(eventId))));
    }

    private static String eventId(String fromBody, String fromHeader, List<FieldError> errors) {
        if (fromHeader != null && !FeedbackParser.EVENT_ID.matcher(fromHeader).matches()) {
            errors.add(FieldError.invalid("header:Idempotency-Key", "must be 1-128 letters, digits, '.', '_', ':' or '-'"));
        } else if (fromHeader != null && fromBody != null && !fromHeader.equals(fromBody)) {
            errors.add(FieldError.invalid("header:Idempotency-Key", "differs from the event id in the body"));
        }
        // Without a client id there is nothing to deduplicate on: the feedback gets a fresh id.
        return Objects.requireNonNullElseGet(fromBody, () -> Objects.requireNonNullElseGet(fromHeader, () -> UUID.randomUUID().toString()));
    }

    private CompletableFuture<Accepted> write(String eventId, String source, Submission submission) {
        String ingestId = UUID.randomUUID().toString();
        var receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        FeedbackReceived event = FeedbackMapper.toEvent(eventId, source, submission.input(), ingestId, receivedAt);
        return publisher.publish(event).thenApply(p -> new Accepted(eventId, ingestId, p.topic(), p.partition(), p.offset(), receivedAt));
    }

    private Outcome answer(String eventId, Accepted accepted, Throwable error, boolean replayed) {
        if (error == null) {
            return Outcome.accepted(accepted, replayed);
        }
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        if (WriteFailures.isTransient(cause)) {
            LOG.atWarn().addKeyValue("eventId", eventId).addKeyValue("error", cause.toString()).log("kafka did not take the write");
            return Outcome.refused(Problems.kafkaUnavailable(retryAfter));
        }
        LOG.atError().addKeyValue("eventId", eventId).setCause(cause).log("write failed");
        return Outcome.refused(Problems.internal());
    }

    private static CompletableFuture<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
