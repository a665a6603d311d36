package dev.heed.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The middle JVM of {@link ParentDeathIT}: starts a broker and a registry as its children, writes
 * their pids to {@code <dir>/pids}, then waits to be killed.
 */
public final class OrphanParentMain {

    private OrphanParentMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        BrokerProcess broker = BrokerProcess.builder(dir.resolve("kafka")).build().start();
        RegistryProcess registry = RegistryProcess.start(0, "BACKWARD", dir.resolve("registry.log"));
        Path pids = dir.resolve("pids");
        Files.writeString(dir.resolve("pids.tmp"), broker.pid() + " " + registry.pid());
        Files.move(dir.resolve("pids.tmp"), pids); // atomic appearance: the test never reads half a file
        new CountDownLatch(1).await();
    }
}
