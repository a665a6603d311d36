package dev.heed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AclsCommandTest {

    @Test
    void aclsPrintsKafkaAclsCommandsForTheNamesTheServicesWouldUse() {
        CliRun run = CliRun.of(List.of("acls"), Map.of("HEED_TOPIC_SUFFIX", ".v2", "HEED_ROUTING_APPLICATION_ID", "routing-eu"));

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(line -> line.startsWith("kafka-acls.sh ")))
                .isNotEmpty()
                .anySatisfy(line -> assertThat(line).contains("User:heed-ingest").contains("--topic 'feedback.received.v2'"))
                .anySatisfy(line -> assertThat(line).contains("--transactional-id 'routing-eu' --resource-pattern-type prefixed"))
                .anySatisfy(line -> assertThat(line).contains("--group 'heed-responder'"));
    }

    @Test
    void aclsTakesNoArguments() {
        assertThat(CliRun.of(List.of("acls", "extra"), Map.of()).status()).isEqualTo(2);
    }
}
