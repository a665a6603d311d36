package dev.heed.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Counts what the topics hold against what ingest promised: the verifier's arithmetic, apart from reading
 * Kafka so that it can be tested on hand-built records.
 *
 * <p>{@code horizon} is the latest due point that must have been emitted by now (the caller leaves room for
 * routing's punctuation interval); {@code ackGrace} is how long an acknowledgement may take to reach routing:
 * a due point within the grace before an acknowledgement may or may not be emitted, one later than the grace
 * after it must not be.
 *
 * <p>Only the first-response clock is checked against the escalation's schedule (missing points, reminders after
 * an acknowledgement, points stopped by one): the promise and resolution clocks run on after an acknowledgement by
 * design, and their due points depend on what agents did. Every clock's points are counted for duplicates, each
 * as (complaint, clock, due point), so that two clocks falling due at the same instant are not one point twice.
 */
public final class Tally {
    private final Map<Stage, Map<String, Integer>> byStage = new EnumMap<>(Stage.class);
    private final Map<String, Map<DuePoint, Integer>> dueByComplaint = new HashMap<>();
    private final Map<String, DueSchedule> schedules = new HashMap<>();
    private final Map<String, Instant> acknowledgedAt = new HashMap<>();

    private Tally(Collection<Observation> observations) {
        for (Stage stage : Stage.values()) {
            byStage.put(stage, new HashMap<>());
        }
        for (Observation o : observations) {
            byStage.get(o.stage()).merge(o.key(), 1, Integer::sum);
            switch (o.stage()) {
                case RESPONSE_DUE -> dueByComplaint.computeIfAbsent(o.key(), k -> new HashMap<>())
                        .merge(new DuePoint(o.clock(), o.dueAt()), 1, Integer::sum);
                case ESCALATED -> schedules.putIfAbsent(o.key(), o.schedule());
                case ACKNOWLEDGED -> acknowledgedAt.merge(o.key(), o.at(), (a, b) -> a.isBefore(b) ? a : b);
                default -> { }
            }
        }
    }

    /**
     * Up to {@code limit} reminders after an acknowledgement, each as "id: due at D, emitted at E; acknowledged at A
     * (answered at W)", to tell from a run's log when and by whom they were sent. Counted as in {@link Counts}.
     */
    public static List<String> remindersAfterAckExamples(Ledger ledger, Collection<Observation> observations,
                                                         Duration ackGrace, int limit) {
        Tally tally = new Tally(observations);
        Map<String, Instant> effective = tally.answeredAt(ledger);
        Map<String, Instant> answered = ledger.acknowledgementsAnswered();
        List<String> examples = new java.util.ArrayList<>();
        for (Observation o : observations) {
            Instant ack = effective.get(o.key());
            if (o.stage() == Stage.RESPONSE_DUE && o.clock() == DueClock.FIRST_RESPONSE && ack != null
                    && examples.size() < limit && o.dueAt().isAfter(ack.plus(ackGrace))) {
                examples.add("%s: due at %s, emitted at %s; acknowledged at %s (answered at %s)".formatted(o.key(),
                        o.dueAt(), o.at(), tally.acknowledgedAt.get(o.key()), answered.get(o.key())));
            }
        }
        return examples;
    }

    public static Counts count(Ledger ledger, Collection<Observation> observations, Instant horizon, Duration ackGrace) {
        return new Tally(observations).counts(ledger, horizon, ackGrace);
    }

    /** The latest a due point was emitted after it fell due (its emission time less its due time); zero if none. */
    public static Duration longestLateness(Collection<Observation> observations) {
        List<Duration> lateness = lateness(observations);
        return lateness.isEmpty() ? Duration.ZERO : lateness.get(lateness.size() - 1);
    }

    /** How late each due point was emitted (its emission time less its due time, never below zero), in order. */
    public static List<Duration> lateness(Collection<Observation> observations) {
        return observations.stream().filter(o -> o.stage() == Stage.RESPONSE_DUE)
                .map(o -> Duration.between(o.dueAt(), o.at())).map(d -> d.isNegative() ? Duration.ZERO : d)
                .sorted().toList();
    }

    /** The lateness at each of the given percentiles (nearest rank), e.g. 50, 90, 99, 100; empty input gives zeros. */
    public static List<Duration> percentiles(List<Duration> sorted, int... percentiles) {
        List<Duration> out = new java.util.ArrayList<>();
        for (int p : percentiles) {
            int rank = (int) Math.ceil(p / 100.0 * sorted.size());
            out.add(sorted.isEmpty() ? Duration.ZERO : sorted.get(Math.max(0, rank - 1)));
        }
        return out;
    }

    /** Each acknowledgement's time as the reminders count it: its stamp, or the agent's answer when later. */
    private Map<String, Instant> answeredAt(Ledger ledger) {
        Map<String, Instant> answeredAt = new HashMap<>(acknowledgedAt);
        ledger.acknowledgementsAnswered().forEach((id, answered) -> answeredAt.computeIfPresent(id,
                (k, stamped) -> answered.isAfter(stamped) ? answered : stamped));
        return answeredAt;
    }

