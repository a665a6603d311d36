package dev.heed.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where Kafka and the registry are: {@code --bootstrap} / {@code --registry} flags first, then the
 * environment ({@code HEED_BOOTSTRAP_SERVERS}, {@code HEED_REGISTRY_URL}), then the endpoints file that
 * {@code heed up} writes for the local run. Any Kafka and Confluent-compatible registry works.
 */
record Endpoints(String bootstrapServers, String registryUrl, Map<String, String> kafka) {
    Endpoints(String bootstrapServers, String registryUrl) {
        this(bootstrapServers, registryUrl, Map.of());
    }

    /**
     * @param kafka client settings that come with the address: those the local run's endpoints file holds under
     *              {@code kafka.} (a {@code heed up --secure} run's operator user), used only with its address
     */
    Endpoints {
        kafka = Map.copyOf(kafka);
    }

    static Endpoints resolve(CliArgs args, Map<String, String> env, Path localRunFile) {
        Properties local = OptionSources.localRun(localRunFile);
        String bootstrap = OptionSources.first(args.option("bootstrap"), env.get("HEED_BOOTSTRAP_SERVERS"), local.getProperty("bootstrap.servers"))
                .orElseThrow(() -> new UsageException("no Kafka given: pass --bootstrap host:port, set HEED_BOOTSTRAP_SERVERS, or run ./heed up"));
        String registry = OptionSources.first(args.option("registry"), env.get("HEED_REGISTRY_URL"), local.getProperty("registry.url"))
                .orElseThrow(() -> new UsageException("no schema registry given: pass --registry URL, set HEED_REGISTRY_URL, or run ./heed up"));
        Map<String, String> kafka = new java.util.HashMap<>();
        if (bootstrap.equals(local.getProperty("bootstrap.servers"))) {
            local.stringPropertyNames().stream().filter(key -> key.startsWith("kafka."))
                    .forEach(key -> kafka.put(key.substring("kafka.".length()), local.getProperty(key)));
        }
        return new Endpoints(bootstrap, registry, kafka);
    }
}
