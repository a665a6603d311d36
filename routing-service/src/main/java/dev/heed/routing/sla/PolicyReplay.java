package dev.heed.routing.sla;

import dev.heed.routing.classify.CategoryLabel;
import dev.heed.routing.classify.SeverityLabel;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Replays complaints under a {@link PolicyBook}: what the SLA clocks would have emitted had that book been in force
 * when each complaint came in. Each complaint gets its policy from the same {@link EscalationRule} routing uses and
 * its clock runs through {@link SlaClock#catchUp} as routing's punctuator runs it, from its {@code receivedAt} up to
 * its first acknowledgement, or up to the horizon while it is still open.
 *
 * <p>A due point counts when it fell due <em>before</em> the acknowledgement: routing stops a clock when it reads the
 * acknowledgement, and a point due at or after that moment is never emitted. The replay assumes what routing only
 * approximates: that it punctuated continuously and read each acknowledgement at its {@code acknowledgedAt}. Live
 * routing punctuates every {@code HEED_ROUTING_PUNCTUATE_INTERVAL}, so a point that fell due within one interval
 * before an acknowledgement may or may not have gone out; the replay always counts it. A point due while routing was
 * behind (before the escalation was processed) counts too, as routing emits it at its next punctuation. A resolution
 * of a complaint nobody acknowledged acknowledges it, in routing and here: the clock stops at the earlier of the
 * first acknowledgement and the first resolution.
 *
 * <p>Under a policy with a resolution target each complaint's {@link ResolutionClock} runs too, from its
 * {@code escalatedAt} through its resolutions and reopenings in their order ({@link ResolutionReplay}); its points are
 * counted apart from the first response's, in {@link Tally#resolution()}.
 *
 * <p>Plain Java and deterministic: the horizon is given, never read from a clock.
 */
public final class PolicyReplay {

    static final double MEDIAN = 0.5;
    static final double P90 = 0.9;

    private final EscalationRule rule;

    public PolicyReplay(PolicyBook policies) {
        this.rule = new EscalationRule(policies);
    }

    /**
     * One complaint as the topics record it.
     *
     * @param id             the complaint id
     * @param severity       the severity it was escalated with; empty for one this version does not know (handled as
     *                       routing handles it)
     * @param channel        the channel name, e.g. {@code WEB}
     * @param categories     the categories, best first (the first one chooses the queue and a category policy)
     * @param receivedAt     when Heed accepted the feedback: the first-response clock's start
     * @param escalatedAt    when routing escalated it: the resolution clock's start
     * @param acknowledgedAt the first acknowledgement, or null while it is open
     * @param actions        its resolutions and reopenings in the order routing reads them (their topic's order)
     */
    public record Complaint(String id, Optional<SeverityLabel> severity, String channel, List<CategoryLabel> categories,
                            Instant receivedAt, Instant escalatedAt, Instant acknowledgedAt, List<Action> actions) {
        public Complaint {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(receivedAt, "receivedAt");
            Objects.requireNonNull(escalatedAt, "escalatedAt");
            categories = List.copyOf(categories);
            actions = List.copyOf(actions);
        }

        /** A complaint never resolved, escalated when it was received. */
        public Complaint(String id, Optional<SeverityLabel> severity, String channel, List<CategoryLabel> categories,
                         Instant receivedAt, Instant acknowledgedAt) {
            this(id, severity, channel, categories, receivedAt, receivedAt, acknowledgedAt, List.of());
        }

        /**
         * When the first-response clock stopped by {@code horizon}: the earlier of the acknowledgement and the first
         * resolution (which acknowledges a complaint nobody has), each counted only at or before the horizon; null if
         * neither.
         */
        Instant firstResponseStop(Instant horizon) {
            Instant stop = acknowledgedAt != null && !acknowledgedAt.isAfter(horizon) ? acknowledgedAt : null;
            for (Action action : actions) {
                if (action.kind() == Action.Kind.RESOLVE && !action.at().isAfter(horizon)) {
                    return stop == null || action.at().isBefore(stop) ? action.at() : stop;
                }
            }
            return stop;
        }
    }

    /**
     * An agent's resolution or reopening of a complaint, at the update's own time ({@code updatedAt}), as
     * {@code complaints.updated} records it. Routing applies a resolution of a resolved complaint, or a reopening of one
     * that is not, as nothing, and so does the replay.
     */
    public record Action(Kind kind, Instant at) {
        public enum Kind { RESOLVE, REOPEN }

        public Action {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * Replays every complaint received at or before {@code horizon}; an acknowledgement after the horizon counts as
     * none (the complaint was still open then).
     */
    public Tally replay(Collection<Complaint> complaints, Instant horizon) {
        Tally.Builder tally = new Tally.Builder(horizon);
        for (Complaint complaint : complaints) {
            if (complaint.receivedAt().isAfter(horizon)) {
                tally.later++;
                continue;
            }
            EscalationRule.Assignment assignment = rule.assign(complaint.id(), complaint.severity(), complaint.channel(),
                    complaint.categories(), complaint.receivedAt());
            SlaClock clock = assignment.clock();
            Instant stop = complaint.firstResponseStop(horizon);
            // catchUp takes every point due at or before its argument; one millisecond before the acknowledgement is
            // "before it" at the events' resolution.
            Instant end = stop != null ? stop.minusMillis(1) : horizon;
            List<DueEvent> events = end.isBefore(clock.startedAt()) ? List.of() : clock.catchUp(end).events();
            tally.add(assignment, stop != null, events);
            tally.resolution.add(complaint.id(), clock.policy(), complaint.escalatedAt(), complaint.actions(), horizon);
        }
        return tally.build();
    }

    /**
     * What one policy book would have produced.
     *
     * @param horizon          the end of the replay
     * @param complaints       complaints replayed (received by the horizon)
     * @param acknowledged     of them, acknowledged by the horizon
     * @param receivedLater    complaints left out because they were received after the horizon
     * @param breached         complaints whose breach point fell due before their acknowledgement (or the horizon)
     * @param warnings         warning points emitted
     * @param repeats          repeat points emitted after the breach
     * @param pointsPerLevel   every due point (warnings, breaches, repeats) by who it reminds
     * @param pointsPerQueue   every due point by queue
     * @param policies         complaints per policy ({@code name@version})
     * @param medianToBreach   median of receipt to breach over the breached complaints (elapsed time, so business
     *                         hours show here); null when none breached
     * @param p90ToBreach      90th percentile of the same, nearest rank; null when none breached
     * @param busiestHour      the UTC hour in which the most points fell due; null when none did
     * @param busiestHourPoints points in that hour
     * @param resolution       the resolution clocks of the complaints whose policy has a resolution target; their points
     *                         are in none of the counts above
     */
    public record Tally(Instant horizon, int complaints, int acknowledged, int receivedLater, int breached, int warnings,
                       int repeats, Map<Level, Integer> pointsPerLevel, Map<String, Integer> pointsPerQueue,
                       Map<String, Integer> policies, Duration medianToBreach, Duration p90ToBreach, Instant busiestHour,
                       int busiestHourPoints, ResolutionReplay.Tally resolution) {

        /** Every due point emitted: warnings, breaches and repeats. */
        public int points() {
            return warnings + breached + repeats;
        }

        static final class Builder {
            private final Instant horizon;
            private int complaints;
            private int acknowledged;
            private int later;
            private int warnings;
            private int repeats;
            private final List<Duration> toBreach = new ArrayList<>();
            private final Map<Level, Integer> perLevel = new EnumMap<>(Level.class);
            private final Map<String, Integer> perQueue = new TreeMap<>();
            private final Map<String, Integer> policies = new TreeMap<>();
            private final Map<Instant, Integer> perHour = new TreeMap<>();
            private final ResolutionReplay resolution = new ResolutionReplay();

            Builder(Instant horizon) {
                this.horizon = horizon;
                for (Level level : Level.values()) {
                    perLevel.put(level, 0);
                }
            }

            void add(EscalationRule.Assignment assignment, boolean wasAcknowledged, List<DueEvent> events) {
                complaints++;
                if (wasAcknowledged) {
                    acknowledged++;
                }
                SlaPolicy policy = assignment.clock().policy();
                policies.merge(policy.name() + "@" + policy.version(), 1, Integer::sum);
                for (DueEvent event : events) {
                    switch (event.kind()) {
                        case WARNING -> warnings++;
                        case BREACH -> toBreach.add(Duration.between(assignment.clock().startedAt(), event.dueAt()));
                        case REPEAT -> repeats++;
                    }
                    perLevel.merge(event.level(), 1, Integer::sum);
                    perQueue.merge(assignment.queue(), 1, Integer::sum);
                    perHour.merge(event.dueAt().truncatedTo(ChronoUnit.HOURS), 1, Integer::sum);
                }
            }

            Tally build() {
                List<Duration> sorted = new ArrayList<>(toBreach);
                Collections.sort(sorted);
                Map.Entry<Instant, Integer> busiest = perHour.entrySet().stream()
                        // the earliest of equally busy hours, so the answer does not depend on map order
                        .reduce((a, b) -> b.getValue() > a.getValue() ? b : a).orElse(null);
                return new Tally(horizon, complaints, acknowledged, later, sorted.size(), warnings, repeats,
                        Collections.unmodifiableMap(perLevel), Collections.unmodifiableMap(perQueue),
                        Collections.unmodifiableMap(policies), rank(sorted, MEDIAN), rank(sorted, P90),
                        busiest == null ? null : busiest.getKey(), busiest == null ? 0 : busiest.getValue(), resolution.tally());
            }
        }
    }

    /** Nearest rank over sorted values: the smallest with at least {@code q} of them at or below it; null for none. */
    static Duration rank(List<Duration> sorted, double q) {
        if (sorted.isEmpty()) {
            return null;
        }
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
