package dev.heed.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.ApiMessageAndVersion;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A KRaft cluster inside this JVM, from Kafka's own test kit: one combined broker+controller node by
 * default, or several brokers with that one controller. Not three controllers: in Kafka 4.3.1's test kit, the
 * followers of a three-voter quorum send voter updates at start that the leader refuses as invalid, which
 * kills their raft threads, and with two of three gone the quorum can commit nothing (EmbeddedKafkaIT hung or
 * failed now and then). Heed's tests need replicated partitions, not a replicated controller.
 *
 * <p>Contract: {@link #start(int)} returns a cluster whose brokers all answer; {@link #close()} shuts it
 * down and deletes its directory. Close it from the JUnit store (as {@link LocalStackExtension} does),
 * not from a shutdown hook: the test kit registers its own hook that deletes the directory, and two
 * hooks race.
 *
 * <p>It runs the metadata version and feature levels that a released broker formats with by default,
 * not the test kit's default (the newest, unreleased metadata version with unstable features), so
 * tests see what production brokers do.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EmbeddedKafka.class);

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static EmbeddedKafka start(int nodes) {
        return start(nodes, null);
    }

    /**
     * One node that takes clients only over SASL_SSL with SCRAM-SHA-512 and authorizes them by ACLs (see
     * {@link BrokerSecurity}); connect as {@link BrokerSecurity#adminClientProperties()} to create users and ACLs.
     */
    public static EmbeddedKafka startSecured(BrokerSecurity security) {
        return start(1, security);
    }

    private static EmbeddedKafka start(int nodes, BrokerSecurity security) {
        if (nodes < 1) {
            throw new IllegalArgumentException("nodes must be at least 1: " + nodes);
        }
        LogLevels.quietKafka();
        KafkaClusterTestKit cluster = null;
        try {
            BootstrapMetadata bootstrap = productionBootstrap();
            TestKitNodes.Builder nodesBuilder = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(nodes)
                    .setNumControllerNodes(1);
            if (security != null) {
                List<ApiMessageAndVersion> records = new ArrayList<>(bootstrap.records());
                records.add(security.adminCredentialRecord());
                bootstrap = BootstrapMetadata.fromRecords(records, bootstrap.source());
                // The test kit takes only PLAINTEXT or SASL_PLAINTEXT here; the listeners' protocol map set below
                // (its own value is only a default) makes both listeners SASL_SSL.
            }
            TestKitNodes testKitNodes = nodesBuilder.setBootstrapMetadata(bootstrap).build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(testKitNodes)
                    .setConfigProp("num.partitions", "6")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0");
            if (security != null) {
                security.brokerProperties(testKitNodes.brokerListenerName().value(), testKitNodes.controllerListenerName().value())
                        .forEach(builder::setConfigProp);
            }
            if (nodes < 3) {
                SingleNodeDefaults.REPLICATION.forEach(builder::setConfigProp);
            }
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafka(cluster);
        } catch (Exception e) {
            closeQuietly(cluster);
            throw new IllegalStateException("cannot start the in-process Kafka cluster", e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /**
     * Shuts the cluster down and deletes its directory; a failure to do so is an unchecked exception,
     * except a fault that a node's fault handler recorded (the test kit rethrows it on close): every node
     * is closed by then, so that one is logged, not thrown. The faults seen so far came from the
     * three-voter quorum described above.
     */
    @Override
    public void close() {
        try {
            cluster.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted closing the in-process Kafka cluster", e);
        } catch (Exception e) {
            if (!raisedByFaultHandler(e)) {
                throw new IllegalStateException("cannot close the in-process Kafka cluster", e);
            }
            LOG.warn("a Kafka node reported a fault while the cluster shut down: {}", e.toString());
        }
    }

    private static boolean raisedByFaultHandler(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.kafka.server.fault.FaultHandlerException) {
                return true;
            }
        }
        return false;
    }

    private static BootstrapMetadata productionBootstrap() {
        MetadataVersion version = MetadataVersion.LATEST_PRODUCTION;
        Map<String, Short> levels = Feature.PRODUCTION_FEATURES.stream()
                .collect(Collectors.toMap(Feature::featureName, f -> f.defaultLevel(version)));
        return BootstrapMetadata.fromVersions(version, levels, "heed-local-stack");
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // the start failure is the error worth reporting
            }
        }
    }
}
