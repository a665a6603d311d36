package dev.heed.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.Uuid;

import kafka.tools.StorageTool;

/**
 * Formats a KRaft log directory with Kafka's own storage tool, in this JVM.
 *
 * <p>{@code StorageTool.execute} is what {@code kafka-storage.sh format} runs minus the
 * {@code System.exit}: it reports failure by exception, so a bad config fails the caller instead of
 * killing the test JVM. A directory that already holds {@code meta.properties} is left alone, which is
 * what keeps a broker's data across restarts.
 */
final class KraftStorage {

    private KraftStorage() {
    }

    static boolean isFormatted(Path logDir) {
        return Files.exists(logDir.resolve("meta.properties"));
    }

    /**
     * @param clusterId the id every node of one cluster shares; null for a random one (a cluster of one)
     * @param extraArguments more {@code kafka-storage format} arguments (e.g. {@code --add-scram ...})
     */
    static void formatIfNeeded(Path serverProperties, Path logDir, String clusterId, List<String> extraArguments)
            throws IOException {
        if (isFormatted(logDir)) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        List<String> args = new ArrayList<>(List.of("format", "--cluster-id", clusterId != null ? clusterId : Uuid.randomUuid().toString(),
                "--config", serverProperties.toString(), "--ignore-formatted"));
        args.addAll(extraArguments);
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(args.toArray(String[]::new), out);
        } catch (RuntimeException e) {
            throw new IOException("kafka-storage format failed for " + logDir + ": " + output.toString(StandardCharsets.UTF_8), e);
        }
        if (status != 0) {
            throw new IOException("kafka-storage format exited " + status + ": " + output.toString(StandardCharsets.UTF_8));
        }
    }
}
