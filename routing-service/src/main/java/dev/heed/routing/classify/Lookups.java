package dev.heed.routing.classify;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Read-only hash-based sets and maps for the per-token lookups. {@code Set.of}/{@code Map.of} answer a
 * miss by probing with {@code equals}; on the hot path, where most lookups miss, HashMap is faster.
 */
final class Lookups {

    private Lookups() {
    }

    static Set<String> setOf(String... words) {
        return Collections.unmodifiableSet(new HashSet<>(List.of(words)));
    }

    static <V> Map<String, V> mapOf(Map<String, V> entries) {
        return Collections.unmodifiableMap(new HashMap<>(entries));
    }
}
