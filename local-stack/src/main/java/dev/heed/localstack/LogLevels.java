package dev.heed.localstack;

import java.util.List;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/**
 * Keeps an in-process broker and Testcontainers at WARN, so their errors show and their INFO chatter
 * (~2,000 lines per broker start) does not. A level the project's own logback configuration sets
 * explicitly wins: only loggers without a level are touched.
 */
final class LogLevels {

    private static final List<String> NOISY = List.of(
            "kafka", "org.apache.kafka", "state.change.logger", "org.testcontainers", "com.github.dockerjava",
            "tc");

    private LogLevels() {
    }

    static void quietKafka() {
        // Another SLF4J binding may win on a consumer's class path; then its configuration rules.
        if (!(LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext)) {
            return;
        }
        for (String name : NOISY) {
            setIfUnset(name, Level.WARN);
        }
        // Its "no valid Docker environment" ERROR is the expected answer on machines without Docker;
        // LocalStack logs the choice it made instead.
        setIfUnset("org.testcontainers.dockerclient.DockerClientProviderStrategy", Level.OFF);
    }

    private static void setIfUnset(String name, Level level) {
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        if (logger.getLevel() == null) {
            logger.setLevel(level);
        }
    }
}
