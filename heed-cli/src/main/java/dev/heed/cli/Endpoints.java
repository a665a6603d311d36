package dev.heed.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where Kafka and the registry are: {@code --bootstrap} / {@code --registry} flags first, then the
 * environment ({@code HEED_BOOTSTRAP_SERVERS}, {@code HEED_REGISTRY_URL}), then the endpoints file that
 * {@code heed up} writes for the local run. Any Kafka and Confluent-compatible registry works.
 */
record Endpoints(String bootstrapServers, String registryUrl) {
    static Endpoints resolve(CliArgs args, Map<String, String> env, Path localRunFile) {
        Properties local = OptionSources.localRun(localRunFile);
        String bootstrap = OptionSources.first(args.option("bootstrap"), env.get("HEED_BOOTSTRAP_SERVERS"), local.getProperty("bootstrap.servers"))
                .orElseThrow(() -> new UsageException("no Kafka given: pass --bootstrap host:port, set HEED_BOOTSTRAP_SERVERS, or run ./heed up"));
        String registry = OptionSources.first(args.option("registry"), env.get("HEED_REGISTRY_URL"), local.getProperty("registry.url"))
                .orElseThrow(() -> new UsageException("no schema registry given: pass --registry URL, set HEED_REGISTRY_URL, or run ./heed up"));
        return new Endpoints(bootstrap, registry);
    }
}
