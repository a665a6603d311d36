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
 * {@link EscalationRule} gives its queue and starts its clock at the feedback's {@code receivedAt} (the promise
 * runs from when Heed accepted it, however long routing took); the complaint is escalated at routing's wall
 * clock now, the same clock {@code classifiedAt} comes from. A customer's verdict on a resolution (a feedback linked to
 * its complaint) goes on to the complaint's clock as a {@link ClockInput.Verdict}, escalated or not.
 */
public final class EscalateProcessor extends ContextualProcessor<String, FeedbackClassified, String, ClockInput> {

    private final EscalationRule rule;

    public EscalateProcessor(EscalationRule rule) {
        this.rule = rule;
    }

    @Override
    public void process(Record<String, FeedbackClassified> record) {
        Classification classification = record.value().getClassification();
        if (record.value().getFeedback().getVerdict() != null) {
            // A verdict attaches to the complaint it answers instead of starting one, whatever the classifier says.
            context().forward(record.withValue(new ClockInput.Verdict(record.value())));
            return;
        }
        if (!classification.getEscalate()) {
            return;
        }
        FeedbackReceived feedback = record.value().getFeedback();
        EscalationRule.Assignment assignment = rule.assign(record.key(),
                ClassificationMapper.severity(classification.getSeverity()), feedback.getChannel().name(),
                ClassificationMapper.categories(classification), feedback.getReceivedAt());
        Instant escalatedAt = Instant.ofEpochMilli(context().currentSystemTimeMs());
        OpenComplaint open = new OpenComplaint(assignment.clock(), escalatedAt,
                Severity.valueOf(assignment.severity().name()), assignment.queue(), feedback.getTraceId());
        context().forward(record.withValue(new ClockInput.Escalation(ComplaintEvents.escalated(record.value(), open), open)));
    }
}
