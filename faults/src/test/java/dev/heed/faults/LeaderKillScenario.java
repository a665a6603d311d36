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
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feedback posted through ingest at a steady rate while the leader of {@code feedback.received}'s partition 0
 * is killed with SIGKILL and restarted, {@code kills} times: each time the leader is found anew, killed, a new
 * leader is waited for, writes are seen to go on without it, it is restarted, and the cluster is waited for
 * until every partition has its full ISR again (the recovery). Then posting stops, every refused id is retried
 * until accepted, and the verifier counts once the last breach has fallen due.
 */
final class LeaderKillScenario {
    static final String FAULT = "SIGKILL leader of feedback.received-0, restart";
    private static final Logger LOG = LoggerFactory.getLogger(LeaderKillScenario.class);
    private static final int RATE = 20;
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration ACK_GRACE = Duration.ofSeconds(5);
    /** How late a due point may be emitted after it fell due before it counts as missing: punctuation plus lag. */
    private static final Duration DUE_ALLOWANCE = Duration.ofSeconds(5);

    /** What one run found. */
    record Result(int kills, Counts counts, Duration longestStall, Duration longestRecovery,
                  Map<String, Integer> unexpectedAnswers, int unreadable, boolean servicesAlive) {
        FaultTable.Row row() {
            return new FaultTable.Row(FAULT, kills, counts.lost(), counts.duplicated(), longestStall, longestRecovery);
        }
    }

    private LeaderKillScenario() {}

    static Result run(Path directory, int kills) throws Exception {
        Ledger ledger = new Ledger();
        Clock clock = Clock.systemUTC();
        try (FaultStack stack = FaultStack.start(directory);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.cluster.bootstrapServers()));
             LoadGenerator load = new LoadGenerator(stack.ingestUri(), FaultStack.API_KEY, RATE, ledger, clock, "leader").start()) {
            String topic = stack.topics.feedbackReceived().name();
            awaitMoreAccepted(ledger, 5 * RATE);
            Duration longestRecovery = Duration.ZERO;
            for (int kill = 1; kill <= kills; kill++) {
                int leader = leaderOf(admin, topic);
                BrokerProcess victim = stack.cluster.broker(leader);
                Instant killedAt = clock.instant();
                victim.kill();
                await("a new leader for " + topic + "-0").atMost(STEP_TIMEOUT).pollInterval(Duration.ofMillis(200))
                        .until(() -> leaderOf(admin, topic) != leader);
                Duration failover = Duration.between(killedAt, clock.instant());
                awaitMoreAccepted(ledger, 3 * RATE); // ingest goes on with two of three brokers
                victim.start();
                await("every partition's full ISR").atMost(STEP_TIMEOUT).pollInterval(Duration.ofMillis(500))
                        .until(() -> fullyReplicated(admin));
                Duration recovery = Duration.between(killedAt, clock.instant());
                longestRecovery = recovery.compareTo(longestRecovery) > 0 ? recovery : longestRecovery;
                LOG.info("kill {}/{}: broker {} (pid was killed), new leader after {} ms, full ISR again after {} ms; {} accepted so far",
                        kill, kills, leader, failover.toMillis(), recovery.toMillis(), ledger.accepted().size());
            }
            awaitMoreAccepted(ledger, 3 * RATE);
            load.stopPosting();
            await("every refused or unanswered id retried until accepted").atMost(STEP_TIMEOUT)
                    .pollInterval(Duration.ofMillis(500)).until(() -> load.pending() == 0);
            Instant settled = clock.instant();
            AtomicReference<TopicScan.Result> last = new AtomicReference<>();
            AtomicReference<Counts> counts = new AtomicReference<>();
            try {
                await("the verifier's counts complete").atMost(FaultStack.TARGET.plus(STEP_TIMEOUT))
                        .pollInterval(Duration.ofSeconds(3)).until(() -> {
                            Instant horizon = clock.instant().minus(DUE_ALLOWANCE);
                            last.set(stack.scan().scan());
                            counts.set(Tally.count(ledger, last.get().observations(), horizon, ACK_GRACE));
                            return counts.get().lost() == 0 && horizon.isAfter(settled.plus(FaultStack.TARGET));
                        });
            } catch (ConditionTimeoutException e) {
                LOG.warn("counts still incomplete after the wait: {}", counts.get());
            }
            LOG.info("counts: {}; {}", counts.get(), stack.failures());
            return new Result(kills, counts.get(), ledger.longestStall(), longestRecovery, load.unexpected(),
                    last.get().unreadable(), stack.servicesAlive());
        }
    }

    private static void awaitMoreAccepted(Ledger ledger, int more) {
        int target = ledger.accepted().size() + more;
        await(more + " more feedback accepted").atMost(STEP_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> ledger.accepted().size() >= target);
    }

    private static int leaderOf(Admin admin, String topic) throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
        return description.partitions().stream().filter(p -> p.partition() == 0).findFirst()
                .map(p -> p.leader() == null ? -1 : p.leader().id()).orElse(-1);
    }

    private static boolean fullyReplicated(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        if (admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size() < 3) {
            return false;
        }
        Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(10, TimeUnit.SECONDS);
        return admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                .flatMap(t -> t.partitions().stream())
                .allMatch(p -> p.leader() != null && p.isr().size() == p.replicas().size());
    }
}
