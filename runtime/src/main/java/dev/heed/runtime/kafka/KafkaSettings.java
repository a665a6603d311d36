package dev.heed.runtime.kafka;

import dev.heed.runtime.config.Setting;
import dev.heed.runtime.config.Settings;
import dev.heed.runtime.config.SettingsException;
import dev.heed.schemas.registry.HttpSchemaRegistryClient;
import dev.heed.schemas.topics.HeedTopics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How a Heed process reaches Kafka and the schema registry, and which topics it uses: the same variables,
 * read the same way, in every service and the CLI.
 *
 * <p>Bootstrap servers: {@code HEED_BOOTSTRAP_SERVERS}; when it is unset, {@code HEED_KAFKA_BOOTSTRAP_SERVERS}
 * (the pass-through spelling) is taken; when both are set, {@code HEED_BOOTSTRAP_SERVERS} wins, with a warning.
 *
 * @param passthrough every {@code HEED_KAFKA_*} setting, as Kafka client properties
 */
public record KafkaSettings(String bootstrapServers, String registryUrl, boolean registryAutoRegister, String topicSuffix,
                            int partitions, short replicationFactor, boolean createTopics, Duration personalDataRetention,
                            Map<String, String> passthrough) {

    public static final Setting<String> BOOTSTRAP_SERVERS = Setting.optional("HEED_BOOTSTRAP_SERVERS", "(required)",
            "Kafka bootstrap servers, `host:port,...`; `HEED_KAFKA_BOOTSTRAP_SERVERS` is read when this is unset");
    public static final Setting<String> REGISTRY_URL = Setting.required("HEED_REGISTRY_URL",
            "the registry's Confluent-compatible API, e.g. `http://registry:8080/apis/ccompat/v7`");
    public static final Setting<Boolean> REGISTRY_AUTO_REGISTER = Setting.bool("HEED_REGISTRY_AUTO_REGISTER", true,
            "let serializers register their schema on first write (production registries often forbid it)");
    public static final Setting<String> TOPIC_SUFFIX = Setting.string("HEED_TOPIC_SUFFIX", "",
            "appended to every Heed topic name (`.v2`, or a run id so that runs sharing a broker do not meet)");
    public static final Setting<Integer> TOPIC_PARTITIONS = Setting.integer("HEED_TOPIC_PARTITIONS", HeedTopics.DEFAULT_PARTITIONS,
            "partitions of the topics a service creates (the unit of parallelism; all topics share it)")
            .check(n -> n >= 1, "at least 1");
    public static final Setting<Integer> TOPIC_REPLICATION_FACTOR = Setting.integer("HEED_TOPIC_REPLICATION_FACTOR", 1,
            "replication factor of the topics a service creates; 3 or more also sets `min.insync.replicas=2`")
            .check(n -> n >= 1 && n <= Short.MAX_VALUE, "between 1 and 32767");
    public static final Setting<Boolean> CREATE_TOPICS = Setting.bool("HEED_CREATE_TOPICS", true,
            "create the service's missing topics at start; `false` only names the missing ones in a warning");

    public static final Setting<Duration> PERSONAL_DATA_RETENTION = Setting.duration("HEED_PERSONAL_DATA_RETENTION", Duration.ofDays(7),
            "`retention.ms` of the topics a service creates that hold customers' contact details or text, agents' notes, or dead "
                    + "letters of them (see docs/personal-data.md); an existing topic keeps its own")
            .check(d -> !d.isNegative() && !d.isZero(), "more than zero");

    /** The common settings, in the order the configuration reference lists them. */
    public static final List<Setting<?>> DECLARED = List.of(BOOTSTRAP_SERVERS, REGISTRY_URL, REGISTRY_AUTO_REGISTER,
            TOPIC_SUFFIX, TOPIC_PARTITIONS, TOPIC_REPLICATION_FACTOR, CREATE_TOPICS, PERSONAL_DATA_RETENTION);

    public KafkaSettings {
        passthrough = Map.copyOf(passthrough);
    }

    public static KafkaSettings from(Settings settings) {
        return from(settings, CREATE_TOPICS);
    }

    /** @param createTopics the create switch as this service declares it (ingest reads a former name of its own) */
    public static KafkaSettings from(Settings settings, Setting<Boolean> createTopics) {
        Map<String, String> passthrough = settings.kafkaPassthrough();
        String named = settings.get(BOOTSTRAP_SERVERS);
        String passed = passthrough.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        if (named == null && passed == null) {
            throw new SettingsException(BOOTSTRAP_SERVERS.name() + " is required");
        }
        if (named != null && passed != null && !named.equals(passed)) {
            settings.warn("HEED_BOOTSTRAP_SERVERS=" + named + " wins over HEED_KAFKA_BOOTSTRAP_SERVERS=" + passed);
        }
        return new KafkaSettings(named != null ? named : passed, settings.get(REGISTRY_URL), settings.get(REGISTRY_AUTO_REGISTER),
                settings.get(TOPIC_SUFFIX), settings.get(TOPIC_PARTITIONS), settings.get(TOPIC_REPLICATION_FACTOR).shortValue(),
                settings.get(createTopics), settings.get(PERSONAL_DATA_RETENTION), passthrough);
    }

    /** Properties for any Kafka client: the pass-through settings, with the bootstrap servers decided above. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>(passthrough);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    /**
     * The settings with the values of secret pass-through settings ({@code sasl.jaas.config}, any {@code *password*})
     * hidden, so a log of a service's configuration never shows its credentials.
     */
    @Override
    public String toString() {
        Map<String, String> shown = new java.util.TreeMap<>();
        passthrough.forEach((key, value) -> shown.put(key, secret(key) ? "[hidden]" : value));
        return "KafkaSettings[bootstrapServers=" + bootstrapServers + ", registryUrl=" + registryUrl + ", registryAutoRegister="
                + registryAutoRegister + ", topicSuffix=" + topicSuffix + ", partitions=" + partitions + ", replicationFactor="
                + replicationFactor + ", createTopics=" + createTopics + ", personalDataRetention=" + personalDataRetention
                + ", passthrough=" + shown + "]";
    }

    private static boolean secret(String key) {
        return key.contains("password") || key.endsWith(".jaas.config") || key.endsWith(".key") || key.contains("credentials");
    }

    /** The topic catalog these settings name: registry, auto-register, partitions, suffix and personal-data retention applied. */
    public HeedTopics topics() {
        return HeedTopics.create(new HttpSchemaRegistryClient(registryUrl), registryAutoRegister, partitions, topicSuffix, personalDataRetention);
    }
}
