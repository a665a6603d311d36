package dev.heed.routing.topology.processor;

import dev.heed.events.Classification;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.Severity;
import dev.heed.routing.sla.EscalationRule;
import dev.heed.routing.topology.event.ClassificationMapper;
import dev.heed.routing.topology.event.ComplaintEvents;
import dev.heed.routing.topology.store.OpenComplaint;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns a classified feedback that the classification says to escalate into a {@link ClockInput.Escalation}: the
 * {@link EscalationRule} gives its queue and starts its clock at the record's time (when the feedback was
 * accepted).
 */
public final class EscalateProcessor extends ContextualProcessor<String, FeedbackClassified, String, ClockInput> {

    private final EscalationRule rule;

    public EscalateProcessor(EscalationRule rule) {
        this.rule = rule;
    }

    @Override
    public void process(Record<String, FeedbackClassified> record) {
        Classification classification = record.value().getClassification();
        if (!classification.getEscalate()) {
            return;
        }
        FeedbackReceived feedback = record.value().getFeedback();
        EscalationRule.Assignment assignment = rule.assign(record.key(),
                ClassificationMapper.severity(classification.getSeverity()), feedback.getChannel().name(),
                ClassificationMapper.categories(classification), Instant.ofEpochMilli(record.timestamp()));
        OpenComplaint open = new OpenComplaint(assignment.clock(), Severity.valueOf(assignment.severity().name()),
                assignment.queue(), feedback.getTraceId());
        context().forward(record.withValue(new ClockInput.Escalation(ComplaintEvents.escalated(record.value(), open), open)));
    }
}
