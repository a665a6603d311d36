package dev.heed.responder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.responder.console.Console;
import dev.heed.responder.kafka.TopicTailer;
import dev.heed.schemas.logging.LogConfiguration;
import org.junit.jupiter.api.Test;

/** The responder's own logback.xml puts the arguments of its log calls into the line an operator reads. */
class LogFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tailerAndConsoleWarningsCarryTheirIdsAndNoEmptyThrowable() throws Exception {
        try (LogConfiguration logs = LogConfiguration.load(ResponderApplication.class.getResource("/logback.xml"), "JSON")) {
            String skipped = logs.render(TopicTailer.class.getName(), log -> log.warn("tailer {} skips {}-{}@{}: {}",
                    "console", "complaints.escalated", 2, 57L, "UNKNOWN_SCHEMA_ID")).get(0);
            String failed = logs.render(Console.class.getName(), log -> log.warn("console {} failed: {}",
                    "sample", "TimeoutException")).get(0);

            assertThat(JSON.readTree(skipped).path("message").asText())
                    .isEqualTo("tailer console skips complaints.escalated-2@57: UNKNOWN_SCHEMA_ID");
            assertThat(JSON.readTree(failed).path("message").asText()).isEqualTo("console sample failed: TimeoutException");
            assertThat(skipped + failed).doesNotContain("{}").doesNotContain("throwable");
            assertThat(logs.problems()).isEmpty();
        }
    }
}
