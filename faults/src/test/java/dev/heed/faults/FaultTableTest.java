package dev.heed.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultTableTest {

    @Test
    void shouldRenderOneMarkdownRowPerFaultWithSecondsToOneDecimal() {
        FaultTable table = new FaultTable();
        table.add(new FaultTable.Row("SIGKILL leader of feedback.received", 5, 0, 0, -1, Duration.ofMillis(9_870), Duration.ofMillis(21_049)));
        table.add(new FaultTable.Row("network partition", 3, 0, 0, 2, Duration.ofMillis(20_340), Duration.ofMillis(32_000)));

        assertThat(table.render()).isEqualTo("""
                | fault | injected | lost | duplicated | reminders after ack | longest stall | recovery time |
                |---|---|---|---|---|---|---|
                | SIGKILL leader of feedback.received | 5 | 0 | 0 | – | 9.9 s | 21.0 s |
                | network partition | 3 | 0 | 0 | 2 | 20.3 s | 32.0 s |
                """);
    }
}
