package dev.heed.faults;

import dev.heed.localstack.SmallDisk;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18's disk full, only under {@code -Pfaults}: one broker's log directory on a small tmpfs filled until
 * Kafka fails a write for want of space, then freed and the broker brought back, three times, while feedback is
 * posted through ingest. Needs the right to mount (root, or CAP_SYS_ADMIN): skipped where it has not.
 */
class DiskFullFaultIT {

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void shouldLoseNoAcceptedFeedbackAndDuplicateNothingWhenABrokersDiskFillsUpThreeTimes(@TempDir Path directory) throws Exception {
        Assumptions.assumeTrue(SmallDisk.supported(), "cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): no small disk to fill");
        ScenarioAssertions.assertClean(DiskFullScenario.run(directory, 3), 3);
    }
}
