package dev.heed.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.routing.classify.CategoryLabel;
import dev.heed.routing.classify.SeverityLabel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EscalationRuleTest {

    private static final Instant ACCEPTED = Instant.parse("2026-03-02T09:00:00.123456Z");
    private static final EscalationRule RULE = new EscalationRule(PolicyBookFormat.parse("""
            billing-high: severity=HIGH category=BILLING target=20m
            web-low: severity=LOW channel=WEB target=2h
            """));

    @Test
    void theQueueIsTheBestCategoryAndItAlsoChoosesThePolicy() {
        var assignment = RULE.assign("c-1", Optional.of(SeverityLabel.HIGH), "EMAIL",
                List.of(CategoryLabel.BILLING, CategoryLabel.DELIVERY), ACCEPTED);

        assertThat(assignment.queue()).isEqualTo("billing");
        assertThat(assignment.severity()).isEqualTo(SeverityLabel.HIGH);
        assertThat(assignment.clock().policy().name()).isEqualTo("billing-high");
        assertThat(assignment.clock().complaintId()).isEqualTo("c-1");
    }

    @Test
    void aComplaintWithoutCategoryGoesToTheOtherQueue() {
        var assignment = RULE.assign("c-2", Optional.of(SeverityLabel.MEDIUM), "EMAIL", List.of(), ACCEPTED);

        assertThat(assignment.queue()).isEqualTo("other");
        assertThat(assignment.clock().policy().name()).isEqualTo("medium");
    }

    @Test
    void aSeverityThisVersionDoesNotKnowIsHandledAsTheStrictestKnownLevelAsTheSchemaSays() {
        var assignment = RULE.assign("c-3", Optional.empty(), "EMAIL", List.of(CategoryLabel.PRODUCT_QUALITY), ACCEPTED);

        assertThat(assignment.severity()).isEqualTo(SeverityLabel.CRITICAL);
        assertThat(assignment.clock().policy().name()).isEqualTo("critical");
        assertThat(assignment.queue()).isEqualTo("product_quality");
    }

    @Test
    void theClockRunsFromAcceptanceByTheChannelsPolicy() {
        var assignment = RULE.assign("c-4", Optional.of(SeverityLabel.LOW), "WEB", List.of(CategoryLabel.DELIVERY), ACCEPTED);

        assertThat(assignment.clock().startedAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00.123Z"));
        assertThat(assignment.clock().breachAt()).isEqualTo(assignment.clock().startedAt().plus(Duration.ofHours(2)));
        assertThat(assignment.clock().remindersSent()).isZero();
    }
}
