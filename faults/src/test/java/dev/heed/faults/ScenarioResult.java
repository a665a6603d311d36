package dev.heed.faults;

import java.time.Duration;
import java.util.Map;

/**
 * What one fault scenario found: its counts, the longest stall and recovery it measured, and what would make
 * the counts meaningless (answers other than 202 and 503, unreadable records, a service that stopped).
 * {@code moreLost} and {@code moreDuplicated} are what a scenario counts beyond the topics (a webhook
 * receiver's missing and doubled messages, say), added to the row's lost and duplicated.
 */
record ScenarioResult(String fault, int injected, Counts counts, Duration longestStall, Duration longestRecovery,
                      Map<String, Integer> unexpectedAnswers, int unreadable, boolean servicesAlive,
                      int moreLost, int moreDuplicated) {

    ScenarioResult(String fault, int injected, Counts counts, Duration longestStall, Duration longestRecovery,
                   Map<String, Integer> unexpectedAnswers, int unreadable, boolean servicesAlive) {
        this(fault, injected, counts, longestStall, longestRecovery, unexpectedAnswers, unreadable, servicesAlive, 0, 0);
    }

    FaultTable.Row row() {
        return new FaultTable.Row(fault, injected, counts.lost() + moreLost, counts.duplicated() + moreDuplicated,
                counts.acknowledged() > 0 ? counts.remindersAfterAck() : -1,
                longestStall, longestRecovery);
    }
}
