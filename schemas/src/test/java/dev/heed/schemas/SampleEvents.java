package dev.heed.schemas;

import dev.heed.events.AckSource;
import dev.heed.events.Category;
import dev.heed.events.CategoryScore;
import dev.heed.events.Channel;
import dev.heed.events.Classification;
import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.Customer;
import dev.heed.events.DeliveryChannel;
import dev.heed.events.DeliveryOutcome;
import dev.heed.events.DueKind;
import dev.heed.events.EscalationLevel;
import dev.heed.events.Evidence;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.ProblemAction;
import dev.heed.events.ProblemUpdated;
import dev.heed.events.Intent;
import dev.heed.events.ResponseDue;
import dev.heed.events.ResponseKind;
import dev.heed.events.ResponseSent;
import dev.heed.events.UpdateAction;
import dev.heed.events.Sentiment;
import dev.heed.events.Severity;
import dev.heed.schemas.serde.AvroSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Fully populated sample events (every optional field set), for tests in any module. Ships in the schemas
 * test-jar only.
 */
public final class SampleEvents {
    public static final Instant T0 = Instant.parse("2026-11-20T10:15:30.123Z");

    static {
        // A test may build events before it makes any serde; the builders need the types trusted (AvroSerde#trust).
        AvroSerde.trust(FeedbackReceived.class, FeedbackClassified.class, ComplaintEscalated.class, ResponseDue.class,
                ComplaintAcknowledged.class, ComplaintUpdated.class, ComplaintState.class, ResponseSent.class);
    }

    private SampleEvents() {}

    public static Customer customer() {
        return Customer.newBuilder().setId("c-42").setDisplayName("Ada Lovelace")
                .setEmail("ada@example.com").setPhone("+441632960961").setPreferredLanguage("en").build();
    }

    public static FeedbackReceived feedback(String id) {
        return FeedbackReceived.newBuilder()
                .setEventId(id)
                .setIngestId("ing-" + id)
                .setSourceSystem("web-form")
                .setChannel(Channel.WEB)
                .setCustomer(customer())
                .setSubject("Order 1234")
                .setText("I was charged twice for order 1234 and nobody answers the phone.")
                .setRating(1)
                .setOccurredAt(T0)
                .setReceivedAt(T0.plusMillis(1333))
                .setReference("order-1234")
                .setAttributes(Map.of("plan", "pro", "region", "eu"))
                .setTraceId("4bf92f3577b34da6a3ce929d0e0e4736")
                .build();
    }

    public static Classification classification() {
        return Classification.newBuilder()
                .setSentiment(Sentiment.NEGATIVE)
                .setScore(-0.82)
                .setCategories(List.of(new CategoryScore(Category.BILLING, 0.9), new CategoryScore(Category.SUPPORT_WAIT, 0.6)))
                .setIntents(List.of(Intent.REFUND_REQUEST, Intent.REPEAT_CONTACT))
                .setSeverity(Severity.HIGH)
                .setSeverityPoints(7)
                .setEscalate(true)
                .setTriage(false)
                .setLanguage("en")
                .setEvidence(List.of(new Evidence("phrase:charged twice", "category:BILLING", "charged twice", 6, 19, -2.5),
                        new Evidence("rating", "sentiment", null, -1, -1, -1.0)))
                .setClassifierVersion("heed-2.0+lr-1+vader-3.3.2")
                .setConfidence(0.62)
                .build();
    }

    public static FeedbackClassified classified(String id) {
        return new FeedbackClassified(feedback(id), classification(), T0.plusSeconds(2));
    }

