package dev.heed.routing.topology;

import dev.heed.events.Classification;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.Severity;
import dev.heed.routing.classify.CategoryLabel;
import dev.heed.routing.classify.SeverityLabel;
import dev.heed.routing.sla.PolicyBook;
import dev.heed.routing.sla.SlaClock;
import dev.heed.routing.sla.SlaPolicy;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns a classified feedback that the classification says to escalate into an {@link Escalation}: the queue
 * from its first category, the policy from the book, and a clock starting at the record's time (when the
 * feedback was accepted: the promise to the customer runs from then, not from when routing caught up).
 */
final class EscalateProcessor extends ContextualProcessor<String, FeedbackClassified, String, Escalation> {

    private final PolicyBook policies;

    EscalateProcessor(PolicyBook policies) {
        this.policies = policies;
    }

    @Override
    public void process(Record<String, FeedbackClassified> record) {
        Classification classification = record.value().getClassification();
        if (!classification.getEscalate()) {
            return;
        }
        CategoryLabel category = primaryCategory(classification);
        SeverityLabel severity = severity(classification.getSeverity());
        String channel = record.value().getFeedback().getChannel().name();
        SlaPolicy policy = policies.choose(severity, channel, category);
        SlaClock clock = SlaClock.start(record.key(), policy, Instant.ofEpochMilli(record.timestamp()));
        OpenComplaint open = new OpenComplaint(clock, Severity.valueOf(severity.name()),
                category.name().toLowerCase(Locale.ROOT), record.value().getFeedback().getTraceId());
        context().forward(record.withValue(new Escalation(ComplaintEvents.escalated(record.value(), open), open)));
    }

    private static CategoryLabel primaryCategory(Classification classification) {
        return classification.getCategories().isEmpty() ? CategoryLabel.OTHER
                : CategoryLabel.valueOf(classification.getCategories().get(0).getCategory().name());
    }

    // A severity this version does not know comes from a newer classifier; treat it as urgent rather than drop it.
    private static SeverityLabel severity(Severity severity) {
        return severity == Severity.UNKNOWN ? SeverityLabel.HIGH : SeverityLabel.valueOf(severity.name());
    }
}
