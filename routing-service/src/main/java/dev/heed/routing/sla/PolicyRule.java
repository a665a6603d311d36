package dev.heed.routing.sla;

import dev.heed.routing.classify.CategoryLabel;
import dev.heed.routing.classify.SeverityLabel;
import java.util.Locale;
import java.util.Objects;

/**
 * Which complaints a policy applies to: a severity, optionally narrowed to one channel and/or one category.
 *
 * @param severity the severity, required
 * @param channel  upper-case channel name (e.g. {@code WEB}), or null for any channel
 * @param category the category, or null for any category
 * @param policy   the policy for matching complaints
 */
public record PolicyRule(SeverityLabel severity, String channel, CategoryLabel category, SlaPolicy policy) {

    public PolicyRule {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(policy, "policy");
        channel = channel == null ? null : channel.toUpperCase(Locale.ROOT);
    }

    boolean matches(SeverityLabel severity, String channel, CategoryLabel category) {
        return this.severity == severity
                && (this.channel == null || this.channel.equalsIgnoreCase(channel))
                && (this.category == null || this.category == category);
    }

    /** A category is a sharper statement about the complaint than a channel, so it weighs more. */
    int specificity() {
        return (category == null ? 0 : 2) + (channel == null ? 0 : 1);
    }

    boolean sameSelector(PolicyRule other) {
        return severity == other.severity && Objects.equals(channel, other.channel) && category == other.category;
    }
}
