package dev.heed.routing.sla;

import java.time.Duration;
import java.util.List;

/**
 * A policy's resolution target ("resolve within 3 business days"): warn at fractions of it, mark the breach at it, then
 * remind every {@code repeatEvery} until an agent resolves the complaint. Counted in the policy's calendar and climbing
 * after the policy's {@code remindersPerLevel}, as the first-response target does ({@link SlaPolicy#resolutionPolicy()}).
 *
 * @param target           time from the clock's start (escalation, or a reopening) to the breach, positive
 * @param warningFractions strictly increasing fractions in (0, 1) of the target at which to warn
 * @param repeatEvery      interval between reminders after the breach, positive
 */
public record ResolutionTarget(Duration target, List<Double> warningFractions, Duration repeatEvery) {

    public ResolutionTarget {
        SlaPolicy.requirePositive(target, "resolution target");
        SlaPolicy.requirePositive(repeatEvery, "resolution repeat");
        warningFractions = List.copyOf(warningFractions);
        SlaPolicy.requireIncreasingFractions(warningFractions);
    }

    /** The default warnings ({@link SlaPolicy#DEFAULT_WARNINGS}), repeating every target after the breach. */
    public static ResolutionTarget of(Duration target) {
        return new ResolutionTarget(target, SlaPolicy.DEFAULT_WARNINGS, target);
    }
}
