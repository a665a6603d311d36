package dev.heed.faults;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18's broker fault, only under {@code -Pfaults}: the leader of {@code feedback.received}'s partition 0
 * killed with SIGKILL and restarted five times while feedback is posted through ingest.
 */
class LeaderKillFaultIT {

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void shouldLoseNoAcceptedFeedbackAndDuplicateNothingWhenThePartitionLeaderIsKilledFiveTimes(@TempDir Path directory) throws Exception {
        ScenarioResult result = LeaderKillScenario.run(directory, 5, true);
        ScenarioAssertions.assertClean(result, 5);
        ScenarioAssertions.assertAcknowledgementsStoppedClocks(result);
    }
}
