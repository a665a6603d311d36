package dev.heed.routing.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.routing.deadletter.DeadLetterDeserializationHandler;
import dev.heed.schemas.logging.LogConfiguration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service's own logback.xml renders the arguments of a log call into its JSON line. */
class LogFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LogConfiguration logs;

    @BeforeEach
    void load() throws Exception {
        logs = LogConfiguration.load(RoutingApplication.class.getResource("/logback.xml"), "JSON");
    }

    @AfterEach
    void close() {
        logs.close();
    }

    @Test
    void aDeadLetterLineNamesTheRecordItIsAbout() throws Exception {
        List<String> lines = logs.render(DeadLetterDeserializationHandler.class.getName(), log -> log.warn(
                "dead-lettering unreadable record {}-{}@{} ({})", "feedback.received", 3, 1411L, "NOT_FRAMED"));

        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.path("message").asText()).isEqualTo("dead-lettering unreadable record feedback.received-3@1411 (NOT_FRAMED)");
        assertThat(line.path("level").asText()).isEqualTo("WARN");
        assertThat(line.path("logger_name").asText()).isEqualTo(DeadLetterDeserializationHandler.class.getName());
        assertThat(lines.get(0)).doesNotContain("{}").doesNotContain("throwable");
    }

    @Test
    void anErrorCarriesItsStackTraceAndKeyValuesBecomeFields() throws Exception {
        JsonNode failed = JSON.readTree(logs.render("dev.heed.routing", log -> log.error("stream thread {} failed; replacing it",
                "t-1", new IllegalStateException("boom"))).get(0));
        JsonNode keyed = JSON.readTree(logs.render("dev.heed.routing", log -> log.atInfo().addKeyValue("complaintId", "fb-7")
                .log("clock started")).get(0));

        assertThat(failed.path("message").asText()).isEqualTo("stream thread t-1 failed; replacing it");
        assertThat(failed.path("stack_trace").asText()).startsWith("java.lang.IllegalStateException: boom");
        assertThat(keyed.path("complaintId").asText()).isEqualTo("fb-7");
    }

    @Test
    void theConfigurationLoadsWithoutWarnings() {
        assertThat(logs.problems()).isEmpty();
    }
}
