package dev.heed.cli.local;

import static dev.heed.runtime.catalog.LocalRunSettings.*;

import dev.heed.runtime.config.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the local run keeps its data and which loopback ports it takes. Every port can be moved with an
 * environment variable ({@code HEED_LOCAL_KAFKA_PORT}, ...), so a second checkout can run beside the first.
 *
 * @param repository the checkout, whose modules' {@code target/} hold the built classes
 * @param dataDir    Kafka's log dirs, the registry's database, logs and the run's pid and endpoints files
 * @param timeScale  SLA times are divided by this in the local run (1 = real time), so reminders show in minutes
 */
public record LocalRunConfig(Path repository, Path dataDir, int kafkaPort, int controllerPort, int registryPort,
                             int ingestPort, int routingPort, int responderPort, int timeScale) {

    public static LocalRunConfig from(Path repository, Map<String, String> env) {
        Settings settings = new Settings(env);
        return new LocalRunConfig(repository,
                repository.resolve(settings.get(DATA_DIR)),
                settings.get(KAFKA_PORT),
                settings.get(CONTROLLER_PORT),
                settings.get(REGISTRY_PORT),
                settings.get(INGEST_PORT),
                settings.get(ROUTING_PORT),
                settings.get(RESPONDER_PORT),
                settings.get(TIME_SCALE));
    }

    /** Where {@code heed up} writes the addresses of its Kafka and registry for the other commands. */
    public Path endpointsFile() {
        return dataDir.resolve("endpoints.properties");
    }

    public LocalRunConfig withTimeScale(int scale) {
        return new LocalRunConfig(repository, dataDir, kafkaPort, controllerPort, registryPort, ingestPort, routingPort,
                responderPort, scale);
    }

    /** Every port this run takes, named for the error message when one is taken already. */
    public Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka", kafkaPort);
        ports.put("Kafka controller", controllerPort);
        ports.put("schema registry", registryPort);
        ports.put("ingest-service", ingestPort);
        ports.put("routing-service", routingPort);
        ports.put("responder-service", responderPort);
        return ports;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String registryUrl() {
        return "http://127.0.0.1:" + registryPort + "/apis/ccompat/v7";
    }

    public Path logs() {
        return dataDir.resolve("logs");
    }
}
