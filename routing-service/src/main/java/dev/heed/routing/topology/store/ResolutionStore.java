package dev.heed.routing.topology.store;

import dev.heed.routing.sla.ResolutionClock;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The resolution clocks of one task ({@link ResolutionClock}), running and stopped, and an index of the running ones by
 * next due time. Only complaints whose policy has a resolution target have one. A stopped clock is kept as long as its
 * complaint is (it counts the complaint's resolution points, which number its later points, and a reopening restarts
 * it): the processor deletes it with the resolved complaint it forgets.
 */
public final class ResolutionStore extends DueIndexedStore<ResolutionClock> {

    public ResolutionStore(KeyValueStore<String, ResolutionClock> clocks, KeyValueStore<Bytes, byte[]> index) {
        super(clocks, index, ResolutionClock::complaintId, ResolutionClock::nextDueAt);
    }
}
