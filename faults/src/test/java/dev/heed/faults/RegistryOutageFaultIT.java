package dev.heed.faults;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18's registry fault, only under {@code -Pfaults}: the schema registry away for 60 s, three times (hung
 * with warm caches; refusing with ingest, routing and responder restarted; hung with them restarted), while
 * feedback is posted through ingest. Whatever ingest refused is retried; nothing accepted may be lost or doubled.
 */
class RegistryOutageFaultIT {

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void shouldLoseNothingAndDuplicateNothingWhenTheSchemaRegistryIsDownForAMinute(@TempDir Path directory) throws Exception {
        RegistryOutageScenario.Run run = RegistryOutageScenario.run(directory);
        run.outages().forEach(o -> System.out.println("registry outage: " + o));
        ScenarioAssertions.assertClean(run.result(), RegistryOutageScenario.OUTAGES);
    }
}
