package dev.heed.faults;

import java.time.Duration;
import java.util.Map;

/**
 * What one fault scenario found: its counts, the longest stall and recovery it measured, and what would make
 * the counts meaningless (answers other than 202 and 503, unreadable records, a service that stopped).
 */
record ScenarioResult(String fault, int injected, Counts counts, Duration longestStall, Duration longestRecovery,
                      Map<String, Integer> unexpectedAnswers, int unreadable, boolean servicesAlive) {

    FaultTable.Row row() {
        return new FaultTable.Row(fault, injected, counts.lost(), counts.duplicated(), longestStall, longestRecovery);
    }
}
