package dev.heed.faults;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18's instance fault, only under {@code -Pfaults}: one of two routing instances killed with SIGKILL
 * and restarted five times while clocks fall due. No accepted feedback lost, no escalation twice, exactly one
 * response-due per due point.
 */
class RoutingKillFaultIT {

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void shouldLoseNothingAndEmitEachDuePointOnceWhenARoutingInstanceIsKilledFiveTimes(@TempDir Path directory) throws Exception {
        ScenarioResult result = RoutingKillScenario.run(directory, 5);
        ScenarioAssertions.assertClean(result, 5);
        ScenarioAssertions.assertAcknowledgementsStoppedClocks(result);
    }
}
