package dev.heed.faults;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feedback posted through ingest at a steady rate while the leader of {@code feedback.received}'s partition 0
 * is cut off the network ({@code KraftCluster.isolate}: nobody reaches it, it does not reach the controller)
 * for at least {@code cut}, {@code partitions} times. Unlike a kill, the broker stays up and keeps what it had:
 * open connections to it stall rather than fail, clients find out by their own timeouts, and the controller
 * fences it once its heartbeats stop. Each time: isolate, wait for a new leader and for writes to go on without
 * it, hold the partition until {@code cut} has passed, heal, and wait until every partition has its full ISR
 * again (the recovery). Then the usual ending ({@link Settle}).
 */
final class PartitionScenario {
    static final String FAULT = "network partition of feedback.received-0's leader, 30 s, healed";
    static final Duration CUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(PartitionScenario.class);
    private static final int RATE = 20;

    private PartitionScenario() {}

    static ScenarioResult run(Path directory, int partitions) throws Exception {
        Ledger ledger = new Ledger();
        Clock clock = Clock.systemUTC();
        try (FaultStack stack = FaultStack.startPartitionable(directory);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.cluster.bootstrapServers(),
                     AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000", AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000"));
             LoadGenerator load = new LoadGenerator(stack.ingestUri(), FaultStack.API_KEY, RATE, ledger, clock, "partition").start();
             AckPoster acks = stack.acknowledgeHalfTheComplaints(ledger)) {
            String topic = stack.topics.feedbackReceived().name();
            Settle.awaitMoreAccepted(ledger, 5 * RATE);
            Duration longestRecovery = Duration.ZERO;
            for (int cut = 1; cut <= partitions; cut++) {
                int leader = LeaderKillScenario.leaderOf(admin, topic);
                Instant isolatedAt = clock.instant();
                stack.cluster.isolate(leader);
                await("a new leader for " + topic + "-0").atMost(Settle.STEP_TIMEOUT).pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions().until(() -> {
                            int now = LeaderKillScenario.leaderOf(admin, topic);
                            return now != leader && now != -1;
                        });
                Duration failover = Duration.between(isolatedAt, clock.instant());
                Settle.awaitMoreAccepted(ledger, 3 * RATE); // ingest goes on with two of three brokers
                int acceptedBefore = ledger.accepted().size();
                await("the partition's length").atMost(CUT.plus(Settle.STEP_TIMEOUT)).pollInterval(Duration.ofMillis(500))
                        .until(() -> Duration.between(isolatedAt, clock.instant()).compareTo(CUT) >= 0);
                stack.cluster.heal(leader);
                Instant healedAt = clock.instant();
                await("every partition's full ISR").atMost(Settle.STEP_TIMEOUT).pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions().until(() -> LeaderKillScenario.fullyReplicated(admin));
                Duration recovery = Duration.between(isolatedAt, clock.instant());
                longestRecovery = recovery.compareTo(longestRecovery) > 0 ? recovery : longestRecovery;
                LOG.info("partition {}/{}: broker {} isolated {} ms, new leader after {} ms, {} accepted while held,"
                                + " full ISR {} ms after the heal; {} accepted so far",
                        cut, partitions, leader, Duration.between(isolatedAt, healedAt).toMillis(), failover.toMillis(),
                        ledger.accepted().size() - acceptedBefore, Duration.between(healedAt, clock.instant()).toMillis(),
                        ledger.accepted().size());
            }
            Settle.awaitMoreAccepted(ledger, 3 * RATE);
            Settle.Outcome outcome = Settle.stopAndCount(stack, ledger, load, clock);
            LOG.info("{}", acks);
            return new ScenarioResult(FAULT, partitions, outcome.counts(), ledger.longestStall(), longestRecovery,
                    acks.addUnexpectedTo(load.unexpected()), outcome.scan().unreadable(), stack.servicesAlive());
        }
    }
}
