package dev.heed.faults;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two routing instances of one application (exactly_once_v2, one standby replica of every store) in child
 * JVMs; while feedback is posted and clocks fall due, one instance is killed with SIGKILL, the survivor is
 * waited for until it alone holds the group (every task, clocks included, moved to it), writes are seen to
 * go on, and the dead instance is restarted and waited for until the group is stable with both again (the
 * recovery). The instances take turns being killed. The stall is the latest a due point was emitted after it
 * fell due.
 */
final class RoutingKillScenario {
    static final String FAULT = "SIGKILL routing instance (2, EOS v2, 1 standby), restart";
    private static final Logger LOG = LoggerFactory.getLogger(RoutingKillScenario.class);
    private static final int RATE = 20;

    private RoutingKillScenario() {}

    static ScenarioResult run(Path directory, int kills) throws Exception {
        Ledger ledger = new Ledger();
        Clock clock = Clock.systemUTC();
        try (FaultStack stack = FaultStack.start(directory, 2);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.cluster.bootstrapServers()));
             LoadGenerator load = new LoadGenerator(stack.ingestUri(), FaultStack.API_KEY, RATE, ledger, clock, "routing").start();
             AckPoster acks = stack.acknowledgeHalfTheComplaints(ledger)) {
            List<ChildService> instances = stack.routingInstances();
            awaitStableWith(admin, 2);
            Settle.awaitMoreAccepted(ledger, 10 * RATE); // clocks started and falling due
            Duration longestRecovery = Duration.ZERO;
            for (int kill = 1; kill <= kills; kill++) {
                ChildService victim = instances.get((kill - 1) % instances.size());
                Instant killedAt = clock.instant();
                victim.kill();
                awaitStableWith(admin, 1);
                Duration takeover = Duration.between(killedAt, clock.instant());
                Settle.awaitMoreAccepted(ledger, 3 * RATE);
                victim.start();
                awaitStableWith(admin, 2);
                Duration recovery = Duration.between(killedAt, clock.instant());
                longestRecovery = recovery.compareTo(longestRecovery) > 0 ? recovery : longestRecovery;
                LOG.info("kill {}/{}: {}, survivor alone in the group after {} ms, both again after {} ms; {} accepted so far",
                        kill, kills, victim.name(), takeover.toMillis(), recovery.toMillis(), ledger.accepted().size());
            }
            Settle.awaitMoreAccepted(ledger, 3 * RATE);
            Settle.Outcome outcome = Settle.stopAndCount(stack, ledger, load, clock);
            LOG.info("{}", acks);
            List<Duration> lateness = Tally.lateness(outcome.scan().observations());
            LOG.info("due point lateness over {} due points, p50 / p90 / p99 / max: {}; {} later than 10 s", lateness.size(),
                    Tally.percentiles(lateness, 50, 90, 99, 100).stream().map(FaultTable::seconds).toList(),
                    lateness.stream().filter(d -> d.compareTo(Duration.ofSeconds(10)) > 0).count());
            return new ScenarioResult(FAULT, kills, outcome.counts(), Tally.longestLateness(outcome.scan().observations()),
                    longestRecovery, acks.addUnexpectedTo(load.unexpected()), outcome.scan().unreadable(), stack.servicesAlive());
        }
    }

    private static void awaitStableWith(Admin admin, int instances) {
        await("routing's group stable with " + instances + " instance(s)").atMost(Settle.STEP_TIMEOUT)
                .pollInterval(Duration.ofMillis(500)).until(() -> stableWith(admin, instances));
    }

    /** Streams names each thread's consumer {@code <application>-<process id>-StreamThread-<n>-consumer}. */
    private static boolean stableWith(Admin admin, int instances) throws InterruptedException, ExecutionException, TimeoutException {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(FaultStack.ROUTING_APPLICATION_ID)).all()
                .get(10, TimeUnit.SECONDS).get(FaultStack.ROUTING_APPLICATION_ID);
        long processes = group.members().stream().map(m -> m.clientId().replaceAll("-StreamThread-.*$", "")).distinct().count();
        return group.groupState() == GroupState.STABLE && processes == instances;
    }
}
