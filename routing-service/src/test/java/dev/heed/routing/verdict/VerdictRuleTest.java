package dev.heed.routing.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.routing.verdict.VerdictRule.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerdictRuleTest {
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    private static CustomerVerdict verdict(int score, boolean negativeText, String resolutionId) {
        return new CustomerVerdict(score, negativeText, "v-" + resolutionId + "-" + score, resolutionId, AT);
    }

    @Test
    void aScoreOfTwoOrLessOrANegativeTextIsNegative() {
        assertThat(verdict(1, false, "r").negative()).isTrue();
        assertThat(verdict(2, false, "r").negative()).isTrue();
        assertThat(verdict(3, false, "r").negative()).isFalse();
        assertThat(verdict(5, false, "r").negative()).isFalse();
        assertThat(verdict(4, true, "r").negative()).isTrue();
    }

    @Test
    void aNegativeVerdictReopensAResolvedComplaint() {
        assertThat(VerdictRule.decide(true, null, verdict(1, false, "r-1"))).isEqualTo(Outcome.REOPEN);
        assertThat(VerdictRule.decide(true, null, verdict(5, true, "r-1"))).isEqualTo(Outcome.REOPEN);
    }

    @Test
    void aPositiveVerdictIsRecordedAndSoIsOneForAComplaintNotResolvedNow() {
        assertThat(VerdictRule.decide(true, null, verdict(4, false, "r-1"))).isEqualTo(Outcome.RECORD);
        assertThat(VerdictRule.decide(false, null, verdict(1, false, "r-1"))).isEqualTo(Outcome.RECORD);
    }

    @Test
    void theFirstVerdictOfAResolutionStandsAndTheNextResolutionMayBeAnsweredAgain() {
        CustomerVerdict first = verdict(5, false, "r-1");
        assertThat(VerdictRule.decide(true, first, verdict(1, false, "r-1"))).isEqualTo(Outcome.ANSWERED);
        assertThat(VerdictRule.decide(true, first, verdict(1, false, "r-2"))).isEqualTo(Outcome.REOPEN);
    }
}
