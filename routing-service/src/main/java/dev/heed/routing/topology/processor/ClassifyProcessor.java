package dev.heed.routing.topology.processor;

import dev.heed.events.FeedbackClassified;
import dev.heed.events.FeedbackReceived;
import dev.heed.routing.classify.Classifier;
import dev.heed.routing.topology.event.ClassificationMapper;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Classifies every feedback and forwards it with its classification, stamped with routing's wall clock as it
 * processes the record ({@link org.apache.kafka.streams.processor.api.ProcessorContext#currentSystemTimeMs()}, the
 * clock the punctuations run on): {@code classifiedAt} and the record's timestamp, so the latency since the
 * feedback's {@code receivedAt} shows on the topic. The feedback itself, {@code receivedAt} included, is unchanged.
 */
public final class ClassifyProcessor extends ContextualProcessor<String, FeedbackReceived, String, FeedbackClassified> {

    private final Classifier classifier;

    public ClassifyProcessor(Classifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public void process(Record<String, FeedbackReceived> record) {
        FeedbackReceived feedback = record.value();
        var classification = classifier.classify(ClassificationMapper.input(feedback));
        long now = context().currentSystemTimeMs();
        context().forward(record.withValue(FeedbackClassified.newBuilder()
                .setFeedback(feedback)
                .setClassification(ClassificationMapper.toAvro(classification, feedback.getText(),
                        ClassificationMapper.textOffset(feedback)))
                .setClassifiedAt(Instant.ofEpochMilli(now))
                .build()).withTimestamp(now));
    }
}
