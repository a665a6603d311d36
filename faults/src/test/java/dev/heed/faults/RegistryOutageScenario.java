package dev.heed.faults;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema registry taken away for {@link #OUTAGE} while feedback is posted through ingest, three times, with
 * routing in this JVM:
 *
 * <ol>
 *   <li><b>hung, warm</b>: the registry's JVM is SIGSTOPped (connections are accepted, nothing answers) while
 *       every service has the schema ids it needs in its cache;</li>
 *   <li><b>refusing, cold</b>: the registry is stopped (its port closed, connections refused) and ingest,
 *       routing and the responder are restarted at once, with empty caches, as after a deploy during the outage;
 *       it comes back with its H2 data (the same ids);</li>
 *   <li><b>hung, cold</b>: SIGSTOP again, and the three restarted again.</li>
 * </ol>
 *
 * During each outage and until the pipeline has caught up, the lag of routing's and the responder's consumer
 * groups is sampled every second (a pause shows as lag that grows), and the refusals ingest answered are
 * counted. The recovery is from the registry's return until ingest has accepted {@link #RATE} more feedback,
 * routing has committed past what its inputs held at the return, and then the responder past what its inputs
 * held at that moment. Then the usual ending ({@link Settle}).
 */
final class RegistryOutageScenario {
    static final String FAULT = "schema registry down 60 s (hung warm; refusing + services restarted; hung + restarted)";
    static final int OUTAGES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(RegistryOutageScenario.class);
    private static final int RATE = 20;
    static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final Duration SAMPLE = Duration.ofSeconds(1);

    /** What one outage did: how it was made, what ingest answered, how far behind each group fell, and the recovery. */
    record Outage(String how, Duration away, int refusedIds, int unansweredIds, int acceptedDuring, long routingLagBefore,
                  long maxRoutingLag, long responderLagBefore, long maxResponderLag, Duration recovery) {}

    /** The scenario's result and each outage's measurements. */
    record Run(ScenarioResult result, List<Outage> outages) {}

    private RegistryOutageScenario() {}

    static Run run(Path directory) throws Exception {
        Ledger ledger = new Ledger();
        Clock clock = Clock.systemUTC();
        List<Outage> outages = new ArrayList<>();
        try (FaultStack stack = FaultStack.start(directory, 0, true);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.cluster.bootstrapServers()));
             LoadGenerator load = new LoadGenerator(stack.ingestUri(), FaultStack.API_KEY, RATE, ledger, clock, "registry").start()) {
            // Warm: every service has written and read each record type it handles, so its cache holds their ids.
            // Counting 202s is not enough: on a loaded machine routing's first output came 20 s after the first
            // 202, so a "warm" outage once began before routing had escalated anything.
            Settle.awaitMoreAccepted(ledger, 10 * RATE);
            awaitWarm(admin);
            outages.add(outage(stack, admin, ledger, clock, "SIGSTOP, caches warm", stack::pauseRegistry, stack::resumeRegistry, false));
            outages.add(outage(stack, admin, ledger, clock, "stopped (refused), services restarted", stack::stopRegistry,
                    stack::startRegistry, true));
            outages.add(outage(stack, admin, ledger, clock, "SIGSTOP, services restarted", stack::pauseRegistry,
                    stack::resumeRegistry, true));
            Settle.awaitMoreAccepted(ledger, 3 * RATE);
            Settle.Outcome outcome = Settle.stopAndCount(stack, ledger, load, clock);
            List<Duration> lateness = Tally.lateness(outcome.scan().observations());
            LOG.info("due point lateness over {} due points, p50 / p90 / p99 / max: {}", lateness.size(),
                    Tally.percentiles(lateness, 50, 90, 99, 100).stream().map(FaultTable::seconds).toList());
            outages.forEach(o -> LOG.info("outage: {}", o));
            // The stall is the longer of the two ways the pipeline can stand still: no 202 on a partition, or a
            // due point emitted late because routing was not processing.
            Duration ingestStall = ledger.longestStall();
            Duration dueStall = Tally.longestLateness(outcome.scan().observations());
            LOG.info("longest stall: ingest (no 202 on a partition) {}, due point lateness {}", FaultTable.seconds(ingestStall),
                    FaultTable.seconds(dueStall));
            Duration longestRecovery = outages.stream().map(Outage::recovery).max(Duration::compareTo).orElse(Duration.ZERO);
            ScenarioResult result = new ScenarioResult(FAULT, outages.size(), outcome.counts(),
                    ingestStall.compareTo(dueStall) > 0 ? ingestStall : dueStall, longestRecovery, load.unexpected(),
                    outcome.scan().unreadable(), stack.servicesAlive());
            return new Run(result, outages);
        }
    }

    private static Outage outage(FaultStack stack, Admin admin, Ledger ledger, Clock clock, String how, Runnable takeAway,
                                 Runnable bringBack, boolean restartServices) throws Exception {
        int refusedBefore = ledger.refused().size();
        int unansweredBefore = ledger.unanswered().size();
        int acceptedBefore = ledger.accepted().size();
        long[] maxLag = new long[2];
        long[] before = sampleLag(admin, new long[2]);
        Instant start = clock.instant();
        takeAway.run();
        LOG.info("registry away ({}) at {}", how, start);
        if (restartServices) {
            stack.restartServices();
            LOG.info("ingest, routing and responder restarted {} ms into the outage",
                    Duration.between(start, clock.instant()).toMillis());
        }
        Instant end = start.plus(OUTAGE);
        while (clock.instant().isBefore(end)) {
            sampleLag(admin, maxLag);
            sleep(SAMPLE);
        }
        int acceptedDuring = ledger.accepted().size() - acceptedBefore;
        bringBack.run();
        Instant back = clock.instant();
        LOG.info("registry back after {} ms ({}); {} accepted during the outage, {} ids refused, {} unanswered so far",
                Duration.between(start, back).toMillis(), how, acceptedDuring, ledger.refused().size() - refusedBefore,
                ledger.unanswered().size() - unansweredBefore);
        int acceptedAtReturn = ledger.accepted().size();
        // Caught up: routing has committed past everything its inputs held when the registry came back, then the
        // responder past everything its inputs held at that moment (routing's backlog output included). Not "lag
        // near zero": on a loaded machine the steady lag is itself hundreds of records.
        Map<TopicPartition, Long> routingTarget = ends(admin, FaultStack.ROUTING_APPLICATION_ID);
        await("ingest accepting and routing caught up after the registry came back (" + how + ")")
                .atMost(Settle.STEP_TIMEOUT).pollInterval(SAMPLE).until(() -> {
                    sampleLag(admin, maxLag);
                    return ledger.accepted().size() >= acceptedAtReturn + RATE && committedPast(admin, FaultStack.ROUTING_APPLICATION_ID, routingTarget);
                });
        Map<TopicPartition, Long> responderTarget = ends(admin, FaultStack.RESPONDER_GROUP_ID);
        await("the responder caught up after the registry came back (" + how + ")")
                .atMost(Settle.STEP_TIMEOUT).pollInterval(SAMPLE).until(() -> {
                    sampleLag(admin, maxLag);
                    return committedPast(admin, FaultStack.RESPONDER_GROUP_ID, responderTarget);
                });
        Outage outage = new Outage(how, Duration.between(start, back), ledger.refused().size() - refusedBefore,
                ledger.unanswered().size() - unansweredBefore, acceptedDuring, before[0], maxLag[0], before[1], maxLag[1],
                Duration.between(back, clock.instant()));
        LOG.info("recovered: {}; services {}", outage, stack.failures());
        return outage;
    }

    /**
     * Until the responder has committed past records of each of its inputs: then routing has written each record
     * type (a response-due last, after a complaint's warning fell due) and the responder has read each of them and
     * written replies, so every id the pipeline needs is in some cache.
     */
    private static void awaitWarm(Admin admin) {
        List<String> inputs = List.of("feedback.classified", "complaints.escalated", "complaints.response-due");
        await("the responder has read each of its inputs (every cache warm)").atMost(Settle.STEP_TIMEOUT)
                .pollInterval(SAMPLE).until(() -> {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(FaultStack.RESPONDER_GROUP_ID)
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                    return inputs.stream().allMatch(topic -> committed.entrySet().stream()
                            .anyMatch(e -> e.getKey().topic().equals(topic) && e.getValue() != null && e.getValue().offset() > 0));
                });
    }

    /** The current lag of routing's and the responder's groups ({-1, -1} if it could not be read); keeps the maxima. */
    private static long[] sampleLag(Admin admin, long[] maxLag) {
        long[] lag = {-1, -1};
        try {
            lag[0] = lag(admin, FaultStack.ROUTING_APPLICATION_ID);
            lag[1] = lag(admin, FaultStack.RESPONDER_GROUP_ID);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("cannot read the groups' lag: {}", e.toString());
            return new long[] {Long.MAX_VALUE, Long.MAX_VALUE};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        maxLag[0] = Math.max(maxLag[0], lag[0]);
        maxLag[1] = Math.max(maxLag[1], lag[1]);
        return lag;
    }

    /** The end offsets now of every partition the group has committed on. */
    private static Map<TopicPartition, Long> ends(Admin admin, String group) throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static boolean committedPast(Admin admin, String group, Map<TopicPartition, Long> target)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        return target.entrySet().stream().allMatch(t -> committed.get(t.getKey()) != null
                && committed.get(t.getKey()).offset() >= t.getValue());
    }

    /** Records between the group's committed offsets and the ends of those partitions, over every partition it committed. */
    private static long lag(Admin admin, String group) throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (var entry : committed.entrySet()) {
            if (entry.getValue() != null && ends.containsKey(entry.getKey())) {
                lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
            }
        }
        return lag;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
