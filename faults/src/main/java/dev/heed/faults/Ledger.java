package dev.heed.faults;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the load generator was told by ingest, per feedback id: answered 202 (accepted: the promise that it is
 * in Kafka), answered 503 (refused: maybe written, maybe not), or no answer at all (a timeout or a dropped
 * connection: unknown). An id retried after a 503 may end up in several sets. Thread-safe.
 */
public final class Ledger {
    private final Set<String> posted = ConcurrentHashMap.newKeySet();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();

    public void posted(String id) {
        posted.add(id);
    }

    public void accepted(String id) {
        posted.add(id);
        accepted.add(id);
    }

    public void refused(String id) {
        posted.add(id);
        refused.add(id);
    }

    public void unanswered(String id) {
        posted.add(id);
        unanswered.add(id);
    }

    public Set<String> posted() {
        return Set.copyOf(posted);
    }

    public Set<String> accepted() {
        return Set.copyOf(accepted);
    }

    public Set<String> refused() {
        return Set.copyOf(refused);
    }

    public Set<String> unanswered() {
        return Set.copyOf(unanswered);
    }
}