    private Counts counts(Ledger ledger, Instant horizon, Duration ackGrace) {
        // When routing could first have read an acknowledgement lies between its own time (the responder stamps it
        // before the write) and the agent's answer (after the write; a failing broker can hold the write up, and a
        // 503 whose write was stored after all is answered 200 only at the retry). Each count takes the bound that
        // blames routing least: missing due points end at the stamp, reminders too many start after the answer.
        Map<String, Instant> answeredAt = answeredAt(ledger);
        Set<String> accepted = ledger.accepted();
        Set<String> refused = ledger.refused();
        Set<String> retried = new HashSet<>(refused);
        retried.addAll(ledger.unanswered());
        Set<String> posted = ledger.posted();

        Set<String> lostIds = new HashSet<>();
        int lostReceived = missing(accepted, Stage.RECEIVED, lostIds);
        int lostClassified = missing(accepted, Stage.CLASSIFIED, lostIds);
        int lostReplied = missing(accepted, Stage.REPLIED, lostIds);

        Set<String> receivedRepeats = keys(Stage.RECEIVED, n -> n > 1);
        Set<String> unexplained = new HashSet<>(receivedRepeats);
        unexplained.removeAll(retried);
        Set<String> classifiedTwice = keys(Stage.CLASSIFIED, n -> n > 1);

        Set<String> seen = new HashSet<>();
        byStage.values().forEach(m -> seen.addAll(m.keySet()));
        seen.removeAll(posted);

        return new Counts(accepted.size(), refused.size(), ledger.unanswered().size(),
                present(accepted, Stage.RECEIVED), present(accepted, Stage.CLASSIFIED),
                byStage.get(Stage.ESCALATED).size(), present(accepted, Stage.REPLIED),
                lostReceived, lostClassified, lostReplied, lostIds.size(),
                receivedRepeats.size(), unexplained.size(),
                (int) refused.stream().filter(id -> writes(id) > (accepted.contains(id) ? 1 : 0)).count(),
                (int) refused.stream().filter(classifiedTwice::contains).count(),
                extra(Stage.CLASSIFIED), extra(Stage.ESCALATED), extra(Stage.REPLIED), seen.size(),
                dueByComplaint.values().stream().mapToInt(Map::size).sum(),
                dueByComplaint.values().stream().flatMap(m -> m.values().stream()).mapToInt(n -> n - 1).sum(),
                missingDuePoints(horizon, ackGrace), acknowledgedAt.size(), remindersAfterAck(answeredAt, ackGrace),
                stoppedByAck(answeredAt, horizon, ackGrace));
    }

    private int missing(Set<String> ids, Stage stage, Set<String> lost) {
        int count = 0;
        for (String id : ids) {
            if (!byStage.get(stage).containsKey(id)) {
                lost.add(id);
                count++;
            }
        }
        return count;
    }

    private int writes(String id) {
        return byStage.get(Stage.RECEIVED).getOrDefault(id, 0);
    }

    private int present(Set<String> ids, Stage stage) {
        return (int) ids.stream().filter(byStage.get(stage)::containsKey).count();
    }

    private Set<String> keys(Stage stage, Predicate<Integer> count) {
        Set<String> keys = new HashSet<>();
        byStage.get(stage).forEach((key, n) -> {
            if (count.test(n)) {
                keys.add(key);
            }
        });
        return keys;
    }

    /** Records beyond the first per key. */
    private int extra(Stage stage) {
        return byStage.get(stage).values().stream().mapToInt(n -> n - 1).sum();
    }

    private int missingDuePoints(Instant horizon, Duration ackGrace) {
        int missing = 0;
        for (var entry : schedules.entrySet()) {
            Instant until = horizon;
            Instant ack = acknowledgedAt.get(entry.getKey());
            if (ack != null && ack.minus(ackGrace).isBefore(until)) {
                until = ack.minus(ackGrace);
            }
            Map<DuePoint, Integer> emitted = dueByComplaint.getOrDefault(entry.getKey(), Map.of());
            missing += (int) entry.getValue().pointsUntil(until).stream()
                    .filter(at -> !emitted.containsKey(DuePoint.firstResponse(at))).count();
        }
        return missing;
    }

    /** Promised due points after an acknowledgement plus the grace, up to the horizon, that were not emitted. */
    private int stoppedByAck(Map<String, Instant> acks, Instant horizon, Duration ackGrace) {
        int stopped = 0;
        for (var entry : acks.entrySet()) {
            DueSchedule schedule = schedules.get(entry.getKey());
            if (schedule == null) {
                continue;
            }
            Instant limit = entry.getValue().plus(ackGrace);
            Map<DuePoint, Integer> emitted = dueByComplaint.getOrDefault(entry.getKey(), Map.of());
            stopped += (int) schedule.pointsUntil(horizon).stream()
                    .filter(at -> at.isAfter(limit) && !emitted.containsKey(DuePoint.firstResponse(at))).count();
        }
        return stopped;
    }

    private int remindersAfterAck(Map<String, Instant> acks, Duration ackGrace) {
        int late = 0;
        for (var entry : acks.entrySet()) {
            Instant limit = entry.getValue().plus(ackGrace);
            for (var due : dueByComplaint.getOrDefault(entry.getKey(), Map.of()).entrySet()) {
                if (due.getKey().clock() == DueClock.FIRST_RESPONSE && due.getKey().at().isAfter(limit)) {
                    late += due.getValue();
                }
            }
        }
        return late;
    }

    /** One due point of one clock. */
    private record DuePoint(DueClock clock, Instant at) {
        static DuePoint firstResponse(Instant at) {
            return new DuePoint(DueClock.FIRST_RESPONSE, at);
        }
    }
}
