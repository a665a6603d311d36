package dev.heed.responder.bench;

import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.EscalationLevel;
import dev.heed.events.Severity;
import dev.heed.responder.ack.ComplaintDirectory;
import dev.heed.responder.delivery.MessageIds;
import dev.heed.responder.delivery.SentLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;

/**
 * The heap per entry of the responder's two in-memory views, which every instance holds for all partitions
 * (docs/capacity.md): the sent log (one entry per message id within its horizon) and the complaint directory
 * (one entry per complaint on its topics). Fills the real classes with {@code n} entries each and prints the used
 * heap after a GC, before and after. Not a test: run by the bench profile,
 * {@code -Djmh.main=dev.heed.responder.bench.ResponderMemoryBench -Djmh.args=1000000}.
 */
public final class ResponderMemoryBench {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private ResponderMemoryBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Random random = new Random(19);

        long before = usedHeap();
        SentLog sent = new SentLog(Clock.fixed(T0, ZoneOffset.UTC), Duration.ofDays(7));
        for (int i = 0; i < n; i++) {
            sent.add(MessageIds.reply(uuid(random)), T0);
        }
        long sentHeap = usedHeap() - before;
        System.out.printf("sent log: %d message ids, %.1f MiB of heap = %.0f bytes per id%n", sent.size(), sentHeap / 1048576.0,
                (double) sentHeap / n);

        before = usedHeap();
        ComplaintDirectory directory = new ComplaintDirectory();
        for (int i = 0; i < n; i++) {
            // As decoded from complaints.state: every string its own copy, as the Avro decoder makes them.
            directory.state(ComplaintState.newBuilder().setComplaintId(uuid(random)).setStatus(ComplaintStatus.OPEN)
                    .setSeverity(Severity.HIGH).setQueue(new String("billing")).setPolicyName(new String("high")).setPolicyVersion(1)
                    .setEscalatedAt(T0).setFirstResponseDueAt(T0.plus(Duration.ofHours(1))).setRemindersSent(0)
                    .setLevel(EscalationLevel.AGENT).setUpdatedAt(T0).setReceivedAt(T0).build());
        }
        long directoryHeap = usedHeap() - before;
        System.out.printf("complaint directory: %d open complaints, %.1f MiB of heap = %.0f bytes per complaint%n", directory.size(),
                directoryHeap / 1048576.0, (double) directoryHeap / n);
        // Both views stay reachable until both were measured.
        if (sent.size() + directory.size() != 2L * n) {
            throw new IllegalStateException("expected " + n + " entries in each view");
        }
    }

    private static String uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
