package dev.heed.routing.topology;

import java.util.List;

/**
 * How far the logs of the inputs that stop a clock (acknowledgements and updates) reached over the last minute, as
 * sampled from the brokers, so that the SLA punctuator can tell whether its task has read every acknowledgement
 * written before a due point. A task that has read its partition of every stop input up to a sample's end offsets has
 * seen every acknowledgement written before that sample was taken, so due points up to then may go out: none of them
 * is a reminder of a complaint someone already owns. Stream time cannot say this (Streams does not wait for a lagging
 * partition), which the fault suite's routing kill showed (docs/faults.md).
 *
 * <p>The samples come from outside the topology (in the service, an admin client asking the brokers; see
 * {@code AdminStopWatermarks}); the topology only reads them. {@link #NONE} has none, and the punctuator then falls
 * back to its stream-time gate.
 */
@FunctionalInterface
public interface StopInputWatermarks {

    /** No samples: the punctuator holds due points back by stream time only. */
    StopInputWatermarks NONE = List::of;

    /**
     * The samples taken so far, oldest first, each with later or equal end offsets than the one before; an immutable
     * list, safe to read from any thread. Empty when none was taken yet (or the brokers did not answer).
     */
    List<Sample> samples();

    /**
     * One look at the brokers.
     *
     * @param takenAt   wall-clock time (epoch millis) just before the end offsets were asked for: every stop record
     *                  written before it is below them
     * @param ends      per stop input (in the order the topology names them) and partition, the end offset a
     *                  {@code read_committed} consumer sees; a partition beyond the array has none
     * @param read      per stop input and partition, an offset routing has certainly read up to, asked for after the
     *                  end offsets: its committed offset, or the log's start offset when that is further (records below
     *                  it are deleted, there is nothing to read); -1 where neither is known
     */
    record Sample(long takenAt, long[][] ends, long[][] read) {

        /** The end offset of {@code partition} in stop input {@code input}; 0 when the sample does not know it. */
        public long end(int input, int partition) {
            return at(ends, input, partition, 0);
        }

        /** The offset routing has certainly read {@code partition} of stop input {@code input} up to; -1 when unknown. */
        public long read(int input, int partition) {
            return at(read, input, partition, -1);
        }

        private static long at(long[][] offsets, int input, int partition, long otherwise) {
            return input < offsets.length && partition < offsets[input].length ? offsets[input][partition] : otherwise;
        }
    }
}
