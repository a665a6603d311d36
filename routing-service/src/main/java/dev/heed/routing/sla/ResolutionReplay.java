package dev.heed.routing.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The resolution half of a {@link PolicyReplay}: each complaint's {@link ResolutionClock}, routing's own, run from its
 * {@code escalatedAt} through its resolutions and reopenings in order, as routing's clock processor runs it when it reads
 * them. Each action counts at its own time ({@code updatedAt}), as if routing read it then (routing counts it no later
 * than its own clock, so a resolution read late is the same); one after the horizon counts as none. The points owed
 * before a resolution count, one due at its own millisecond does not (in time), exactly as {@link ResolutionClock#resolve}
 * decides. A clock still running at the horizon counts every point due at or before it.
 *
 * <p>A complaint whose policy has no resolution target has no clock: it counts nowhere here, as routing starts none.
 */
public final class ResolutionReplay {
    private int complaints;
    private int resolvedInTime;
    private int resolvedLate;
    private int openPastTarget;
    private int openWithinTarget;
    private int reopenings;
    private int warnings;
    private int breaches;
    private int repeats;
    private final Map<Level, Integer> perLevel = new EnumMap<>(Level.class);
    private final List<Duration> toResolution = new ArrayList<>();

    ResolutionReplay() {
        for (Level level : Level.values()) {
            perLevel.put(level, 0);
        }
    }

    /** Runs the resolution clock of one complaint under {@code policy} (its whole policy), if it has a target. */
    void add(String complaintId, SlaPolicy policy, Instant escalatedAt, List<PolicyReplay.Action> actions, Instant horizon) {
        ResolutionClock clock = ResolutionClock.start(complaintId, policy, escalatedAt);
        if (clock == null) {
            return;
        }
        complaints++;
        for (PolicyReplay.Action action : actions) {
            if (action.at().isAfter(horizon)) {
                continue;
            }
            if (action.kind() == PolicyReplay.Action.Kind.RESOLVE && clock.running()) {
                // "now" is the resolution's own time: routing's clock had reached it when it read the resolution.
                ResolutionClock.Step step = clock.resolve(action.at(), action.at(), 0);
                count(step.events());
                Duration took = Duration.between(clock.run().startedAt(), action.at());
                // An update stamped before its escalation (the two are written on different machines' clocks) took nothing.
                toResolution.add(took.isNegative() ? Duration.ZERO : took);
                clock = step.clock();
            } else if (action.kind() == PolicyReplay.Action.Kind.REOPEN && !clock.running()) {
                clock = clock.reopen(action.at());
                reopenings++;
            }
        }
        if (clock.running()) {
            ResolutionClock.Step step = clock.catchUp(horizon, 0);
            count(step.events());
            if (step.clock().breached()) {
                openPastTarget++;
            } else {
                openWithinTarget++;
            }
        } else if (clock.breached()) {
            resolvedLate++;
        } else {
            resolvedInTime++;
        }
    }

    private void count(List<DueEvent> events) {
        for (DueEvent event : events) {
            switch (event.kind()) {
                case RESOLUTION_WARNING -> warnings++;
                case RESOLUTION_BREACH -> breaches++;
                case RESOLUTION_REPEAT -> repeats++;
                default -> throw new IllegalStateException("not a resolution point: " + event);
            }
            perLevel.merge(event.level(), 1, Integer::sum);
        }
    }

    Tally tally() {
        List<Duration> sorted = new ArrayList<>(toResolution);
        Collections.sort(sorted);
        return new Tally(complaints, resolvedInTime, resolvedLate, openPastTarget, openWithinTarget, sorted.size(), reopenings,
                warnings, breaches, repeats, Collections.unmodifiableMap(new EnumMap<>(perLevel)),
                PolicyReplay.rank(sorted, PolicyReplay.MEDIAN), PolicyReplay.rank(sorted, PolicyReplay.P90));
    }

    /**
     * What the resolution clocks of one policy book would have produced. Each complaint with a target is counted once,
     * by its last run at the horizon: resolved in time, resolved late, open past its target, or open within it; the
     * earlier runs of a reopened complaint show in {@code reopenings}, {@code breaches} and the times to resolution.
     *
     * @param complaints         complaints replayed whose policy has a resolution target (0: none has)
     * @param resolvedInTime     of them, resolved by the horizon at or before their last run's due time
     * @param resolvedLate       resolved by the horizon after it (the breach point fell due before the resolution)
     * @param openPastTarget     not resolved at the horizon (never, or reopened since), the due time passed
     * @param openWithinTarget   not resolved at the horizon, the due time not reached
     * @param resolutions        resolutions by the horizon (a complaint reopened and resolved again has two)
     * @param reopenings         reopenings of a resolved complaint by the horizon, each restarting the target
     * @param warnings           resolution warnings due
     * @param breaches           resolution breaches due (one per run past its target)
     * @param repeats            resolution repeats due after a breach
     * @param pointsPerLevel     those points by who they remind
     * @param medianToResolution median elapsed time from a run's start (the escalation, or the reopening) to its
     *                           resolution, over every resolution; null when none
     * @param p90ToResolution    the 90th percentile of the same, nearest rank; null when none
     */
    public record Tally(int complaints, int resolvedInTime, int resolvedLate, int openPastTarget, int openWithinTarget,
                        int resolutions, int reopenings, int warnings, int breaches, int repeats,
                        Map<Level, Integer> pointsPerLevel, Duration medianToResolution, Duration p90ToResolution) {

        /** Every resolution point: warnings, breaches and repeats. */
        public int points() {
            return warnings + breaches + repeats;
        }
    }
}
