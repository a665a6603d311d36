package dev.heed.routing.topology;

import static dev.heed.routing.topology.RoutingDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.ResponseDue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which clock each time on routing's events comes from: classifiedAt, escalatedAt, updatedAt and every record
 * timestamp are routing's wall clock when it processed the input (here the driver's clock, moved past the
 * feedback's receivedAt as a backlog would); receivedAt is carried unchanged, and the SLA counts from it.
 */
class ProcessingTimesTopologyTest {

    /** How far routing's clock is behind the feedback: a backlog, or a pause of the service. */
    private static final Duration BACKLOG = Duration.ofSeconds(90);
    private static final Instant PROCESSED = T0.plus(BACKLOG);

    @TempDir
    Path stateDir;
    private RoutingDriver routing;

    @BeforeEach
    void start() {
        routing = new RoutingDriver(stateDir);
    }

    @AfterEach
    void stop() {
        routing.close();
    }

    @Test
    void classifiedAtAndTheRecordTimeAreWhenRoutingClassifiedAndTheFeedbackIsCarriedUnchanged() {
        FeedbackReceived feedback = RoutingDriver.feedback("p-1", "lovely staff", T0);
        routing.advanceTo(PROCESSED);
        routing.feedback.pipeInput("p-1", feedback, T0);
        routing.advanceTo(PROCESSED.plusSeconds(30));
        routing.feedback.pipeInput("p-2", RoutingDriver.feedback("p-2", "kind people", T0.plusSeconds(1)), T0.plusSeconds(1));

        List<TestRecord<String, FeedbackClassified>> classified = routing.classified.readRecordsToList();

        assertThat(classified).extracting(r -> r.value().getClassifiedAt())
                .containsExactly(PROCESSED, PROCESSED.plusSeconds(30));
        assertThat(classified).extracting(TestRecord::getRecordTime).containsExactly(PROCESSED, PROCESSED.plusSeconds(30));
        assertThat(classified.get(0).value().getFeedback()).isEqualTo(feedback);
        assertThat(classified.get(1).value().getFeedback().getReceivedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void escalatedAtIsWhenRoutingEscalatedWhileTheClockCountsFromReceivedAt() {
        routing.advanceTo(PROCESSED);
        routing.sendFeedback("c-1", "charged twice CRITICAL", T0);

        TestRecord<String, FeedbackClassified> classified = routing.classified.readRecord();
        TestRecord<String, ComplaintEscalated> escalated = routing.escalated.readRecord();
        ComplaintEscalated event = escalated.value();
        assertThat(event.getEscalatedAt()).isEqualTo(PROCESSED).isEqualTo(classified.value().getClassifiedAt());
        assertThat(escalated.getRecordTime()).isEqualTo(PROCESSED);
        assertThat(event.getReceivedAt()).isEqualTo(T0);
        // critical: 15 min from when the customer's feedback was accepted, warnings at 50% and 75% of it
        assertThat(event.getFirstResponseDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(event.getWarningsAt()).containsExactly(T0.plus(Duration.ofSeconds(450)), T0.plus(Duration.ofSeconds(675)));

        TestRecord<String, ComplaintState> opened = routing.state.readRecord();
        assertThat(opened.value().getEscalatedAt()).isEqualTo(PROCESSED);
        assertThat(opened.value().getReceivedAt()).isEqualTo(T0);
        assertThat(opened.value().getUpdatedAt()).isEqualTo(PROCESSED);
        assertThat(opened.getRecordTime()).isEqualTo(PROCESSED);

        // The feedback was processed a backlog late, so the punctuation right after it holds due points back to the
        // task's stream time (CatchUpGate); it has nothing due yet anyway.
        routing.advanceTo(PROCESSED.plusSeconds(1));
        assertThat(routing.due.isEmpty()).isTrue();
        routing.advanceTo(T0.plus(Duration.ofSeconds(450)));
        TestRecord<String, ResponseDue> warning = routing.due.readRecord();
        assertThat(warning.value().getDueAt()).isEqualTo(T0.plus(Duration.ofSeconds(450)));
        assertThat(warning.getRecordTime()).isEqualTo(warning.value().getEmittedAt());
        ComplaintState warned = routing.state.readValue();
        assertThat(warned.getStatus()).isEqualTo(ComplaintStatus.WARNED);
        assertThat(warned.getEscalatedAt()).isEqualTo(PROCESSED);
        assertThat(warned.getReceivedAt()).isEqualTo(T0);
        assertThat(warned.getUpdatedAt()).isEqualTo(T0.plus(Duration.ofSeconds(450)));
    }

    @Test
    void theClockCountsFromReceivedAtEvenWhenTheInputRecordsTimestampSaysOtherwise() {
        // A producer's or the broker's (LogAppendTime) timestamp is not when Heed accepted the feedback.
        routing.feedback.pipeInput("c-4", RoutingDriver.feedback("c-4", "unsafe CRITICAL", T0), T0.plusSeconds(20));

        ComplaintEscalated event = routing.escalated.readValue();
        assertThat(event.getReceivedAt()).isEqualTo(T0);
        assertThat(event.getFirstResponseDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void theAcknowledgedRowIsStampedWhenRoutingProcessedTheAcknowledgement() {
        routing.sendFeedback("c-2", "late HIGH", T0);
        Instant acknowledgedAt = T0.plus(Duration.ofMinutes(3));
        routing.advanceTo(acknowledgedAt.plus(BACKLOG));
        routing.state.readRecordsToList();

        routing.acknowledge("c-2", acknowledgedAt);

        TestRecord<String, ComplaintState> row = routing.state.readRecord();
        assertThat(row.value().getStatus()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);
        assertThat(row.value().getAcknowledgedAt()).isEqualTo(acknowledgedAt);
        assertThat(row.value().getUpdatedAt()).isEqualTo(acknowledgedAt.plus(BACKLOG));
        assertThat(row.getRecordTime()).isEqualTo(acknowledgedAt.plus(BACKLOG));
        assertThat(row.value().getEscalatedAt()).isEqualTo(T0);
        assertThat(row.value().getReceivedAt()).isEqualTo(T0);
    }

    @Test
    void anEscalationAlreadyAcknowledgedIsStampedWhenRoutingEscalatedIt() {
        routing.acknowledge("c-3", T0.plusSeconds(5));
        routing.advanceTo(PROCESSED);
        routing.sendFeedback("c-3", "broken HIGH", T0);

        assertThat(routing.escalated.readValue().getEscalatedAt()).isEqualTo(PROCESSED);
        TestRecord<String, ComplaintState> row = routing.state.readRecord();
        assertThat(row.value().getStatus()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);
        assertThat(row.value().getUpdatedAt()).isEqualTo(PROCESSED);
        assertThat(row.value().getReceivedAt()).isEqualTo(T0);
        assertThat(row.getRecordTime()).isEqualTo(PROCESSED);
    }
}
