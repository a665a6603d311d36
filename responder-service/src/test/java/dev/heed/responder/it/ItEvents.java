package dev.heed.responder.it;

import dev.heed.events.Classification;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.DueKind;
import dev.heed.events.EscalationLevel;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.Intent;
import dev.heed.events.ResponseDue;
import dev.heed.events.Sentiment;
import dev.heed.schemas.SampleEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Events as the routing-service writes them, varied from the schemas' samples. */
final class ItEvents {
    private ItEvents() {}

    enum Kind { PRAISE, SUGGESTION, QUESTION, COMPLAINT }

    static FeedbackClassified classified(String id, Kind kind, String email, String source) {
        FeedbackClassified event = SampleEvents.classified(id);
        event.getFeedback().setSourceSystem(source);
        event.getFeedback().getCustomer().setEmail(email);
        Classification c = event.getClassification();
        c.setEscalate(kind == Kind.COMPLAINT);
        c.setSentiment(kind == Kind.COMPLAINT ? Sentiment.NEGATIVE : Sentiment.POSITIVE);
        c.setIntents(switch (kind) {
            case PRAISE -> List.of(Intent.PRAISE);
            case SUGGESTION -> List.of(Intent.SUGGESTION);
            case QUESTION -> List.of(Intent.QUESTION);
            case COMPLAINT -> List.of(Intent.REFUND_REQUEST);
        });
        return event;
    }

    static ComplaintEscalated escalated(String id, Instant firstResponseDueAt) {
        ComplaintEscalated event = SampleEvents.escalated(id);
        event.setFirstResponseDueAt(firstResponseDueAt);
        return event;
    }

    static ResponseDue due(String id, EscalationLevel level, int reminder, Instant breachAt) {
        ResponseDue event = SampleEvents.responseDue(id);
        event.setLevel(level);
        event.setReminderNumber(reminder);
        event.setKind(reminder == 1 ? DueKind.BREACH : DueKind.REPEAT);
        event.setBreachAt(breachAt);
        event.setDueAt(breachAt.plus(Duration.ofMinutes(30L * (reminder - 1))));
        return event;
    }
}
