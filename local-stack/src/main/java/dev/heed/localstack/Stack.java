package dev.heed.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A running Kafka and schema registry, as tests receive it from {@link LocalStackExtension}.
 *
 * <p>Contract: the addresses stay valid until {@link #close()}; the stack is shared by every test
 * class of one JVM, so a test isolates itself with {@link #uniqueName(String)} for topics, group and
 * application ids, and {@link #tempStateDir()} for Kafka Streams state. Thread-safe.
 */
public final class Stack implements AutoCloseable {

    private final String kind;
    private final String bootstrapServers;
    private final String registryBaseUrl;
    private final List<AutoCloseable> resources;
    private final AtomicLong names = new AtomicLong();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private Admin admin;
    private Path tempRoot;

    Stack(String kind, String bootstrapServers, String registryBaseUrl, List<AutoCloseable> resources) {
        this.kind = kind;
        this.bootstrapServers = bootstrapServers;
        this.registryBaseUrl = registryBaseUrl;
        this.resources = new ArrayList<>(resources);
    }

    /** {@code in-process} or {@code docker}: which way the stack was started. */
    public String kind() {
        return kind;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The registry's Confluent-compatible API root ({@code .../apis/ccompat/v7}). */
    public String registryUrl() {
        return registryBaseUrl + "/apis/ccompat/v7";
    }

    /** The registry's root, for its health and native APIs. */
    public String registryBaseUrl() {
        return registryBaseUrl;
    }

    /** A name no other test of this run has: {@code prefix-<run>-<n>}, valid as a topic or group id. */
    public String uniqueName(String prefix) {
        return prefix + "-" + runId + "-" + names.incrementAndGet();
    }

    /** Creates a topic (replication factor 1, the broker's default) and waits until it exists. */
    public void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    /** Creates a topic with topic-level configs (e.g. {@code cleanup.policy=compact}). */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs);
        try {
            admin().createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topic " + name, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating topic " + name, e);
        }
    }

    /** A fresh empty directory (e.g. a Streams {@code state.dir}), deleted when the stack closes. */
    public synchronized Path tempStateDir() {
        try {
            if (tempRoot == null) {
                tempRoot = Files.createTempDirectory("heed-state-");
            }
            return Files.createTempDirectory(tempRoot, "state-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A shared admin client for test setup; closed with the stack, so do not close it. */
    public synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        }
        return admin;
    }

    /** Stops the registry and Kafka (in reverse start order) and deletes the state directories. */
    @Override
    public synchronized void close() {
        IllegalStateException failure = new IllegalStateException("cannot close " + this);
        List<AutoCloseable> order = new ArrayList<>();
        if (admin != null) {
            order.add(admin);
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            order.add(resources.get(i));
        }
        order.add(this::deleteTempRoot);
        for (AutoCloseable resource : order) {
            // Keep going: a registry that fails to stop must not leave the broker running.
            try {
                resource.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.addSuppressed(e);
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    private void deleteTempRoot() throws IOException {
        if (tempRoot != null) {
            Directories.deleteTree(tempRoot);
        }
    }

    @Override
    public String toString() {
        return kind + " stack: kafka " + bootstrapServers + ", registry " + registryBaseUrl;
    }
}
