package dev.heed.routing.sla;

import dev.heed.routing.classify.CategoryLabel;
import dev.heed.routing.classify.SeverityLabel;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an escalated complaint goes and which clock it runs on. The queue is its best category in lower case
 * ({@code other} when it has none); the policy is the book's choice for its severity, channel and that category;
 * the clock starts when the feedback was accepted (its {@code receivedAt}), because the promise to the customer runs
 * from then, not from when routing caught up: a routing backlog eats into the first-response time, it does not
 * extend it. A severity this version does not know comes from a newer classifier: it is handled as
 * {@link SeverityLabel#CRITICAL}, the strictest known level, as the {@code Severity} schema promises every
 * reader (missing a complaint's clock is the costlier error).
 */
public final class EscalationRule {

    static final SeverityLabel UNKNOWN_SEVERITY = SeverityLabel.CRITICAL;

    private final PolicyBook policies;

    public EscalationRule(PolicyBook policies) {
        this.policies = Objects.requireNonNull(policies, "policies");
    }

    /**
     * @param severity   the classifier's severity, empty when this version does not know it
     * @param channel    the channel the feedback came in by
     * @param categories the classifier's categories, best first; may be empty
     * @param acceptedAt when the feedback was accepted (its {@code receivedAt}): the clock's start
     */
    public Assignment assign(String complaintId, Optional<SeverityLabel> severity, String channel,
                             List<CategoryLabel> categories, Instant acceptedAt) {
        SeverityLabel known = severity.orElse(UNKNOWN_SEVERITY);
        CategoryLabel category = categories.isEmpty() ? CategoryLabel.OTHER : categories.get(0);
        SlaPolicy policy = policies.choose(known, channel, category);
        return new Assignment(SlaClock.start(complaintId, policy, acceptedAt), known, category.name().toLowerCase(Locale.ROOT));
    }

    /** The outcome for one complaint: its started clock, the severity it is handled as, and its queue. */
    public record Assignment(SlaClock clock, SeverityLabel severity, String queue) {}
}
