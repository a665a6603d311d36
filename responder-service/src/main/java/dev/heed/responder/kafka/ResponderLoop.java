package dev.heed.responder.kafka;

import dev.heed.responder.order.OrderedWork;
import dev.heed.responder.order.OrderedWork.Item;
import dev.heed.responder.respond.Step;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The responder's consumer: reads its input topics in a group and hands records to a {@link RecordHandler}
 * on an executor, as {@link OrderedWork} allows: records of one key one after another, different keys side by
 * side, at most {@link Limits#workers()} at once. A partition's offset is committed only up to its lowest
 * record that is not done, so never past a record whose outcome is not on responses.sent.
 *
 * <p>A record that must be read again later pauses its partition at that record (it is kept, and tried again
 * after {@link Limits#retryInterval()}). With {@link Limits#maxPending()} records read and not done, every
 * partition is paused until work completes. On a revoke, the revoked partitions' started work may finish for
 * {@link Limits#revokeWait()}, what is done is committed, and the rest is cancelled: the new owner reads it
 * again, and a message that went out anyway is sent again under the same id. Any other error stops the loop
 * without committing; a restart then skips whatever responses.sent already records.
 *
 * <p>All bookkeeping happens on the loop's thread; the workers only report back through a queue.
 */
public final class ResponderLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ResponderLoop.class);

    /**
     * @param workers       records worked on at once
     * @param maxPending    records read and not done at which every partition pauses
     * @param revokeWait    how long a revoke or a stop waits for started work
     * @param pollTimeout   the poll's wait when nothing is started
     * @param busyPoll      the poll's wait while work is started, so completions are acted on soon
     * @param retryInterval how long a record that must be read again later waits before it is tried again
     */
    public record Limits(int workers, int maxPending, Duration revokeWait, Duration pollTimeout, Duration busyPoll,
                         Duration retryInterval) {}

    private final Consumer<byte[], byte[]> consumer;
    private final List<String> topics;
    private final RecordHandler processor;
    private final Runnable beforeAssignedWork;
    private final Executor executor;
    private final Clock clock;
    private final Limits limits;
    private final OrderedWork<TopicPartition, ConsumerRecord<byte[], byte[]>> work;
    private final Map<Item<TopicPartition, ConsumerRecord<byte[], byte[]>>, FutureTask<Step>> running = new HashMap<>();
    private final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private volatile boolean runningFlag = true;
    private volatile boolean assigned;
    private volatile Throwable failure;

    /** A started record's work ended: normally, with an error, or cancelled. */
    private record Finished(Item<TopicPartition, ConsumerRecord<byte[], byte[]>> item, FutureTask<Step> task) {}

    /**
     * @param beforeAssignedWork runs when partitions are assigned, before their first record: waits until
     *                           the sent log has read responses.sent, so another instance's sends are known
     * @param executor           runs the records' work; {@link Limits#workers()} tasks at most at once (plus
     *                           cancelled ones still unwinding)
     */
    public ResponderLoop(Consumer<byte[], byte[]> consumer, List<String> topics, RecordHandler processor,
                         Runnable beforeAssignedWork, Executor executor, Clock clock, Limits limits) {
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.processor = processor;
        this.beforeAssignedWork = beforeAssignedWork;
        this.executor = executor;
        this.clock = clock;
        this.limits = limits;
        this.work = new OrderedWork<>(limits.workers());
    }

    @Override
    public void run() {
        try {
            subscribe();
            while (runningFlag && failure == null) {
                step();
            }
            if (failure == null) {
                finish();
            }
        } catch (WakeupException e) {
            finish(); // stop() woke the consumer: a normal stop.
        } catch (Throwable e) {
            fail(e);
        } finally {
            if (failure != null) {
                LOG.error("responder loop stopped without committing its current records", failure);
                cancel(List.copyOf(running.keySet()));
            }
            consumer.close(Duration.ofSeconds(5));
        }
    }

    void subscribe() {
        consumer.subscribe(topics, new Rebalance());
    }

    /** One round: read, take in what finished, start what may start, pause or resume, commit. */
    void step() {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(work.started() > 0 ? limits.busyPoll() : limits.pollTimeout())) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            // Where this assignment started reading is committed already (or is where a reset put it).
            committed.putIfAbsent(partition, record.offset());
            work.add(partition, record.offset(), record.key() == null ? null : ByteBuffer.wrap(record.key()), record);
        }
        takeFinished();
        if (failure == null) {
            startWhatMayStart();
        }
        takeFinished();
        if (failure != null) {
            return;
        }
        pauseOrResume();
        commit(consumer.assignment(), false);
    }

    private void startWhatMayStart() {
        for (Item<TopicPartition, ConsumerRecord<byte[], byte[]>> item : work.start(clock.instant())) {
            FutureTask<Step> task = new FutureTask<>(() -> processor.process(item.record())) {
                @Override
                protected void done() {
                    finished.add(new Finished(item, this));
                }
            };
            running.put(item, task);
            executor.execute(task);
        }
    }

    /** Acts on every report waiting in the queue. */
    private void takeFinished() {
        Finished next;
        while (failure == null && (next = finished.poll()) != null) {
            take(next);
        }
    }

    /** Waits until a report comes, at most until {@code deadline} (of {@link System#nanoTime()}), and acts on it. */
    private void awaitFinished(long deadline) throws InterruptedException {
        Finished next = finished.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (next != null) {
            take(next);
        }
    }

    private void take(Finished report) {
        if (running.remove(report.item()) == null) {
            return; // cancelled: its partition was revoked, or the loop failed
        }
        try {
            Step step = report.task().get();
            if (step == Step.RETRY_LATER) {
                work.retryLater(report.item(), clock.instant().plus(limits.retryInterval()));
            } else {
                work.done(report.item());
            }
        } catch (CancellationException e) {
            // Cannot happen: a cancelled task is taken out of running first.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // get() on a finished task does not wait
        } catch (ExecutionException e) {
            fail(e.getCause());
        }
    }

    private void pauseOrResume() {
        Set<TopicPartition> assignment = consumer.assignment();
        Set<TopicPartition> pause = new HashSet<>(work.outstanding() >= limits.maxPending() ? assignment : work.pausedAtARecord());
        pause.retainAll(assignment);
        Set<TopicPartition> resume = new HashSet<>(consumer.paused());
        resume.removeAll(pause);
        pause.removeAll(consumer.paused());
        if (!pause.isEmpty()) {
            consumer.pause(pause);
        }
        if (!resume.isEmpty()) {
            consumer.resume(resume);
        }
    }

    /**
     * Commits each of these partitions up to its lowest record not done; when everything read from it is done,
     * up to its position, which is past the transaction markers that follow records written with exactly-once
     * (routing's), so an idle responder shows no lag. While running, commits are sent without waiting for the
     * answer, so the loop goes on starting work: one that fails leaves the group's offset behind, which is the safe
     * side, and the next round commits again; a revoke or a stop waits for its commit.
     */
    private void commit(Collection<TopicPartition> partitions, boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            if (!work.partitions().contains(partition)) {
                continue; // nothing read from it yet in this assignment
            }
            OptionalLong lowest = work.committable(partition);
            long offset = lowest.isPresent() ? lowest.getAsLong() : consumer.position(partition);
            Long before = committed.get(partition);
            if (before == null || before < offset) { // only forward: a commit that moves nothing is a wasted round trip
                offsets.put(partition, new OffsetAndMetadata(offset));
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        if (sync) {
            consumer.commitSync(offsets);
            offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
        } else {
            // Noted before sending: a failed commit's callback takes them out again, however soon it comes.
            offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
            consumer.commitAsync(offsets, (done, error) -> {
                if (error != null) {
                    // Called back on this thread: forgetting them makes the next round commit them again.
                    LOG.warn("commit of {} failed; the next round commits again: {}", done, error.toString());
                    done.keySet().forEach(committed::remove);
                }
            });
        }
    }

    /**
     * Lets the started work of these partitions finish for {@link Limits#revokeWait()}, commits what is done,
     * cancels the rest and forgets the partitions.
     */
    private void release(Collection<TopicPartition> partitions, boolean commit) {
        work.stop(partitions);
        takeFinished();
        try {
            long deadline = System.nanoTime() + limits.revokeWait().toNanos();
            while (failure == null && !unreported(partitions).isEmpty() && System.nanoTime() < deadline) {
                awaitFinished(deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Item<TopicPartition, ConsumerRecord<byte[], byte[]>>> unfinished = unreported(partitions);
        if (!unfinished.isEmpty()) {
            LOG.warn("cancelling {} unfinished record(s) of {}: {}", unfinished.size(), partitions, unfinished);
            cancel(unfinished);
        }
        if (commit && failure == null) {
            commit(partitions, true);
        }
        work.forget(partitions);
        partitions.forEach(committed::remove);
    }

    /** The started work of these partitions that has not reported back (nor been cancelled). */
    private List<Item<TopicPartition, ConsumerRecord<byte[], byte[]>>> unreported(Collection<TopicPartition> partitions) {
        return running.keySet().stream().filter(item -> partitions.contains(item.partition())).toList();
    }

    private void cancel(List<Item<TopicPartition, ConsumerRecord<byte[], byte[]>>> items) {
        for (Item<TopicPartition, ConsumerRecord<byte[], byte[]>> item : items) {
            FutureTask<Step> task = running.remove(item);
            if (task != null) {
                task.cancel(true);
            }
        }
    }

    /** A normal stop: the started work may finish, what is done is committed. */
    private void finish() {
        try {
            release(consumer.assignment(), true);
        } catch (WakeupException e) {
            release(consumer.assignment(), true); // the wakeup of stop() landed on the commit: once more
        }
    }

    private void fail(Throwable e) {
        if (failure == null) {
            failure = e;
        }
    }

    /** Whether partitions have been assigned and prepared at least once. */
    public boolean ready() {
        return assigned && failure == null;
    }

    /** The error that stopped the loop, or null while it runs or after a normal stop. */
    public Throwable failure() {
        return failure;
    }

    public void stop() {
        runningFlag = false;
        consumer.wakeup();
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            beforeAssignedWork.run();
            assigned = true;
            LOG.info("assigned {}", partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            release(partitions, true);
            LOG.info("revoked {}", partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Another member may own them already: committing is refused, so only stop and forget.
            release(partitions, false);
            LOG.info("lost {}", partitions);
        }
    }
}
