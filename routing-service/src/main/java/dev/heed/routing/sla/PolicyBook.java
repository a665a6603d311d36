package dev.heed.routing.sla;

import dev.heed.routing.classify.CategoryLabel;
import dev.heed.routing.classify.SeverityLabel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The SLA policies in force: one per severity, with optional overrides for a channel and/or a category. The
 * most specific matching rule wins (category and channel, then category, then channel, then severity alone).
 * Immutable; every severity always has a policy.
 */
public final class PolicyBook {

    private final List<PolicyRule> rules;

    private PolicyBook(List<PolicyRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Critical 15 min, high 1 h, medium 4 h, low 24 h, each version 1 with the default warnings and climb. */
    public static PolicyBook defaults() {
        return new PolicyBook(List.of(
                base(SeverityLabel.CRITICAL, "critical", Duration.ofMinutes(15)),
                base(SeverityLabel.HIGH, "high", Duration.ofHours(1)),
                base(SeverityLabel.MEDIUM, "medium", Duration.ofHours(4)),
                base(SeverityLabel.LOW, "low", Duration.ofHours(24))));
    }

    /** The defaults with {@code rules} added; a rule with the same selector as a default replaces it. */
    public static PolicyBook defaultsWith(List<PolicyRule> rules) {
        List<PolicyRule> merged = new ArrayList<>(defaults().rules);
        for (PolicyRule rule : rules) {
            merged.removeIf(rule::sameSelector);
            merged.add(rule);
        }
        return new PolicyBook(merged);
    }

    /** The policy for a complaint of this severity, channel (may be null) and category (may be null). */
    public SlaPolicy choose(SeverityLabel severity, String channel, CategoryLabel category) {
        return rules.stream()
                .filter(rule -> rule.matches(severity, channel, category))
                .max(Comparator.comparingInt(PolicyRule::specificity))
                .map(PolicyRule::policy)
                .orElseThrow(() -> new IllegalStateException("no policy for severity " + severity));
    }

    /**
     * The same book with every duration divided by {@code factor}, for demos and local runs where a
     * 15-minute promise should play out in 15 seconds ({@code HEED_SLA_TIME_SCALE=60}). Names and versions
     * are kept; 1 returns this book.
     */
    public PolicyBook timeScaled(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("time scale must be at least 1: " + factor);
        }
        if (factor == 1) {
            return this;
        }
        return new PolicyBook(rules.stream().map(rule -> new PolicyRule(rule.severity(), rule.channel(), rule.category(),
                scaled(rule.policy(), factor))).toList());
    }

    private static SlaPolicy scaled(SlaPolicy policy, int factor) {
        ResolutionTarget resolution = policy.resolution() == null ? null
                : new ResolutionTarget(shorter(policy.resolution().target(), factor), policy.resolution().warningFractions(),
                        shorter(policy.resolution().repeatEvery(), factor));
        return new SlaPolicy(policy.name(), policy.version(), shorter(policy.firstResponse(), factor),
                policy.warningFractions(), shorter(policy.repeatEvery(), factor), policy.remindersPerLevel(), policy.calendar(),
                resolution, policy.autoClose() == null ? null : shorter(policy.autoClose(), factor));
    }

    private static Duration shorter(Duration duration, int factor) {
        return Duration.ofMillis(Math.max(1, duration.toMillis() / factor));
    }

    public List<PolicyRule> rules() {
        return rules;
    }

    private static PolicyRule base(SeverityLabel severity, String name, Duration target) {
        return new PolicyRule(severity, null, null, SlaPolicy.of(name, 1, target));
    }
}
