package dev.heed.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParentDeathIT {

    @TempDir
    Path dir;

    @Test
    void shouldEndBrokerAndRegistryWhenTheirParentIsKilled() throws Exception {
        Process parent = new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                OrphanParentMain.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("parent.log").toFile())
                .start();
        List<ProcessHandle> children = List.of();
        try {
            Path pids = dir.resolve("pids");
            await().atMost(Duration.ofSeconds(120)).until(() -> Files.exists(pids) || !parent.isAlive());
            assertThat(parent.isAlive()).as("middle JVM alive; its log: %s", dir.resolve("parent.log")).isTrue();
            children = Arrays.stream(Files.readString(pids).trim().split(" "))
                    .map(Long::parseLong).map(ProcessHandle::of).map(Optional::orElseThrow).toList();
            assertThat(children).allMatch(ProcessHandle::isAlive);

            parent.destroyForcibly(); // SIGKILL: no shutdown hook of the parent runs
            parent.waitFor();

            List<ProcessHandle> orphans = children;
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(orphans).noneMatch(ProcessHandle::isAlive));
        } finally {
            parent.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
