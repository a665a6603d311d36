package dev.heed.routing.topology;

import static dev.heed.routing.topology.RoutingDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first complaint after a start is the first record routing writes to {@code complaints.escalated}, so its
 * schema id is resolved then; with the registry away at that moment the complaint must fail the thread (to be
 * retried from the last commit), not be dead-lettered, as the fault suite's registry outage once saw it be.
 */
class RegistryOutageTopologyTest {

    @TempDir
    Path stateDir;
    private final OutageRegistry registry = new OutageRegistry();
    private RoutingDriver routing;

    /** At-least-once so that a dead-letter record would reach the output topic (see DeadLetterTopologyTest). */
    @BeforeEach
    void start() {
        routing = new RoutingDriver(stateDir, StreamsConfig.AT_LEAST_ONCE, registry);
    }

    @AfterEach
    void stop() {
        routing.close();
    }

    @Test
    void aComplaintWhoseEscalationSchemaCannotBeResolvedFailsTheThreadInsteadOfBeingDeadLettered() {
        routing.sendFeedback("warm-1", "fine", T0); // the feedback and classified schemas are cached from here on
        assertThat(routing.classified.readValue().getFeedback().getEventId()).isEqualTo("warm-1");
        registry.down(true);

        assertThatThrownBy(() -> routing.sendFeedback("complaint-1", "worst HIGH", T0.plusSeconds(1)))
                .isInstanceOf(StreamsException.class);

        assertThat(routing.deadLettered).hasValue(0);
        assertThat(routing.deadLetters.isEmpty()).isTrue();
        assertThat(routing.escalated.isEmpty()).isTrue();
    }

    @Test
    void aProcessingBugIsStillDeadLetteredWhileTheRegistryIsAway() {
        routing.sendFeedback("warm-1", "fine", T0);
        registry.down(true);

        routing.sendFeedback("boom-1", "EXPLODE", T0.plusSeconds(1));

        assertThat(routing.deadLettered).hasValue(1);
    }
}
