package dev.heed.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where Kafka and the registry are: {@code --bootstrap} / {@code --registry} flags first, then the
 * environment ({@code HEED_BOOTSTRAP_SERVERS}, {@code HEED_REGISTRY_URL}), then the endpoints file that
 * {@code heed up} writes for the local run. Any Kafka and Confluent-compatible registry works.
 */
record Endpoints(String bootstrapServers, String registryUrl) {
    static Endpoints resolve(CliArgs args, Map<String, String> env, Path localRunFile) {
        Properties local = readIfPresent(localRunFile);
        String bootstrap = first(args.option("bootstrap"), env.get("HEED_BOOTSTRAP_SERVERS"), local.getProperty("bootstrap.servers"))
                .orElseThrow(() -> new UsageException("no Kafka given: pass --bootstrap host:port, set HEED_BOOTSTRAP_SERVERS, or run ./heed up"));
        String registry = first(args.option("registry"), env.get("HEED_REGISTRY_URL"), local.getProperty("registry.url"))
                .orElseThrow(() -> new UsageException("no schema registry given: pass --registry URL, set HEED_REGISTRY_URL, or run ./heed up"));
        return new Endpoints(bootstrap, registry);
    }

    private static Optional<String> first(Optional<String> flag, String env, String file) {
        if (flag.isPresent()) {
            return flag;
        }
        if (env != null && !env.isBlank()) {
            return Optional.of(env);
        }
        return Optional.ofNullable(file);
    }

    private static Properties readIfPresent(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UsageException("cannot read " + file + ": " + e.getMessage());
            }
        }
        return properties;
    }
}
