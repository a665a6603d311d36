package dev.heed.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultTableTest {

    @Test
    void shouldRenderOneMarkdownRowPerFaultWithSecondsToOneDecimal() {
        FaultTable table = new FaultTable();
        table.add(new FaultTable.Row("SIGKILL leader of feedback.received", 5, 0, 0, Duration.ofMillis(9_870), Duration.ofMillis(21_049)));

        assertThat(table.render()).isEqualTo("""
                | fault | injected | lost | duplicated | longest stall | recovery time |
                |---|---|---|---|---|---|
                | SIGKILL leader of feedback.received | 5 | 0 | 0 | 9.9 s | 21.0 s |
                """);
    }
}
