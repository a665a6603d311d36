package dev.heed.localstack;

import java.util.List;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The stack as containers, for machines with a Docker engine. Images can be overridden with system
 * properties {@code heed.tests.kafka.image} and {@code heed.tests.registry.image}; the registry default
 * is the same Apicurio version the in-process stack runs, so both paths behave alike.
 */
final class DockerStack {

    static final String KAFKA_IMAGE = "apache/kafka:4.3.1";
    static final String REGISTRY_IMAGE = "apicurio/apicurio-registry-mem:" + ApicurioDistribution.VERSION;

    private DockerStack() {
    }

    static Stack start(String compatibility) {
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(
                System.getProperty("heed.tests.kafka.image", KAFKA_IMAGE)).asCompatibleSubstituteFor("apache/kafka"));
        @SuppressWarnings("resource") // closed by the Stack
        GenericContainer<?> registry = new GenericContainer<>(DockerImageName.parse(
                System.getProperty("heed.tests.registry.image", REGISTRY_IMAGE)))
                .withExposedPorts(8080)
                .waitingFor(Wait.forHttp("/health/ready").forStatusCode(200));
        try {
            kafka.start();
            registry.start();
            String registryBase = "http://" + registry.getHost() + ":" + registry.getMappedPort(8080);
            RegistryCompatibility.set(registryBase + "/apis/ccompat/v7", compatibility);
            return new Stack("docker", kafka.getBootstrapServers(), registryBase, List.of(kafka, registry));
        } catch (RuntimeException e) {
            registry.stop();
            kafka.stop();
            throw e;
        }
    }
}
