package dev.heed.faults;

import static org.awaitility.Awaitility.await;

import dev.heed.localstack.BrokerProcess;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feedback posted through ingest at a steady rate while the leader of {@code feedback.received}'s partition 0
 * is killed with SIGKILL and restarted, {@code kills} times: each time the leader is found anew, killed, a new
 * leader is waited for, writes are seen to go on without it, it is restarted, and the cluster is waited for
 * until every partition has its full ISR again (the recovery). Then posting stops, every refused id is retried
 * until accepted, and the verifier counts ({@link Settle}).
 */
final class LeaderKillScenario {
    static final String FAULT = "SIGKILL leader of feedback.received-0, restart";
    private static final Logger LOG = LoggerFactory.getLogger(LeaderKillScenario.class);
    private static final int RATE = 20;

    private LeaderKillScenario() {}

    /**
     * @param acknowledge whether an agent acknowledges every other complaint meanwhile ({@link AckPoster}); the short
     *                    run in {@code verify} leaves it out, the long one counts reminders after acknowledgements
     */
    static ScenarioResult run(Path directory, int kills, boolean acknowledge) throws Exception {
        Ledger ledger = new Ledger();
        Clock clock = Clock.systemUTC();
        try (FaultStack stack = FaultStack.start(directory, 0);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.cluster.bootstrapServers()));
             LoadGenerator load = new LoadGenerator(stack.ingestUri(), FaultStack.API_KEY, RATE, ledger, clock, "leader").start();
             AckPoster acks = acknowledge ? stack.acknowledgeHalfTheComplaints(ledger) : AckPoster.none(ledger)) {
            String topic = stack.topics.feedbackReceived().name();
            Settle.awaitMoreAccepted(ledger, 5 * RATE);
            Duration longestRecovery = Duration.ZERO;
            for (int kill = 1; kill <= kills; kill++) {
                int leader = leaderOf(admin, topic);
                BrokerProcess victim = stack.cluster.broker(leader);
                Instant killedAt = clock.instant();
                victim.kill();
                await("a new leader for " + topic + "-0").atMost(Settle.STEP_TIMEOUT).pollInterval(Duration.ofMillis(200))
                        .until(() -> leaderOf(admin, topic) != leader);
                Duration failover = Duration.between(killedAt, clock.instant());
                Settle.awaitMoreAccepted(ledger, 3 * RATE); // ingest goes on with two of three brokers
                victim.start();
                await("every partition's full ISR").atMost(Settle.STEP_TIMEOUT).pollInterval(Duration.ofMillis(500))
                        .until(() -> fullyReplicated(admin));
                Duration recovery = Duration.between(killedAt, clock.instant());
                longestRecovery = recovery.compareTo(longestRecovery) > 0 ? recovery : longestRecovery;
                LOG.info("kill {}/{}: broker {}, new leader after {} ms, full ISR again after {} ms; {} accepted so far",
                        kill, kills, leader, failover.toMillis(), recovery.toMillis(), ledger.accepted().size());
            }
            Settle.awaitMoreAccepted(ledger, 3 * RATE);
            Settle.Outcome outcome = Settle.stopAndCount(stack, ledger, load, clock);
            LOG.info("{}", acks);
            return new ScenarioResult(FAULT, kills, outcome.counts(), ledger.longestStall(), longestRecovery,
                    acks.addUnexpectedTo(load.unexpected()), outcome.scan().unreadable(), stack.servicesAlive());
        }
    }

    /** The node id of {@code topic}-0's leader, -1 when it has none. */
    static int leaderOf(Admin admin, String topic) throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
        return description.partitions().stream().filter(p -> p.partition() == 0).findFirst()
                .map(p -> p.leader() == null ? -1 : p.leader().id()).orElse(-1);
    }

    /** Three brokers registered and every partition of every topic (internal ones too) with its full ISR. */
    static boolean fullyReplicated(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        if (admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size() < 3) {
            return false;
        }
        Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(10, TimeUnit.SECONDS);
        return admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                .flatMap(t -> t.partitions().stream())
                .allMatch(p -> p.leader() != null && p.isr().size() == p.replicas().size());
    }
}
