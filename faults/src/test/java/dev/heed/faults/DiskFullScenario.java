package dev.heed.faults;

import static org.awaitility.Awaitility.await;

import dev.heed.localstack.BrokerProcess;
import dev.heed.localstack.SmallDisk;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.ElectionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feedback posted through ingest at a steady rate while one broker's log directory runs out of space for real:
 * broker {@link #VICTIM}'s log directory (its logs and its copy of the metadata log) is a {@link SmallDisk}
 * (a {@value #DISK_MB} MB tmpfs mounted before the cluster's first start), and {@code fills} times a filler file
 * takes all of it but {@link #LEFT} bytes, which Kafka's own appends then use up until a write fails with
 * {@code ENOSPC}. Each time: preferred leaders elected again (so the broker leads its share of partitions, after
 * a restart too), fill, wait until Kafka has failed the write (the broker stopped, or its log directory offline)
 * and no partition is led by it any more, wait for writes to go on with two brokers, free the space, start the
 * broker again if it stopped (restart it if it kept running without its directory), and wait until every
 * partition has its full ISR again (the recovery). Then the usual ending ({@link Settle}).
 */
final class DiskFullScenario {
    static final int VICTIM = 1;
    static final int DISK_MB = 64;
    /** What the filler leaves for Kafka: a few of its appends, so the write that fails is Kafka's own. */
    static final long LEFT = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(DiskFullScenario.class);
    private static final int RATE = 20;
    private static final Duration HALT_GRACE = Duration.ofSeconds(30);

    private DiskFullScenario() {}

    static ScenarioResult run(Path directory, int fills) throws Exception {
        Ledger ledger = new Ledger();
        Clock clock = Clock.systemUTC();
        int halted = 0;
        List<String> seen = new ArrayList<>();
        try (SmallDisk disk = SmallDisk.mount(FaultStack.brokerLogDir(directory, VICTIM), DISK_MB * 1024L * 1024L);
             FaultStack stack = FaultStack.start(directory, 0);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.cluster.bootstrapServers(),
                     AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000", AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000"));
             LoadGenerator load = new LoadGenerator(stack.ingestUri(), FaultStack.API_KEY, RATE, ledger, clock, "diskfull").start()) {
            BrokerProcess victim = stack.cluster.broker(VICTIM);
            Settle.awaitMoreAccepted(ledger, 5 * RATE);
            Duration longestRecovery = Duration.ZERO;
            for (int fill = 1; fill <= fills; fill++) {
                electPreferredLeaders(admin);
                await("broker " + VICTIM + " leading partitions again").atMost(Settle.STEP_TIMEOUT).pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions().until(() -> partitionsLedBy(admin, VICTIM) > 0);
                int led = partitionsLedBy(admin, VICTIM);
                long logOffset = Files.size(victim.logFile());
                long usedByKafka = disk.totalBytes() - disk.freeBytes();
                Instant filledAt = clock.instant();
                long free = disk.fillLeaving(LEFT);
                await("broker " + VICTIM + " failing a write for want of space").atMost(Settle.STEP_TIMEOUT)
                        .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                        .until(() -> !victim.isRunning() || logDirOffline(admin, VICTIM));
                Duration toFailure = Duration.between(filledAt, clock.instant());
                // The log directory is reported offline a moment before a broker without another one halts: give it
                // that moment, so "kept running" means it did.
                boolean stopped = awaitExit(victim, HALT_GRACE);
                halted += stopped ? 1 : 0;
                await("no partition led by broker " + VICTIM).atMost(Settle.STEP_TIMEOUT).pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions().until(() -> partitionsLedBy(admin, VICTIM) == 0);
                Duration failover = Duration.between(filledAt, clock.instant());
                Settle.awaitMoreAccepted(ledger, 3 * RATE); // ingest goes on with two of three brokers
                String said = brokerSaid(victim.logFile(), logOffset);
                seen.add(said);
                disk.freeFiller();
                if (stopped) {
                    victim.start();
                } else {
                    victim.restart(); // a log directory that went offline comes back only with a restart
                }
                await("every partition's full ISR").atMost(Settle.STEP_TIMEOUT).pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions().until(() -> LeaderKillScenario.fullyReplicated(admin));
                Duration recovery = Duration.between(filledAt, clock.instant());
                longestRecovery = recovery.compareTo(longestRecovery) > 0 ? recovery : longestRecovery;
                LOG.info("fill {}/{}: broker {} led {} partitions, Kafka used {} bytes of its disk, filler left {} free;"
                                + " failure seen after {} ms ({}), no leaderships after {} ms, full ISR {} ms after the fill;"
                                + " the broker said: {}; {} accepted so far",
                        fill, fills, VICTIM, led, usedByKafka, free, toFailure.toMillis(),
                        stopped ? "process exited" : "log dir offline, process running", failover.toMillis(),
                        recovery.toMillis(), said, ledger.accepted().size());
            }
            Settle.awaitMoreAccepted(ledger, 3 * RATE);
            Settle.Outcome outcome = Settle.stopAndCount(stack, ledger, load, clock);
            LOG.info("disk full: the broker stopped itself {} of {} times; what it said: {}", halted, fills, seen);
            String fault = "log dir of broker " + VICTIM + " full (" + DISK_MB + " MB tmpfs, ENOSPC), space freed, broker restarted"
                    + " (it stopped itself " + halted + " of " + fills + " times)";
            return new ScenarioResult(fault, fills, outcome.counts(), ledger.longestStall(), longestRecovery,
                    load.unexpected(), outcome.scan().unreadable(), stack.servicesAlive());
        }
    }

    private static void electPreferredLeaders(Admin admin) throws InterruptedException {
        try {
            // Per partition, "election not needed" comes back as an error: only the leaders that move matter here.
            admin.electLeaders(ElectionType.PREFERRED, null).partitions().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.info("preferred leader election: {}", e.toString());
        }
    }

    /** How many partitions of every topic (internal ones too) {@code nodeId} leads. */
    static int partitionsLedBy(Admin admin, int nodeId) throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(10, TimeUnit.SECONDS);
        Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
        return (int) topics.values().stream().flatMap(t -> t.partitions().stream())
                .filter(p -> p.leader() != null && p.leader().id() == nodeId).count();
    }

    /** Whether the running broker reports its (only) log directory failed. */
    private static boolean logDirOffline(Admin admin, int nodeId) throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, LogDirDescription> dirs = admin.describeLogDirs(Set.of(nodeId)).descriptions().get(nodeId).get(5, TimeUnit.SECONDS);
        return dirs.values().stream().anyMatch(d -> d.error() != null);
    }

    private static boolean awaitExit(BrokerProcess broker, Duration bound) {
        try {
            await("broker " + broker.nodeId() + " exiting").atMost(bound).pollInterval(Duration.ofMillis(200))
                    .until(() -> !broker.isRunning());
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    /**
     * What the broker made of the full disk, from its log since {@code offset}: the first write that failed, the
     * log directory going offline, and the shutdown, each line once, the directory's path cut short.
     */
    static String brokerSaid(Path logFile, long offset) throws IOException {
        List<String> markers = List.of("Error while appending records", "Error while writing", "because the log directory has failed",
                "Shutdown broker because", "is offline");
        List<String> said = new ArrayList<>();
        List<String> found = new ArrayList<>();
        try (RandomAccessFile in = new RandomAccessFile(logFile.toFile(), "r")) {
            in.seek(offset);
            String line;
            while ((line = in.readLine()) != null && found.size() < markers.size()) {
                String text = new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                for (String marker : markers) {
                    if (text.contains(marker) && !found.contains(marker)) {
                        found.add(marker);
                        said.add(text.replace(logFile.getParent().resolve("data").toString(), "<log dir>"));
                    }
                }
            }
        }
        return said.isEmpty() ? "(nothing about it in its log)" : String.join(" | ", said);
    }
}
