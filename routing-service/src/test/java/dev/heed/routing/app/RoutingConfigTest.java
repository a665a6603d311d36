package dev.heed.routing.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.routing.classify.CategoryLabel;
import dev.heed.routing.classify.SeverityLabel;
import dev.heed.runtime.auth.TokenStore;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingConfigTest {

    private static final Map<String, String> MINIMAL = Map.of("HEED_BOOTSTRAP_SERVERS", "broker:9092",
            "HEED_REGISTRY_URL", "http://registry/apis/ccompat/v7");

    @Test
    void onlyTheBrokerAndRegistryAreRequiredAndEverythingElseHasADefault() {
        RoutingConfig config = RoutingConfig.from(MINIMAL);

        assertThat(config.applicationId()).isEqualTo("heed-routing");
        assertThat(config.httpPort()).isEqualTo(8082);
        assertThat(config.clockSettings().punctuateInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.clockSettings().dedupeRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(config.standbyReplicas()).isZero();
        assertThat(config.policies().choose(SeverityLabel.CRITICAL, "WEB", CategoryLabel.OTHER).firstResponse())
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(config.kafka().passthrough()).isEmpty();
    }

    @Test
    void variablesOverrideDefaultsAndKafkaSettingsPassThrough() {
        var env = new java.util.HashMap<>(MINIMAL);
        env.putAll(Map.of("HEED_ROUTING_PUNCTUATE_INTERVAL", "250ms", "HEED_ROUTING_STANDBY_REPLICAS", "1",
                "HEED_SLA_POLICIES", "fast: severity=LOW target=30s", "HEED_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"));

        RoutingConfig config = RoutingConfig.from(env);

        assertThat(config.clockSettings().punctuateInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.standbyReplicas()).isEqualTo(1);
        assertThat(config.policies().choose(SeverityLabel.LOW, null, null).name()).isEqualTo("fast");
        assertThat(config.kafka().passthrough()).containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void healthAndMetricsShareTheMainPortUnlessAnOpsPortIsGivenAndQueriesTakeTheAckTokens() {
        var env = new java.util.HashMap<>(MINIMAL);
        env.put("HEED_ACK_TOKENS", "agent:grace:" + TokenStore.hash("grace-token"));

        assertThat(RoutingConfig.from(MINIMAL).opsPort()).isEmpty();
        assertThat(RoutingConfig.from(MINIMAL).queryTokens().authenticate("grace-token")).isEmpty();
        assertThat(RoutingConfig.from(env).queryTokens().authenticate("grace-token")).isPresent();
        env.put("HEED_ROUTING_OPS_PORT", "9082");
        assertThat(RoutingConfig.from(env).opsPort()).hasValue(9082);
        env.put("HEED_ROUTING_OPS_PORT", "8082");
        assertThatThrownBy(() -> RoutingConfig.from(env)).hasMessageStartingWith("HEED_ROUTING_OPS_PORT=8082 is HEED_ROUTING_HTTP_PORT too");
        env.put("HEED_ROUTING_OPS_PORT", "ops");
        assertThatThrownBy(() -> RoutingConfig.from(env)).hasMessage("HEED_ROUTING_OPS_PORT=ops is not an integer");
    }

    @Test
    void aMissingOrMalformedVariableIsNamedInTheError() {
        assertThatThrownBy(() -> RoutingConfig.from(Map.of())).hasMessageContaining("HEED_BOOTSTRAP_SERVERS");
        var env = new java.util.HashMap<>(MINIMAL);
        env.put("HEED_ROUTING_PUNCTUATE_INTERVAL", "often");
        assertThatThrownBy(() -> RoutingConfig.from(env)).hasMessageContaining("HEED_ROUTING_PUNCTUATE_INTERVAL");
        env.remove("HEED_ROUTING_PUNCTUATE_INTERVAL");
        // A misspelt switch used to read as false (topics silently not created); now it stops the start.
        env.put("HEED_CREATE_TOPICS", "ture");
        assertThatThrownBy(() -> RoutingConfig.from(env)).hasMessage("HEED_CREATE_TOPICS=ture is not true or false");
        env.remove("HEED_CREATE_TOPICS");
        env.put("HEED_ROUTING_STANDBY_REPLICAS", "one");
        assertThatThrownBy(() -> RoutingConfig.from(env)).hasMessage("HEED_ROUTING_STANDBY_REPLICAS=one is not an integer");
        env.remove("HEED_ROUTING_STANDBY_REPLICAS");
        env.put("HEED_SLA_CALENDARS", "office: zone=Mars/Olympus hours=Mon-Fri/09:00-17:00");
        assertThatThrownBy(() -> RoutingConfig.from(env)).hasMessageStartingWith("HEED_SLA_CALENDARS: ").hasMessageContaining("Mars/Olympus");
        env.put("HEED_SLA_CALENDARS", "office: zone=Europe/Berlin hours=Mon-Fri/09:00-17:00");
        env.put("HEED_SLA_POLICIES", "desk: severity=HIGH target=4h calendar=ofice");
        assertThatThrownBy(() -> RoutingConfig.from(env)).hasMessageStartingWith("HEED_SLA_POLICIES: ")
                .hasMessageContaining("unknown calendar 'ofice', defined: [office]");
        env.put("HEED_SLA_POLICIES", "desk: severity=HIGH target=4h calendar=office");
        assertThat(RoutingConfig.from(env).policies().choose(dev.heed.routing.classify.SeverityLabel.HIGH, null, null)
                .calendar().name()).isEqualTo("office");
    }

    // Drift found in issue 20: routing ignored HEED_TOPIC_SUFFIX (the responder read it), so the two talked past each other.
    @Test
    void theTopicSuffixReachesEveryTopicAndTheDeadLetterTopic() {
        var env = new java.util.HashMap<>(MINIMAL);
        env.put("HEED_TOPIC_SUFFIX", ".blue");
        RoutingConfig config = RoutingConfig.from(env);
        var topics = config.kafka().topics();

        assertThat(topics.all()).allSatisfy(spec -> assertThat(spec.name()).endsWith(".blue"));
        assertThat(StreamsProperties.of(config, topics.routingDlq().name(), new java.util.concurrent.atomic.AtomicLong()))
                .containsEntry(org.apache.kafka.streams.StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "routing.dlq.blue");
    }

    // Drift found in issue 20: the responder let HEED_KAFKA_BOOTSTRAP_SERVERS win, routing the reverse; now one rule.
    @Test
    void theNamedBootstrapServersWinOverThePassThroughOneWhichServesWhenAlone() {
        var both = new java.util.HashMap<>(MINIMAL);
        both.put("HEED_KAFKA_BOOTSTRAP_SERVERS", "other:9092");
        RoutingConfig config = RoutingConfig.from(both);
        assertThat(config.kafka().bootstrapServers()).isEqualTo("broker:9092");
        assertThat(StreamsProperties.of(config, "dlq", new java.util.concurrent.atomic.AtomicLong()))
                .containsEntry("bootstrap.servers", "broker:9092");

        var alone = Map.of("HEED_KAFKA_BOOTSTRAP_SERVERS", "other:9092", "HEED_REGISTRY_URL", "http://registry");
        assertThat(RoutingConfig.from(alone).kafka().bootstrapServers()).isEqualTo("other:9092");
    }

    // The local run starts this service by the class name its descriptor holds; renaming the class must fail here.
    @Test
    void theDescriptorNamesThisServicesMainClass() {
        assertThat(dev.heed.runtime.catalog.Services.ROUTING.mainClass()).isEqualTo(RoutingApplication.class.getName());
    }
}
