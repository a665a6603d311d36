package dev.heed.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import org.apache.kafka.common.Uuid;

/**
 * A Kafka cluster as production runs it, for fault tests: {@code brokers} broker-only nodes (ids 1..n) with
 * replication factor 3 and {@code min.insync.replicas=2} by default, plus one controller-only node (id 0)
 * that is the whole KRaft quorum. Every node is a child JVM running Kafka's own main class, so
 * {@link BrokerProcess#kill()} is a real {@code SIGKILL}.
 *
 * <p>One static controller on purpose: a broker can be killed and restarted without touching the quorum (a
 * three-voter quorum in one JVM misbehaved in the test kit); the controller is not a target of the faults.
 *
 * <p>Contract: {@link #start} returns once the controller accepts connections and every broker is seen by an
 * AdminClient; ports are fixed for the cluster's lifetime, so a restarted broker is where clients expect it,
 * with its data. {@link #close()} stops every node (brokers first). Not thread-safe: one owner.
 */
public final class KraftCluster implements AutoCloseable {
    private static final int CONTROLLER_ID = 0;

    /** What the brokers of a three-node production cluster set. */
    static final Map<String, String> REPLICATION = Map.of(
            "default.replication.factor", "3",
            "min.insync.replicas", "2",
            "offsets.topic.replication.factor", "3",
            "transaction.state.log.replication.factor", "3",
            "transaction.state.log.min.isr", "2",
            "share.coordinator.state.topic.replication.factor", "3",
            "share.coordinator.state.topic.min.isr", "2",
            "group.initial.rebalance.delay.ms", "0");

    private final BrokerProcess controller;
    private final List<BrokerProcess> brokers;
    /** Per broker id, the proxies in front of it and of its link to the controller; empty unless partitionable. */
    private final Map<Integer, List<TcpProxy>> links;

    private KraftCluster(BrokerProcess controller, List<BrokerProcess> brokers, Map<Integer, List<TcpProxy>> links) {
        this.controller = controller;
        this.brokers = brokers;
        this.links = links;
    }

    /** Starts the controller, then {@code brokers} brokers, with their data under {@code directory}. */
    public static KraftCluster start(Path directory, int brokers) {
        return start(directory, brokers, false);
    }

    /**
     * As {@link #start(Path, int)}, with every broker behind a {@link TcpProxy} so that {@link #isolate(int)} can
     * cut it off the network: each broker advertises its proxy's port (clients and the other brokers' replica
     * fetchers reach it only through it) and reaches the controller through a proxy of its own.
     */
    public static KraftCluster startPartitionable(Path directory, int brokers) {
        return start(directory, brokers, true);
    }

    private static KraftCluster start(Path directory, int brokers, boolean partitionable) {
        String clusterId = Uuid.randomUuid().toString();
        int controllerPort = Ports.free();
        String voters = CONTROLLER_ID + "@127.0.0.1:" + controllerPort;
        BrokerProcess controller = BrokerProcess.builder(directory.resolve("controller"))
                .nodeId(CONTROLLER_ID).roles("controller").controllerPort(controllerPort)
                .quorumVoters(voters).clusterId(clusterId).build();
        List<BrokerProcess> nodes = new ArrayList<>();
        Map<Integer, List<TcpProxy>> links = new java.util.LinkedHashMap<>();
        for (int id = 1; id <= brokers; id++) {
            BrokerProcess.Builder broker = BrokerProcess.builder(brokerDirectory(directory, id))
                    .nodeId(id).roles("broker").quorumVoters(voters).clusterId(clusterId);
            if (partitionable) {
                int port = Ports.free();
                TcpProxy in = TcpProxy.start("broker-" + id, 0, port);
                TcpProxy toController = TcpProxy.start("broker-" + id + "-to-controller", 0, controllerPort);
                links.put(id, List.of(in, toController));
                broker.port(port).advertisedPort(in.port()).quorumVoters(CONTROLLER_ID + "@127.0.0.1:" + toController.port());
            }
            REPLICATION.forEach(broker::serverProperty);
            nodes.add(broker.build());
        }
        KraftCluster cluster = new KraftCluster(controller, List.copyOf(nodes), Map.copyOf(links));
        try {
            controller.start();
            nodes.forEach(BrokerProcess::start);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /**
     * Where broker {@code nodeId} of a cluster started on {@code directory} keeps its logs ({@code log.dirs}, and
     * its copy of the metadata log). Known before the start, so a test can mount a {@link SmallDisk} there first:
     * the broker creates the directory only if it is missing and formats whatever is mounted on it.
     */
    public static Path brokerLogDir(Path directory, int nodeId) {
        return BrokerProcess.logDirOf(brokerDirectory(directory, nodeId));
    }

    private static Path brokerDirectory(Path directory, int nodeId) {
        return directory.resolve("broker-" + nodeId);
    }

    /** Every broker's address, for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return brokers.stream().map(BrokerProcess::bootstrapServers).collect(Collectors.joining(","));
    }

    public List<BrokerProcess> brokers() {
        return brokers;
    }

    /** The broker with this {@code node.id} (a partition leader's id, say). */
    public BrokerProcess broker(int nodeId) {
        return brokers.stream().filter(b -> b.nodeId() == nodeId).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no broker " + nodeId + " in " + bootstrapServers()));
    }

    public BrokerProcess controller() {
        return controller;
    }

    /**
     * Cuts broker {@code nodeId} off the network, as a partition would: nobody reaches it (clients, the other
     * brokers' replica fetchers) and it does not reach the controller, so the controller fences it once its
     * heartbeats stop and moves its leaderships. What it cannot model: the broker's own fetches from the other
     * leaders still pass (they go to the others' proxies, which cannot tell who is calling); as a fenced broker
     * it is kept out of every ISR all the same. Only on a {@link #startPartitionable partitionable} cluster.
     */
    public void isolate(int nodeId) {
        linksOf(nodeId).forEach(TcpProxy::isolate);
    }

    /** Ends {@link #isolate(int)}: the broker's connections carry bytes again. */
    public void heal(int nodeId) {
        linksOf(nodeId).forEach(TcpProxy::heal);
    }

    private List<TcpProxy> linksOf(int nodeId) {
        List<TcpProxy> proxies = links.get(nodeId);
        if (proxies == null) {
            throw new IllegalStateException("broker " + nodeId + " has no proxies: start the cluster with startPartitionable");
        }
        return proxies;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        List<BrokerProcess> order = new ArrayList<>(brokers);
        order.add(controller);
        for (BrokerProcess node : order) {
            try {
                node.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        links.values().forEach(proxies -> proxies.forEach(TcpProxy::close));
        if (failure != null) {
            throw failure;
        }
    }
}
