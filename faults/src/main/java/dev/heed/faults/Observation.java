package dev.heed.faults;

import java.time.Instant;
import java.util.Objects;

/**
 * One record as the verifier counts it: its stage and key (the feedback id), and what counting needs from
 * its value. {@code at} is the event's own time (a response-due's emission, an acknowledgement's time);
 * {@code dueAt} and {@code clock} are set for {@link Stage#RESPONSE_DUE} only, {@code schedule} for {@link Stage#ESCALATED} only.
 * Plain values, no Kafka types, so the counting is testable on hand-built records.
 */
public record Observation(Stage stage, String key, Instant at, Instant dueAt, DueClock clock, DueSchedule schedule) {

    public Observation {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(key, "key");
        if ((stage == Stage.RESPONSE_DUE) != (dueAt != null)) {
            throw new IllegalArgumentException("dueAt belongs to RESPONSE_DUE and only there: " + stage);
        }
        if ((stage == Stage.RESPONSE_DUE) != (clock != null)) {
            throw new IllegalArgumentException("clock belongs to RESPONSE_DUE and only there: " + stage);
        }
        if ((stage == Stage.ESCALATED) != (schedule != null)) {
            throw new IllegalArgumentException("schedule belongs to ESCALATED and only there: " + stage);
        }
    }

    public static Observation of(Stage stage, String key, Instant at) {
        return new Observation(stage, key, at, null, null, null);
    }

    public static Observation escalated(String key, Instant at, DueSchedule schedule) {
        return new Observation(Stage.ESCALATED, key, at, null, null, schedule);
    }

    public static Observation due(String key, DueClock clock, Instant dueAt, Instant emittedAt) {
        return new Observation(Stage.RESPONSE_DUE, key, emittedAt, dueAt, clock, null);
    }
}
