package dev.heed.routing.topology.processor;

import dev.heed.routing.topology.StopInputWatermarks.Sample;
import java.util.Arrays;
import java.util.List;

/**
 * Holds due points back until the task has read every acknowledgement (and update) written before them: the latest
 * due time a punctuation may emit is the time of the newest broker sample whose end offsets the task's positions in
 * its stop inputs have reached. A task that keeps up emits what is due about one sample interval late; a task working
 * off a backlog (after a failover or a restart) emits nothing that an unread acknowledgement might stop. Points held
 * back are not lost: the next punctuations emit them, and an acknowledgement emits those due before its own time when
 * it stops the clock.
 *
 * <p>The task's position in a stop input is the offset after the last record it processed there, or the newest
 * sample's read offset when that is further: routing's committed offset (a task that has read nothing since it
 * started resumed from it; it also steps over transaction markers, which are never processed) or the log's start
 * (records deleted by retention are nothing to read). An empty input is read by definition.
 *
 * <p>Liveness before precision: with no fresh sample (the brokers did not answer for {@link #STALE_AFTER}) the gate
 * has no say and the caller falls back to stream time; and no point is held longer than {@link #MAX_HOLD}, whatever
 * the samples say. Plain Java; one per task, used from its thread.
 */
final class StopInputGate {
    /** Samples older than this are no evidence either way. */
    static final long STALE_AFTER = 10_000;
    /**
     * The longest a due point is held back for an unread stop record: a last resort, not a timeout. A task that is
     * alive reads its input and lets the points go; on an overloaded machine the fault suite saw a task take over 60 s
     * to read an acknowledgement after a failover (an earlier bound of 60 s then let 21 reminders out), and routing
     * stalled up to 245 s in that run.
     */
    static final long MAX_HOLD = 300_000;

    private final List<String> inputs;
    private final int partition;
    private final long[] next;

    /**
     * @param inputs    the stop inputs' topic names, in the order of the samples' arrays
     * @param partition the task's partition of them
     */
    StopInputGate(List<String> inputs, int partition) {
        this.inputs = List.copyOf(inputs);
        this.partition = partition;
        this.next = new long[inputs.size()];
        Arrays.fill(next, -1);
    }

    /** The task processed the record at {@code offset} of {@code topic} (records of other topics are ignored). */
    void processed(String topic, long offset) {
        int input = inputs.indexOf(topic);
        if (input >= 0) {
            next[input] = Math.max(next[input], offset + 1);
        }
    }

    /**
     * The latest due time the punctuation at {@code now} may emit, or -1 when the samples are no evidence (none, or the
     * newest older than {@link #STALE_AFTER}) and the caller must decide otherwise.
     */
    long horizon(long now, List<Sample> samples) {
        if (samples.isEmpty()) {
            return -1;
        }
        Sample newest = samples.get(samples.size() - 1);
        if (now - newest.takenAt() > STALE_AFTER) {
            return -1;
        }
        long readThrough = now - MAX_HOLD;
        for (int s = samples.size() - 1; s >= 0; s--) {
            Sample sample = samples.get(s);
            if (sample.takenAt() <= readThrough) {
                break;
            }
            if (reached(sample, newest)) {
                readThrough = sample.takenAt();
                break;
            }
        }
        return Math.min(now, readThrough);
    }

    private boolean reached(Sample sample, Sample newest) {
        for (int input = 0; input < next.length; input++) {
            long position = Math.max(0, Math.max(next[input], newest.read(input, partition)));
            if (position < sample.end(input, partition)) {
                return false;
            }
        }
        return true;
    }
}
