package dev.heed.routing.topology;

import static dev.heed.routing.topology.RoutingDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.DueKind;
import dev.heed.events.EscalationLevel;
import dev.heed.events.ResponseDue;
import dev.heed.routing.topology.processor.AckCounter;
import dev.heed.routing.topology.store.StoreNames;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.Metric;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComplaintClockTopologyTest {

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
    void aComplaintGetsWarningsBreachRepeatsAndClimbsAtTheRightTimesAndNothingAfterItsAcknowledgement() {
        routing.sendFeedback("c-1", "charged twice CRITICAL", T0);
        assertThat(routing.escalated.readValue().getFirstResponseDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));

        // critical: 15 min target, warnings at 50% and 75%, repeat every 15 min, climb after 2 reminders
        expectDueAt("PT7M30S", DueKind.WARNING, 1, EscalationLevel.AGENT);
        expectDueAt("PT11M15S", DueKind.WARNING, 2, EscalationLevel.AGENT);
        expectDueAt("PT15M", DueKind.BREACH, 3, EscalationLevel.AGENT);
        expectDueAt("PT30M", DueKind.REPEAT, 4, EscalationLevel.AGENT);
        expectDueAt("PT45M", DueKind.REPEAT, 5, EscalationLevel.TEAM_LEAD);
        expectDueAt("PT60M", DueKind.REPEAT, 6, EscalationLevel.TEAM_LEAD);
        expectDueAt("PT75M", DueKind.REPEAT, 7, EscalationLevel.MANAGER);

        routing.acknowledge("c-1", T0.plus(Duration.ofMinutes(80)));
        routing.advanceTo(T0.plus(Duration.ofHours(6)));

        assertThat(routing.due.isEmpty()).isTrue();
        ComplaintState last = lastState("c-1");
        assertThat(last.getStatus()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);
        assertThat(last.getAcknowledgedBy()).isEqualTo("agent-7");
        assertClockStoresEmpty();
    }

    @Test
    void anAcknowledgementBeforeTheEscalationPreventsTheClock() {
        routing.acknowledge("c-2", T0);
        routing.sendFeedback("c-2", "broken HIGH", T0.plusSeconds(1));
        routing.advanceTo(T0.plus(Duration.ofDays(2)));

        assertThat(routing.escalated.readValuesToList()).hasSize(1);
        assertThat(routing.due.isEmpty()).isTrue();
        assertThat(lastState("c-2").getStatus()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);
        assertClockStoresEmpty();
        assertThat(acksWithoutClock()).isEqualTo(1.0);
    }

    @Test
    void anEarlyAcknowledgementIsForgottenOnStreamTimeAfterItsRetentionAndNoLonger() {
        Duration retention = ClockSettings.DEFAULT_RETENTION;
        routing.acknowledge("late", T0);
        routing.acknowledge("kept", T0.plus(retention).minus(Duration.ofHours(1)));
        assertThat(routing.entries(StoreNames.EARLY_ACKS)).isEqualTo(2);

        // Records move stream time; one a retention and a forget interval past the first ack drops it, not the second.
        routing.sendFeedback("other", "fine, thanks", T0.plus(retention).plus(retention.dividedBy(4)).plusSeconds(1));
        assertThat(routing.entries(StoreNames.EARLY_ACKS)).isEqualTo(1);
        assertThat(routing.store(StoreNames.EARLY_ACKS).get("kept")).isNotNull();

        // Escalated after its acknowledgement was forgotten: the clock starts as for any complaint.
        routing.sendFeedback("late", "broken HIGH", T0.plus(retention).plus(retention.dividedBy(4)).plusSeconds(2));
        assertThat(lastState("late").getStatus()).isEqualTo(ComplaintStatus.OPEN);
    }

    @Test
    void anAcknowledgementForAnUnknownComplaintIsCountedAndNothingElseHappens() {
        routing.acknowledge("nobody", T0);

        assertThat(acksWithoutClock()).isEqualTo(1.0);
        assertThat(routing.state.isEmpty()).isTrue();
        assertThat(routing.deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aDuplicateFeedbackIsClassifiedAndEscalatedOnce() {
        routing.sendFeedback("c-3", "late MEDIUM", T0);
        routing.sendFeedback("c-3", "late MEDIUM", T0.plusSeconds(30));
        routing.sendFeedback("c-3", "late MEDIUM", T0.minusSeconds(5));

        assertThat(routing.classified.readValuesToList()).hasSize(1);
        assertThat(routing.escalated.readValuesToList()).hasSize(1);
    }

    @Test
    void aPointFallingDueBetweenTwoPunctuationsGoesOutAtItsDueTimeNotAtTheNext() {
        // Punctuations run every whole second from T0; this warning falls due 400 ms after one of them.
        routing.sendFeedback("c-between", "charged twice CRITICAL", T0.plusMillis(400));
        Instant dueAt = T0.plus(Duration.ofSeconds(450)).plusMillis(400);
        routing.advanceTo(T0.plus(Duration.ofSeconds(450)));
        assertThat(routing.due.isEmpty()).isTrue();

        routing.advanceTo(dueAt);

        assertThat(routing.due.readValuesToList()).extracting(ResponseDue::getDueAt, ResponseDue::getEmittedAt)
                .containsExactly(tuple(dueAt, dueAt));
        routing.advanceTo(T0.plus(Duration.ofSeconds(452)));
        assertThat(routing.due.isEmpty()).as("once").isTrue();
    }

    @Test
    void aClockStartedWithAPointDueBeforeTheNextPunctuationWakesTheTaskThen() {
        Instant now = T0.plus(Duration.ofSeconds(10));
        routing.advanceTo(now);
        // Received 7.5 minutes before its first warning, less 300 ms: it falls due between this punctuation and the next.
        Instant receivedAt = now.minus(Duration.ofSeconds(450)).plusMillis(300);
        routing.feedback.pipeInput("c-soon", RoutingDriver.feedback("c-soon", "unsafe CRITICAL", receivedAt), now);
        assertThat(routing.due.isEmpty()).isTrue();

        routing.advanceTo(now.plusMillis(300));

        assertThat(routing.due.readValuesToList()).extracting(ResponseDue::getEmittedAt).containsExactly(now.plusMillis(300));
    }

    @Test
    void aSkippedPunctuationGapEmitsEveryMissedDueEventOnceInOrder() {
        routing.sendFeedback("c-4", "unsafe CRITICAL", T0);

        routing.advanceTo(T0.plus(Duration.ofHours(2)));
        List<ResponseDue> missed = routing.due.readValuesToList();
        routing.advanceTo(T0.plus(Duration.ofHours(2)).plusSeconds(1));

        assertThat(missed).extracting(ResponseDue::getReminderNumber).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(missed).extracting(ResponseDue::getDueAt).doesNotHaveDuplicates().isSorted();
        assertThat(missed.get(9).getDueAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(missed.get(9).getOverdueByMillis()).isEqualTo(Duration.ofMinutes(105).toMillis());
        assertThat(routing.due.isEmpty()).isTrue();
    }

    @Test
    void aTaskWorkingOffABacklogDoesNotRemindOfAComplaintWhoseAcknowledgementIsFurtherOnInItsInput() {
        // Routing was away for 20 minutes. Back, it works off its input in order: the critical complaint (breach
        // at +15 min), then, after a punctuation, the acknowledgement an agent gave at +1 min. Without holding due
        // points back to the task's stream time, that punctuation would remind of the acknowledged complaint.
        routing.advanceTo(T0.plus(Duration.ofMinutes(20)));
        routing.sendFeedback("c-backlog", "unsafe CRITICAL", T0);
        routing.advanceTo(T0.plus(Duration.ofMinutes(20)).plusSeconds(1));
        assertThat(routing.due.readValuesToList()).extracting(ResponseDue::getDueAt, ResponseDue::getEmittedAt).isEmpty();
        routing.acknowledge("c-backlog", T0.plus(Duration.ofMinutes(1)));
        routing.advanceTo(T0.plus(Duration.ofMinutes(20)).plusSeconds(2));
        routing.advanceTo(T0.plus(Duration.ofHours(2)));

        assertThat(routing.due.isEmpty()).isTrue();
    }

    @Test
    void anAcknowledgementReadWhileDuePointsAreHeldBackEmitsThoseThatFellDueBeforeIt() {
        // As above, but the agent acknowledged at +10 min: the first warning (+7.5 min) fell due while nobody owned
        // the complaint, and the punctuation held it back. It goes out with the acknowledgement, once; the second
        // warning (+11.25 min) and the breach (+15 min) came after it and never do.
        routing.advanceTo(T0.plus(Duration.ofMinutes(20)));
        routing.sendFeedback("c-owed", "unsafe CRITICAL", T0);
        routing.advanceTo(T0.plus(Duration.ofMinutes(20)).plusSeconds(1));
        assertThat(routing.due.isEmpty()).isTrue();
        routing.acknowledge("c-owed", T0.plus(Duration.ofMinutes(10)));

        assertThat(routing.due.readValuesToList()).extracting(ResponseDue::getDueAt)
                .containsExactly(T0.plus(Duration.ofSeconds(450)));
        routing.advanceTo(T0.plus(Duration.ofHours(2)));
        assertThat(routing.due.isEmpty()).isTrue();
    }

    @Test
    void aTaskThatCaughtUpEmitsWhatFellDueWhileItWasAway() {
        routing.advanceTo(T0.plus(Duration.ofMinutes(20)));
        routing.sendFeedback("c-late", "unsafe CRITICAL", T0);
        routing.advanceTo(T0.plus(Duration.ofMinutes(20)).plusSeconds(1));
        assertThat(routing.due.isEmpty()).isTrue();
        // Nothing more in the input: the next punctuation emits the warnings and the breach, late, once each.
        routing.advanceTo(T0.plus(Duration.ofMinutes(20)).plusSeconds(2));
        assertThat(routing.due.readValuesToList()).extracting(ResponseDue::getDueAt)
                .containsExactly(T0.plus(Duration.ofSeconds(450)), T0.plus(Duration.ofSeconds(675)), T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void theClockStoresAreEmptyAfterEveryClockEnds() {
        for (int i = 0; i < 20; i++) {
            routing.sendFeedback("c-" + i, "no one answers " + (i % 2 == 0 ? "LOW" : "HIGH"), T0.plusSeconds(i));
        }
        routing.advanceTo(T0.plus(Duration.ofMinutes(50)));
        assertThat(routing.entries(StoreNames.OPEN_CLOCKS)).isEqualTo(20);
        assertThat(routing.entries(StoreNames.DUE_INDEX)).isEqualTo(20);

        for (int i = 0; i < 20; i++) {
            routing.acknowledge("c-" + i, T0.plus(Duration.ofMinutes(51)));
        }

        assertClockStoresEmpty();
    }

    @Test
    void praiseIsClassifiedButNeverEscalated() {
        routing.sendFeedback("p-1", "lovely staff", T0);
        routing.advanceTo(T0.plus(Duration.ofDays(1)));

        assertThat(routing.classified.readValue().getClassification().getEscalate()).isFalse();
        assertThat(routing.escalated.isEmpty()).isTrue();
        assertThat(routing.due.isEmpty()).isTrue();
    }

    @Test
    void theStateViewAnswersWithTheLatestStateOfAComplaint() {
        routing.sendFeedback("c-5", "awful HIGH", T0);
        routing.advanceTo(T0.plus(Duration.ofMinutes(30)));

        byte[] bytes = (byte[]) routing.store(StoreNames.STATE_VIEW).get("c-5");
        ComplaintState view = routing.topics.complaintsState().valueSerde().deserializer()
                .deserialize(routing.topics.complaintsState().name(), bytes);

        assertThat(view.getStatus()).isEqualTo(ComplaintStatus.WARNED);
        assertThat(view.getRemindersSent()).isEqualTo(1);
        assertThat(view.getNextDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(45)));
    }

    private void expectDueAt(String sinceEscalation, DueKind kind, int number, EscalationLevel level) {
        Instant dueAt = T0.plus(Duration.parse(sinceEscalation));
        routing.advanceTo(dueAt.minusMillis(1));
        assertThat(routing.due.isEmpty()).as("nothing before %s", sinceEscalation).isTrue();

        routing.advanceTo(dueAt);
        ResponseDue event = routing.due.readValue();

        assertThat(event.getKind()).isEqualTo(kind);
        assertThat(event.getReminderNumber()).isEqualTo(number);
        assertThat(event.getLevel()).isEqualTo(level);
        assertThat(event.getDueAt()).isEqualTo(dueAt);
        assertThat(event.getEmittedAt()).isEqualTo(dueAt);
        assertThat(routing.due.isEmpty()).isTrue();
    }

    private ComplaintState lastState(String id) {
        return routing.lastState(id);
    }

    private void assertClockStoresEmpty() {
        assertThat(routing.entries(StoreNames.OPEN_CLOCKS)).isZero();
        assertThat(routing.entries(StoreNames.DUE_INDEX)).isZero();
    }

    private double acksWithoutClock() {
        return routing.driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(AckCounter.NAME) && e.getKey().group().equals(AckCounter.GROUP))
                .map(e -> (Double) ((Metric) e.getValue()).metricValue())
                .reduce(0.0, Double::sum);
    }
}
