package dev.heed.routing.sla;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A versioned first-response promise: warn at fractions of the target, mark the breach at the target, then
 * remind every {@code repeatEvery} for as long as nobody acknowledges, climbing one {@link Level} after every
 * {@code remindersPerLevel} reminders from the breach on. Optionally a resolution target ({@link ResolutionTarget}) with
 * warnings, breach and repeats of its own, from escalation until the complaint is resolved.
 *
 * <p>Warnings never climb: before the breach the promise still holds and the agent owns it.
 *
 * @param name              policy name, e.g. {@code critical}
 * @param version           policy version; a complaint keeps the version it started with
 * @param firstResponse     time from escalation to the breach, positive
 * @param warningFractions  strictly increasing fractions in (0, 1) of the target at which to warn
 * @param repeatEvery       interval between reminders after the breach, positive
 * @param remindersPerLevel reminders (breach included) at one level before the next one is reminded, at least 1
 * @param calendar          when the clock runs: every duration above is business time in it ({@link
 *                          BusinessCalendar#ALWAYS}: elapsed time)
 * @param resolution        the resolution target, counted in the same calendar and climbing the same way, or null when
 *                          the policy has none (its complaints have no resolution clock)
 * @param autoClose         how long a complaint may wait on the customer with no reply before routing resolves it itself
 *                          ({@link AutoClose}), counted in the same calendar; null when the policy has no auto-close (the
 *                          default: such a complaint waits until a reply, a resume or a resolution)
 */
public record SlaPolicy(String name, int version, Duration firstResponse, List<Double> warningFractions,
                        Duration repeatEvery, int remindersPerLevel, BusinessCalendar calendar, ResolutionTarget resolution,
                        Duration autoClose) {

    /** A policy with no auto-close. */
    public SlaPolicy(String name, int version, Duration firstResponse, List<Double> warningFractions, Duration repeatEvery,
                     int remindersPerLevel, BusinessCalendar calendar, ResolutionTarget resolution) {
        this(name, version, firstResponse, warningFractions, repeatEvery, remindersPerLevel, calendar, resolution, null);
    }

    /** Warnings at half and three quarters of the target, as the product promises by default. */
    public static final List<Double> DEFAULT_WARNINGS = List.of(0.5, 0.75);
    public static final int DEFAULT_REMINDERS_PER_LEVEL = 2;

    /** A policy with no resolution target. */
    public SlaPolicy(String name, int version, Duration firstResponse, List<Double> warningFractions, Duration repeatEvery,
                     int remindersPerLevel, BusinessCalendar calendar) {
        this(name, version, firstResponse, warningFractions, repeatEvery, remindersPerLevel, calendar, null);
    }

    /** A policy whose clock runs all the time. */
    public SlaPolicy(String name, int version, Duration firstResponse, List<Double> warningFractions, Duration repeatEvery,
                     int remindersPerLevel) {
        this(name, version, firstResponse, warningFractions, repeatEvery, remindersPerLevel, BusinessCalendar.ALWAYS);
    }

    public SlaPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(calendar, "calendar");
        requirePositive(firstResponse, "firstResponse");
        requirePositive(repeatEvery, "repeatEvery");
        if (autoClose != null) {
            requirePositive(autoClose, "autoClose");
        }
        warningFractions = List.copyOf(warningFractions);
        requireIncreasingFractions(warningFractions);
        if (remindersPerLevel < 1) {
            throw new IllegalArgumentException("remindersPerLevel must be at least 1: " + remindersPerLevel);
        }
    }

    /** A policy with the default warnings and climb, repeating every target after the breach. */
    public static SlaPolicy of(String name, int version, Duration firstResponse) {
        return new SlaPolicy(name, version, firstResponse, DEFAULT_WARNINGS, firstResponse, DEFAULT_REMINDERS_PER_LEVEL);
    }

    /** The same promise counted in business time of {@code calendar}. */
    public SlaPolicy in(BusinessCalendar calendar) {
        return new SlaPolicy(name, version, firstResponse, warningFractions, repeatEvery, remindersPerLevel, calendar, resolution, autoClose);
    }

    /** The same policy with {@code target} as its resolution target (null: none). */
    public SlaPolicy resolving(ResolutionTarget target) {
        return new SlaPolicy(name, version, firstResponse, warningFractions, repeatEvery, remindersPerLevel, calendar, target, autoClose);
    }

    /** The same policy closing a complaint that waited {@code after} on the customer (null: never). */
    public SlaPolicy closingAfter(Duration after) {
        return new SlaPolicy(name, version, firstResponse, warningFractions, repeatEvery, remindersPerLevel, calendar, resolution, after);
    }

    /**
     * The resolution target as a policy of its own, for a {@link ResolutionClock}: its target in place of the first
     * response's, its warnings and repeats, the same name, version, climb and calendar. Null when there is no target.
     */
    public SlaPolicy resolutionPolicy() {
        return resolution == null ? null
                : new SlaPolicy(name, version, resolution.target(), resolution.warningFractions(), resolution.repeatEvery(),
                        remindersPerLevel, calendar);
    }

    static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive: " + duration);
        }
    }

    static void requireIncreasingFractions(List<Double> fractions) {
        double previous = 0;
        for (double fraction : fractions) {
            if (fraction <= previous || fraction >= 1) {
                throw new IllegalArgumentException("warning fractions must increase within (0, 1): " + fractions);
            }
            previous = fraction;
        }
    }
}
