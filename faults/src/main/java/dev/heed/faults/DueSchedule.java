package dev.heed.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A complaint's due points as its escalation promised them: the warnings, the breach (the first-response
 * due time), then a repeat every {@code repeatEvery} for as long as nobody acknowledges it.
 */
public record DueSchedule(List<Instant> warnings, Instant breach, Duration repeatEvery) {

    public DueSchedule {
        warnings = List.copyOf(warnings);
        if (repeatEvery.isNegative() || repeatEvery.isZero()) {
            throw new IllegalArgumentException("repeatEvery must be positive, not " + repeatEvery);
        }
    }

    /** Every due point at or before {@code until}, in order. */
    public List<Instant> pointsUntil(Instant until) {
        List<Instant> points = new ArrayList<>();
        warnings.stream().filter(w -> !w.isAfter(until)).forEach(points::add);
        for (Instant at = breach; !at.isAfter(until); at = at.plus(repeatEvery)) {
            points.add(at);
        }
        return points;
    }
}
