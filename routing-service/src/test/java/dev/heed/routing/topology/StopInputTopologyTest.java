package dev.heed.routing.topology;

import static dev.heed.routing.topology.RoutingDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.DueKind;
import dev.heed.events.ResponseDue;
import dev.heed.routing.topology.StopInputWatermarks.Sample;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The punctuator against the brokers' samples of the acknowledgement and update topics: a due point waits while an
 * acknowledgement written before it is still unread, and a task that keeps up emits on time. The driver's topics have
 * one partition, 0; a critical complaint's first warning falls due 7 min 30 s after it came.
 */
class StopInputTopologyTest {

    private static final Instant WARNING = T0.plus(Duration.ofSeconds(450));

    @TempDir
    Path stateDir;
    private final List<Sample> samples = new ArrayList<>();
    private RoutingDriver routing;

    @BeforeEach
    void start() {
        routing = new RoutingDriver(stateDir, () -> List.copyOf(samples));
    }

    @AfterEach
    void stop() {
        routing.close();
    }

    /** The brokers, seen at {@code at}, held {@code acks} acknowledgements and {@code updates} updates; nothing committed. */
    private void brokersHeld(Instant at, long acks, long updates) {
        samples.add(new Sample(at.toEpochMilli(), new long[][] {{acks}, {updates}}, new long[][] {{-1}, {-1}}));
    }

    @Test
    void anAcknowledgementWrittenBeforeADuePointButStillUnreadStopsItAllTheSame() {
        routing.sendFeedback("c-1", "charged twice CRITICAL", T0);
        routing.escalated.readValue();
        // The agent acknowledged at 7:20; the record is in the log but the task has not read it (a backlog after a
        // failover, say) when the punctuation passes the warning.
        brokersHeld(WARNING.plusSeconds(5), 1, 0);
        routing.advanceTo(WARNING.plusSeconds(10));
        assertThat(routing.due.isEmpty()).isTrue();

        routing.acknowledge("c-1", WARNING.minusSeconds(10));
        brokersHeld(WARNING.plusSeconds(15), 1, 0);
        routing.advanceTo(WARNING.plusSeconds(20));
        routing.advanceTo(T0.plus(Duration.ofHours(3)));
        assertThat(routing.due.isEmpty()).isTrue();
    }

    @Test
    void pointsHeldBackThatFellDueBeforeTheAcknowledgementGoOutWithIt() {
        routing.sendFeedback("c-2", "charged twice CRITICAL", T0);
        routing.escalated.readValue();
        brokersHeld(WARNING.plusSeconds(5), 1, 0);
        routing.advanceTo(WARNING.plusSeconds(10));
        assertThat(routing.due.isEmpty()).isTrue();

        // Acknowledged at 7:35, after the warning fell due: the warning was owed and goes out, once.
        routing.acknowledge("c-2", WARNING.plusSeconds(5));
        List<ResponseDue> due = routing.due.readValuesToList();
        assertThat(due).extracting(ResponseDue::getKind).containsExactly(DueKind.WARNING);
        brokersHeld(WARNING.plusSeconds(15), 1, 0);
        routing.advanceTo(T0.plus(Duration.ofHours(3)));
        assertThat(routing.due.isEmpty()).isTrue();
    }

    @Test
    void aTaskThatHasReadEverythingEmitsUpToTheNewestSampleAndNoFurther() {
        routing.sendFeedback("c-3", "charged twice CRITICAL", T0);
        routing.escalated.readValue();
        brokersHeld(WARNING.minusMillis(250), 0, 0);
        routing.advanceTo(WARNING.plusMillis(10));
        assertThat(routing.due.isEmpty()).as("the sample is older than the due point").isTrue();

        // The next punctuation, a second later, may emit up to the sample taken since.
        brokersHeld(WARNING.plusMillis(20), 0, 0);
        routing.advanceTo(WARNING.plusMillis(1_010));
        assertThat(routing.due.readValuesToList()).extracting(ResponseDue::getKind).containsExactly(DueKind.WARNING);
    }

    @Test
    void anUpdateStillUnreadHoldsBackThePromiseItKeeps() {
        routing.sendFeedback("c-4", "charged twice CRITICAL", T0);
        routing.escalated.readValue();
        Instant promised = T0.plus(Duration.ofMinutes(60));
        routing.acknowledge("c-4", "ack-c-4", T0.plusSeconds(60), promised);
        brokersHeld(T0.plusSeconds(61), 1, 0);
        routing.advanceTo(T0.plusSeconds(62));
        routing.due.readValuesToList();

        // The update keeping the promise was written at 59 min but is unread when the promise falls due.
        brokersHeld(promised.plusSeconds(5), 1, 1);
        routing.advanceTo(promised.plusSeconds(10));
        assertThat(routing.due.readValuesToList()).extracting(ResponseDue::getKind)
                .doesNotContain(DueKind.PROMISE_BROKEN);

        routing.update("c-4", "u-1", promised.minusSeconds(60), null, false);
        brokersHeld(promised.plusSeconds(15), 1, 1);
        routing.advanceTo(promised.plus(Duration.ofHours(3)));
        assertThat(routing.due.isEmpty()).isTrue();
    }

    @Test
    void aStopRecordNeverReadHoldsAPointBackFiveMinutesAtMost() {
        routing.sendFeedback("c-5", "charged twice CRITICAL", T0);
        routing.escalated.readValue();
        brokersHeld(WARNING.minusSeconds(30), 1, 0);
        for (int s = 5; s < 300; s += 5) {
            brokersHeld(WARNING.plusSeconds(s), 1, 0);
            routing.advanceTo(WARNING.plusSeconds(s + 1));
        }
        assertThat(routing.due.isEmpty()).isTrue();
        brokersHeld(WARNING.plusSeconds(300), 1, 0);
        routing.advanceTo(WARNING.plusSeconds(301));
        assertThat(routing.due.readValuesToList()).extracting(ResponseDue::getKind).containsExactly(DueKind.WARNING);
    }

    @Test
    void withoutFreshSamplesThePunctuatorFallsBackToStreamTime() {
        routing.sendFeedback("c-6", "charged twice CRITICAL", T0);
        routing.escalated.readValue();
        // The brokers last answered at the start and say an acknowledgement is unread: no longer evidence.
        brokersHeld(T0, 1, 0);
        routing.advanceTo(WARNING.plusSeconds(1));
        assertThat(routing.due.readValuesToList()).extracting(ResponseDue::getKind).containsExactly(DueKind.WARNING);
    }
}
