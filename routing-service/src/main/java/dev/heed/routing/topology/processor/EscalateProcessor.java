package dev.heed.routing.topology.processor;

import dev.heed.events.Classification;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.Severity;
import dev.heed.events.Customer;
import dev.heed.routing.reply.ReplyKeys;
import dev.heed.routing.sla.EscalationRule;
import dev.heed.routing.topology.event.ClassificationMapper;
import dev.heed.routing.topology.event.ComplaintEvents;
import dev.heed.routing.topology.store.OpenComplaint;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Turns a classified feedback that the classification says to escalate into a {@link ClockInput.Escalation}: the
 * {@link EscalationRule} gives its queue and starts its clock at the feedback's {@code receivedAt} (the promise
 * runs from when Heed accepted it, however long routing took); the complaint is escalated at routing's wall
 * clock now, the same clock {@code classifiedAt} comes from. A customer's verdict on a resolution (a feedback linked to
 * its complaint) goes on to the complaint's clock as a {@link ClockInput.Verdict}, escalated or not.
 *
 * <p>A customer's reply to an open complaint (a feedback whose {@code replyTo} names it, or that names the reference of an
 * open complaint of the same customer) is looked up in the global reply index and sent, keyed by its complaint id, to
 * {@link #REPLIES_SINK}, from where it reaches the complaint's clock on the complaint's partition: attached, not escalated,
 * whatever the classifier says. Feedback the index does not place goes on as any feedback does: escalated when the
 * classification says so. The index lags the complaints by the time its topic takes to reach this instance, so a reply
 * within that time of its complaint's escalation (or reopening) starts a complaint of its own, as before replies attached.
 */
public final class EscalateProcessor extends ContextualProcessor<String, FeedbackClassified, String, Object> {

    /** The sink of replies on their way to their complaint's partition. */
    public static final String REPLIES_SINK = "replies-sink";

    private final EscalationRule rule;
    private final String clockNode;
    private final String replyIndexStore;
    private ReadOnlyKeyValueStore<String, String> replyIndex;

    /**
     * @param clockNode       the complaint clock's node name, where escalations and verdicts go
     * @param replyIndexStore the global reply index ({@link ReplyKeys} to complaint ids)
     */
    public EscalateProcessor(EscalationRule rule, String clockNode, String replyIndexStore) {
        this.rule = rule;
        this.clockNode = clockNode;
        this.replyIndexStore = replyIndexStore;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        super.init(context);
        replyIndex = context.getStateStore(replyIndexStore);
    }

    @Override
    public void process(Record<String, FeedbackClassified> record) {
        Classification classification = record.value().getClassification();
        if (record.value().getFeedback().getVerdict() != null) {
            // A verdict attaches to the complaint it answers instead of starting one, whatever the classifier says.
            context().forward(record.withValue(new ClockInput.Verdict(record.value())), clockNode);
            return;
        }
        FeedbackReceived feedback = record.value().getFeedback();
        String complaint = openComplaintAnswered(record.key(), feedback);
        if (complaint != null) {
            context().forward(new Record<>(complaint, record.value(), record.timestamp(), record.headers()), REPLIES_SINK);
            return;
        }
        if (!classification.getEscalate()) {
            return;
        }
        EscalationRule.Assignment assignment = rule.assign(record.key(),
                ClassificationMapper.severity(classification.getSeverity()), feedback.getChannel().name(),
                ClassificationMapper.categories(classification), feedback.getReceivedAt());
        Instant escalatedAt = Instant.ofEpochMilli(context().currentSystemTimeMs());
        OpenComplaint open = new OpenComplaint(assignment.clock(), escalatedAt,
                Severity.valueOf(assignment.severity().name()), assignment.queue(), feedback.getTraceId());
        context().forward(record.withValue(new ClockInput.Escalation(ComplaintEvents.escalated(record.value(), open), open)), clockNode);
    }

    /**
     * The open complaint this feedback answers, by its {@code replyTo} first, then by its reference and customer; null when
     * it answers none (or only itself: a feedback seen again after it became a complaint is no reply to it).
     */
    private String openComplaintAnswered(String key, FeedbackReceived feedback) {
        String replyTo = feedback.getReplyTo();
        if (replyTo != null && !replyTo.equals(key) && replyIndex.get(ReplyKeys.open(replyTo)) != null) {
            return replyTo;
        }
        Customer customer = feedback.getCustomer();
        for (String reference : ReplyKeys.references(customer.getId(), customer.getEmail(), customer.getPhone(), feedback.getReference())) {
            String complaint = replyIndex.get(reference);
            if (complaint != null && !complaint.equals(key)) {
                return complaint;
            }
        }
        return null;
    }
}
