package dev.heed.faults;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short version of the leader-kill fault that runs in every {@code verify}: one SIGKILL of the leader of
 * {@code feedback.received}'s partition 0 under steady load. The five-kill run is {@link LeaderKillFaultIT}.
 */
class LeaderKillIT {

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void shouldLoseNoAcceptedFeedbackAndDuplicateNothingWhenThePartitionLeaderIsKilledOnce(@TempDir Path directory) throws Exception {
        ScenarioAssertions.assertClean(LeaderKillScenario.run(directory, 1, false), 1);
    }
}
