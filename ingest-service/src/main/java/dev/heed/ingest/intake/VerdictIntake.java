package dev.heed.ingest.intake;

import dev.heed.events.Channel;
import dev.heed.events.Customer;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.VerdictLink;
import dev.heed.ingest.feedback.FieldError;
import dev.heed.ingest.idempotency.IdempotencyStore;
import dev.heed.ingest.kafka.FeedbackPublisher;
import dev.heed.ingest.problem.Problems;
import dev.heed.runtime.auth.VerdictLinks;
import dev.heed.runtime.http.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a customer's verdict on a resolution, answered through the signed link of the resolution message, and writes
 * it to {@code feedback.received} as a feedback linked to the complaint ({@code FeedbackReceived.verdict}), keyed by the
 * complaint id. Knows nothing of HTTP; every path ends in a {@link VerdictOutcome}.
 *
 * <p>The link is checked first (404 when this instance has no secret, 400 malformed, 403 not signed by Heed or changed,
 * 410 expired), then the answer (400). One verdict per resolution: the event id is derived from the complaint and the
 * resolution, and the first answer through a link is the verdict. A later request through the same link, with the same
 * score or another, gets the first answer again (replayed) and writes nothing, while this instance remembers it
 * (the idempotency store's TTL); another instance, or this one after a restart, writes the event again under the same
 * id, and routing drops it as a duplicate. A changed answer therefore never replaces the first.
 */
public final class VerdictIntake {
    /** The source system of every verdict. */
    public static final String SOURCE = "verdict";
    private static final Logger LOG = LoggerFactory.getLogger(VerdictIntake.class);

    private final Optional<VerdictLinks> links;
    private final FeedbackPublisher publisher;
    private final IdempotencyStore<String, VerdictAccepted> answered;
    private final Clock clock;
    private final Duration retryAfter;

    /** @param links the secret's links, empty when this instance takes no verdicts */
    public VerdictIntake(Optional<VerdictLinks> links, FeedbackPublisher publisher, IdempotencyStore<String, VerdictAccepted> answered,
                         Clock clock, Duration retryAfter) {
        this.links = links;
        this.publisher = publisher;
        this.answered = answered;
        this.clock = clock;
        this.retryAfter = retryAfter;
    }

    /** The event id of the verdict on {@code complaintId}'s resolution {@code resolutionId}: the same for every answer through one link. */
    public static String eventId(String complaintId, String resolutionId) {
        return "verdict-" + UUID.nameUUIDFromBytes((complaintId + "\n" + resolutionId).getBytes(StandardCharsets.UTF_8));
    }

    /** Why the link cannot be answered, or empty when it can. */
    public Optional<Problem> checkLink(VerdictRequest request) {
        if (links.isEmpty()) {
            return Optional.of(Problems.verdictsDisabled());
        }
        List<FieldError> errors = request.linkErrors();
        if (!errors.isEmpty()) {
            return Optional.of(Problems.invalid(errors));
        }
        long expires = request.expiresSecond();
        return switch (links.get().check(request.complaintId(), request.resolutionId(), expires, request.signature(), clock.instant())) {
            case VALID -> Optional.empty();
            case FORGED -> Optional.of(Problems.verdictLinkForged(request.complaintId()));
            case EXPIRED -> Optional.of(Problems.verdictLinkExpired(Instant.ofEpochSecond(expires)));
        };
    }

    public CompletableFuture<VerdictOutcome> submit(VerdictRequest request) {
        Optional<Problem> refused = checkLink(request);
        if (refused.isEmpty() && !request.answerErrors().isEmpty()) {
            refused = Optional.of(Problems.invalid(request.answerErrors()));
        }
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(VerdictOutcome.refused(refused.get()));
        }
        String eventId = eventId(request.complaintId(), request.resolutionId());
        boolean[] fresh = new boolean[1];
        // One fingerprint for every answer: whatever a repeat says, it gets the first answer.
        CompletableFuture<VerdictAccepted> write = answered.attach(eventId, SOURCE, promise -> {
            fresh[0] = true;
            write(eventId, request, promise);
        }).orElseThrow();
        boolean replayed = !fresh[0];
        return write.handle((accepted, error) -> error == null ? new VerdictOutcome(accepted, null, replayed) : failed(eventId, error));
    }

    private void write(String eventId, VerdictRequest request, CompletableFuture<VerdictAccepted> promise) {
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String ingestId = TimeOrderedIds.next(receivedAt);
        String text = request.text() == null ? "" : request.text().strip();
        // The customer is the complaint's: routing and the responder find them by the complaint id, so no contact
        // detail travels in (or can be injected through) the link.
        FeedbackReceived event = FeedbackReceived.newBuilder()
                .setEventId(eventId).setIngestId(ingestId).setSourceSystem(SOURCE).setChannel(Channel.WEB)
                .setCustomer(Customer.newBuilder().build()).setText(text).setRating(request.score())
                .setOccurredAt(receivedAt).setReceivedAt(receivedAt).setAttributes(Map.of())
                .setVerdict(new VerdictLink(request.complaintId(), request.resolutionId(), request.score()))
                .build();
        publisher.publish(event, (placement, error) -> {
            if (error != null) {
                promise.completeExceptionally(error);
            } else {
                promise.complete(new VerdictAccepted(eventId, request.complaintId(), request.resolutionId(), request.score(), ingestId,
                        placement.topic(), placement.partition(), placement.offset(), receivedAt));
            }
        });
    }

    private VerdictOutcome failed(String eventId, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        LOG.atWarn().addKeyValue("eventId", eventId).addKeyValue("error", cause.toString()).log("verdict not stored");
        return VerdictOutcome.refused(switch (WriteFailures.of(cause)) {
            case KAFKA_UNAVAILABLE -> Problems.kafkaUnavailable(retryAfter);
            case REGISTRY_UNAVAILABLE -> Problems.registryUnavailable(retryAfter);
            case FAILED -> Problems.internal();
        });
    }
}
