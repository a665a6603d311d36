package dev.heed.runtime.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.runtime.config.Settings;
import dev.heed.schemas.registry.HttpSchemaRegistryClient;
import dev.heed.schemas.topics.HeedTopics;
import dev.heed.schemas.topics.TopicSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class KafkaAccessTest {
    private final KafkaAccess access = KafkaAccess.from(new Settings(Map.of("HEED_TOPIC_SUFFIX", ".v2",
            "HEED_ROUTING_APPLICATION_ID", "routing-eu", "HEED_RESPONDER_GROUP_ID", "responder-eu")));

    @Test
    void theNamesComeFromTheSettingsTheServicesRead() {
        assertThat(access.ingest().grants()).singleElement().satisfies(grant -> {
            assertThat(grant.name()).isEqualTo("feedback.received.v2");
            assertThat(grant.operations()).containsExactlyInAnyOrder(AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.WRITE);
        });
        assertThat(access.routing().grants()).anySatisfy(grant -> {
            assertThat(grant.type()).isEqualTo(ResourceType.TRANSACTIONAL_ID);
            assertThat(grant.name()).isEqualTo("routing-eu");
            assertThat(grant.pattern()).isEqualTo(PatternType.PREFIXED);
        });
        assertThat(access.responder().grants()).anySatisfy(grant -> {
            assertThat(grant.type()).isEqualTo(ResourceType.GROUP);
            assertThat(grant.name()).isEqualTo("responder-eu");
            assertThat(grant.operations()).contains(AclOperation.READ);
        });
    }

    @Test
    void theDefaultsAreTheServicesDefaults() {
        KafkaAccess defaults = KafkaAccess.from(new Settings(Map.of()));
        assertThat(defaults.routing().grants()).anySatisfy(grant -> assertThat(grant.name()).isEqualTo("heed-routing"));
        assertThat(defaults.responder().grants()).anySatisfy(grant -> assertThat(grant.name()).isEqualTo("heed-responder"));
    }

    @Test
    void onlyTheResponderAndTheOperatorReadTopicsTheyDoNotWrite() {
        assertThat(access.ingest().grants()).noneSatisfy(grant -> assertThat(grant.operations()).contains(AclOperation.READ));
        assertThat(access.responder().grants()).noneSatisfy(grant -> {
            assertThat(grant.type()).isEqualTo(ResourceType.TOPIC);
            assertThat(grant.name()).isIn("feedback.received.v2", "complaints.state.v2", "feedback.classified.v2");
            assertThat(grant.operations()).contains(AclOperation.WRITE);
        });
        assertThat(access.responder().grants()).noneSatisfy(grant -> assertThat(grant.type()).isEqualTo(ResourceType.TRANSACTIONAL_ID));
    }

    @Test
    void aRoleIsOneAllowBindingPerOperationForItsUser() {
        assertThat(access.routing().bindings()).allSatisfy(binding -> {
            assertThat(binding.entry().principal()).isEqualTo("User:" + KafkaAccess.ROUTING_USER);
            assertThat(binding.entry().host()).isEqualTo("*");
            assertThat(binding.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW);
        });
        long operations = access.routing().grants().stream().mapToLong(grant -> grant.operations().size()).sum();
        assertThat(access.routing().bindings()).hasSize((int) operations).extracting(AclBinding::pattern).allSatisfy(pattern ->
                assertThat(pattern.patternType()).isIn(PatternType.LITERAL, PatternType.PREFIXED));
    }

    @Test
    void aServiceCreatesOnlyTheTopicsItMayCreate() {
        HeedTopics topics = HeedTopics.create(new HttpSchemaRegistryClient("http://registry.invalid"), true, 3, ".v2");
        assertThat(access.ingest().creatable(topics.all())).extracting(TopicSpec::name).containsExactly("feedback.received.v2");
        assertThat(access.responder().creatable(topics.all())).hasSize(topics.all().size());
        assertThat(access.operator().creatable(topics.all())).isEmpty();
    }

    @Test
    void theCommandsAreKafkaAclsInvocations() {
        assertThat(access.kafkaAclsCommands()).contains("# heed-routing: ")
                .contains("kafka-acls.sh --bootstrap-server \"$BOOTSTRAP\" --command-config admin.properties --add "
                        + "--allow-principal User:heed-routing --operation Write --operation Describe --transactional-id 'routing-eu' "
                        + "--resource-pattern-type prefixed\n")
                .contains("--allow-principal User:heed-operator --operation Read --operation Write --operation Describe "
                        + "--operation DescribeConfigs --topic 'complaints.state.v2'\n");
    }

    /** docs/security.md and the README show the tables for the default settings; rewrite them with {@code -Dheed.docs.write=true}. */
    @Test
    void theDocsShowTheTablesOfTheDefaults() throws Exception {
        KafkaAccess defaults = KafkaAccess.from(new Settings(Map.of()));
        assertShows(Path.of("..", "docs", "security.md"), defaults.markdownTable());
        assertShows(Path.of("..", "README.md"), defaults.markdownSummary());
    }

    private static void assertShows(Path file, String table) throws Exception {
        String begin = "<!-- acl table: generated by KafkaAccess, see KafkaAccessTest -->\n";
        String end = "<!-- end of acl table -->";
        String doc = Files.readString(file);
        assertThat(doc).contains(begin, end);
        String rendered = doc.substring(0, doc.indexOf(begin) + begin.length()) + table + doc.substring(doc.indexOf(end));
        if (Boolean.getBoolean("heed.docs.write")) {
            Files.writeString(file, rendered);
        }
        assertThat(Files.readString(file)).as(file + " is stale: run with -Dheed.docs.write=true").isEqualTo(rendered);
    }
}