    public static ComplaintEscalated escalated(String id) {
        return ComplaintEscalated.newBuilder()
                .setComplaintId(id)
                .setEscalatedAt(T0.plusSeconds(2))
                .setSeverity(Severity.HIGH)
                .setQueue("billing")
                .setCategories(List.of(Category.BILLING, Category.SUPPORT_WAIT))
                .setIntents(List.of(Intent.REFUND_REQUEST))
                .setReasons(List.of("negative sentiment (-0.82)", "refund request: \"charged twice\""))
                .setPolicyName("high")
                .setPolicyVersion(3)
                .setFirstResponseDueAt(T0.plus(Duration.ofHours(1)))
                .setWarningsAt(List.of(T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofMinutes(45))))
                .setRepeatEveryMillis(Duration.ofMinutes(30).toMillis())
                .setSourceSystem("web-form")
                .setChannel(Channel.WEB)
                .setCustomer(customer())
                .setSubject("Order 1234")
                .setText("I was charged twice for order 1234 and nobody answers the phone.")
                .setReference("order-1234")
                .setTraceId("4bf92f3577b34da6a3ce929d0e0e4736")
                .setConfidence(0.62)
                .setReceivedAt(T0.plusMillis(1333))
                .build();
    }

    public static ResponseDue responseDue(String id) {
        return ResponseDue.newBuilder()
                .setComplaintId(id)
                .setKind(DueKind.REPEAT)
                .setDueAt(T0.plus(Duration.ofMinutes(90)))
                .setEmittedAt(T0.plus(Duration.ofMinutes(90)).plusMillis(420))
                .setBreachAt(T0.plus(Duration.ofHours(1)))
                .setOverdueByMillis(Duration.ofMinutes(30).toMillis())
                .setReminderNumber(4)
                .setLevel(EscalationLevel.TEAM_LEAD)
                .setSeverity(Severity.HIGH)
                .setQueue("billing")
                .setPolicyName("high")
                .setPolicyVersion(3)
                .setTraceId("4bf92f3577b34da6a3ce929d0e0e4736")
                .build();
    }

    public static ComplaintAcknowledged acknowledged(String id) {
        return ComplaintAcknowledged.newBuilder()
                .setComplaintId(id)
                .setAcknowledgementId("ack-" + id)
                .setAcknowledgedAt(T0.plus(Duration.ofMinutes(95)))
                .setAgent("grace")
                .setTeam("billing-emea")
                .setSource(AckSource.API)
                .setNote("Refund issued, calling the customer")
                .setNextUpdateBy(T0.plus(Duration.ofHours(4)))
                .build();
    }

    public static ComplaintUpdated updated(String id) {
        return ComplaintUpdated.newBuilder()
                .setComplaintId(id)
                .setUpdateId("upd-" + id)
                .setUpdatedAt(T0.plus(Duration.ofHours(3)))
                .setAgent("grace")
                .setTeam("billing-emea")
                .setMessage("The refund is approved; it reaches your account within two days.")
                .setNextUpdateBy(T0.plus(Duration.ofDays(2)))
                .setDelay(false)
                // Set, not defaulted: Avro builds a default enum only once a serde trusted its class, and a unit test may
                // build the event before any serde exists.
                .setAction(UpdateAction.UPDATE)
                .build();
    }

    /** A known problem resolved: what every linked customer is told. */
    public static ProblemUpdated problemResolved(String problemId) {
        return ProblemUpdated.newBuilder()
                .setProblemId(problemId)
                .setEventId("prb-" + problemId)
                .setAt(T0.plus(Duration.ofHours(5)))
                .setAgent("grace")
                .setTeam("billing-emea")
                // Set, not defaulted, as updated()'s action is.
                .setAction(ProblemAction.RESOLVE)
                .setMessage("The payment provider charged some orders twice; every double charge is refunded.")
                .build();
    }

    public static ComplaintState state(String id) {
        return ComplaintState.newBuilder()
                .setComplaintId(id)
                .setStatus(ComplaintStatus.ACKNOWLEDGED)
                .setSeverity(Severity.HIGH)
                .setQueue("billing")
                .setPolicyName("high")
                .setPolicyVersion(3)
                .setEscalatedAt(T0.plusSeconds(2))
                .setFirstResponseDueAt(T0.plus(Duration.ofHours(1)))
                .setNextDueAt(T0.plus(Duration.ofMinutes(120)))
                .setLastReminderAt(T0.plus(Duration.ofMinutes(90)))
                .setRemindersSent(4)
                .setLevel(EscalationLevel.TEAM_LEAD)
                .setAcknowledgedAt(T0.plus(Duration.ofMinutes(95)))
                .setAcknowledgedBy("grace")
                .setUpdatedAt(T0.plus(Duration.ofMinutes(95)))
                .setReceivedAt(T0.plusMillis(1333))
                .build();
    }

    public static ResponseSent responseSent(String id) {
        return ResponseSent.newBuilder()
                .setMessageId("msg-" + id + "-reply")
                .setFeedbackId(id)
                .setKind(ResponseKind.AGENT_NOTIFICATION)
                .setTrigger("complaints.response-due:3:1207")
                .setChannel(DeliveryChannel.WEBHOOK)
                .setRecipient("https://chat.example.com/hooks/billing")
                .setTemplate("agent-reminder/en")
                .setOutcome(DeliveryOutcome.FAILED)
                .setAttempts(5)
                .setError("HTTP 503 after 5 attempts")
                .setLevel(EscalationLevel.TEAM_LEAD)
                .setSentAt(T0.plus(Duration.ofMinutes(91)))
                .setTraceId("4bf92f3577b34da6a3ce929d0e0e4736")
                .build();
    }
}
