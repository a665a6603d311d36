package dev.heed.responder.console;

import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.UpdateAction;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.ResponseDue;
import dev.heed.events.ResponseSent;
import dev.heed.schemas.evidence.EvidenceWords;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the complaint page shows of each stage's event: plain values picked from the Avro record. */
final class StageDetails {
    private StageDetails() {}

    static Map<String, Object> received(FeedbackReceived e) {
        return map("source", e.getSourceSystem(), "channel", e.getChannel().name(), "customer", e.getCustomer().getDisplayName(),
                "subject", e.getSubject(), "text", e.getText(), "rating", e.getRating(), "reference", e.getReference());
    }

    /** A customer's verdict on a resolution: its score ({@code verdict}, 1-5), the resolution it answers, and the text. */
    static Map<String, Object> verdict(FeedbackReceived e) {
        return map("verdict", e.getVerdict().getScore(), "resolution", e.getVerdict().getResolutionId(), "text", e.getText(),
                "feedbackId", e.getEventId());
    }

    /** A verdict as the classifier judged it, with its score: a negative one reopens the complaint. */
    static Map<String, Object> verdictClassified(FeedbackClassified e) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("verdict", e.getFeedback().getVerdict().getScore());
        details.put("resolution", e.getFeedback().getVerdict().getResolutionId());
        details.put("classified", true);
        details.putAll(classified(e));
        return details;
    }

    static Map<String, Object> classified(FeedbackClassified e) {
        var c = e.getClassification();
        String text = e.getFeedback().getText();
        List<Map<String, Object>> evidence = c.getEvidence().stream()
                .map(ev -> map("rule", ev.getRule(), "decision", ev.getDecision(), "text", EvidenceWords.of(text, ev),
                        "weight", ev.getWeight()))
                .toList();
        return map("sentiment", c.getSentiment().name(), "score", c.getScore(), "severity", c.getSeverity().name(),
                "escalate", c.getEscalate(), "categories", c.getCategories().stream().map(s -> s.getCategory().name()).toList(),
                "intents", c.getIntents().stream().map(Enum::name).toList(),
                "segments", Highlighter.segments(text, c.getEvidence()),
                "evidence", evidence, "classifier", c.getClassifierVersion(), "confidence", c.getConfidence());
    }

    static Map<String, Object> escalated(ComplaintEscalated e) {
        return map("severity", e.getSeverity().name(), "confidence", e.getConfidence(), "queue", e.getQueue(),
                "policy", e.getPolicyName() + " v" + e.getPolicyVersion(), "dueAt", e.getFirstResponseDueAt().toEpochMilli(),
                "reasons", List.copyOf(e.getReasons()));
    }

    static Map<String, Object> reminder(ResponseDue e) {
        return map("kind", e.getKind().name(), "reminder", e.getReminderNumber(), "level", e.getLevel().name(),
                "dueAt", e.getDueAt().toEpochMilli(), "overdueByMillis", e.getOverdueByMillis(),
                "promisedAt", e.getPromisedAt() == null ? null : e.getPromisedAt().toEpochMilli());
    }

    static Map<String, Object> updated(ComplaintUpdated e) {
        return map("agent", e.getAgent(), "team", e.getTeam(), "message", e.getMessage(), "updateId", e.getUpdateId(),
                "delay", e.getDelay() ? true : null, "action", e.getAction() == UpdateAction.UPDATE ? null : e.getAction().name(),
                "nextUpdateBy", e.getNextUpdateBy() == null ? null : e.getNextUpdateBy().toEpochMilli(),
                // A known problem's fix (update id fix:<problem>:<complaint>) names its problem.
                "problem", ComplaintFacts.problemOf(e.getUpdateId(), e.getComplaintId()));
    }

    /**
     * A customer's reply attached to the complaint, as routing's state row tells it: the reply's own feedback id (its
     * text and classification are on its own page), whether it was negative, and the complaint's reply count then.
     */
    static Map<String, Object> customerReply(ComplaintState s) {
        return map("feedbackId", s.getLastReplyFeedbackId(), "negative", s.getLastReplyNegative(), "replies", s.getReplies(),
                "negativeReplies", s.getNegativeReplies());
    }

    static Map<String, Object> acknowledged(ComplaintAcknowledged e) {
        return map("agent", e.getAgent(), "team", e.getTeam(), "source", e.getSource().name(), "note", e.getNote(),
                "nextUpdateBy", e.getNextUpdateBy() == null ? null : e.getNextUpdateBy().toEpochMilli());
    }

    static Map<String, Object> sent(ResponseSent e) {
        return map("kind", e.getKind().name(), "channel", e.getChannel().name(), "template", e.getTemplate(),
                "outcome", e.getOutcome().name(), "recipient", e.getRecipient(), "attempts", e.getAttempts(),
                "level", e.getLevel() == null ? null : e.getLevel().name(), "error", e.getError());
    }

    /** Pairs of name and value; Avro strings become Java strings so JSON writes text, not objects. */
    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            map.put((String) pairs[i], value instanceof CharSequence text ? text.toString() : value);
        }
        return map;
    }
}
