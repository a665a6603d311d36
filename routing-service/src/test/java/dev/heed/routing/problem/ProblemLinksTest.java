package dev.heed.routing.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.routing.problem.ProblemLinks.Fix;
import dev.heed.routing.problem.ProblemLinks.Resolution;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProblemLinksTest {
    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    private static Resolution resolution(String eventId, Instant at) {
        return new Resolution(eventId, at, "grace", null, "The outage is fixed.");
    }

    @Test
    void shouldSendTheFixToEveryLinkedComplaintOnceWhenTheProblemIsResolved() {
        ProblemLinks links = ProblemLinks.NONE.link("e1", "c1", T).links().link("e2", "c2", T).links();

        ProblemLinks.Step step = links.resolve(resolution("e3", T.plusSeconds(60)));

        assertThat(step.fixes()).containsExactly(new Fix("c1", T.plusSeconds(60)), new Fix("c2", T.plusSeconds(60)));
        assertThat(step.links().resolved()).isTrue();
        assertThat(step.links().complaints()).containsExactly("c1", "c2");
    }

    @Test
    void shouldLetTheFirstResolutionStandAndSendNothingOnASecondOrARetry() {
        ProblemLinks resolved = ProblemLinks.NONE.link("e1", "c1", T).links().resolve(resolution("e2", T)).links();

        ProblemLinks.Step retry = resolved.resolve(resolution("e2", T.plusSeconds(5)));
        ProblemLinks.Step second = resolved.resolve(new Resolution("e3", T.plusSeconds(9), "ada", "billing", "Other words"));

        assertThat(retry.fixes()).isEmpty();
        assertThat(retry.changed(resolved)).isFalse();
        assertThat(second.fixes()).isEmpty();
        assertThat(second.links().resolution()).isEqualTo(resolved.resolution());
    }

    @Test
    void shouldSendALateLinkTheFixAtOnceStampedAtTheLink() {
        ProblemLinks resolved = ProblemLinks.NONE.resolve(resolution("e1", T)).links();

        ProblemLinks.Step late = resolved.link("e2", "c9", T.plusSeconds(30));

        assertThat(late.fixes()).containsExactly(new Fix("c9", T.plusSeconds(30)));
        assertThat(late.links().complaints()).containsExactly("c9");
        assertThat(late.links().link("e3", "c9", T.plusSeconds(40)).fixes()).as("linked and sent already").isEmpty();
    }

    @Test
    void shouldStampALinkOlderThanTheResolutionAtTheResolution() {
        ProblemLinks resolved = ProblemLinks.NONE.resolve(resolution("e1", T)).links();

        assertThat(resolved.link("e2", "c1", T.minusSeconds(30)).fixes()).containsExactly(new Fix("c1", T));
    }

    @Test
    void shouldTakeAnUnlinkedComplaintOutBeforeTheFixButNotAfter() {
        ProblemLinks links = ProblemLinks.NONE.link("e1", "c1", T).links().link("e2", "c2", T).links();

        ProblemLinks unlinked = links.unlink("e3", "c1").links();
        ProblemLinks.Step resolved = unlinked.resolve(resolution("e4", T));
        ProblemLinks.Step afterFix = resolved.links().unlink("e5", "c2");

        assertThat(resolved.fixes()).extracting(Fix::complaintId).containsExactly("c2");
        assertThat(afterFix.links().complaints()).containsExactly("c2");
        assertThat(afterFix.fixes()).isEmpty();
    }

    @Test
    void shouldApplyAnEventIdOnceSoARetriedLinkAfterAnUnlinkDoesNotRelink() {
        ProblemLinks links = ProblemLinks.NONE.link("e1", "c1", T).links().unlink("e2", "c1").links();

        ProblemLinks.Step retry = links.link("e1", "c1", T);

        assertThat(retry.links().complaints()).isEmpty();
        assertThat(retry.outcome()).contains("retry");
    }

    @Test
    void shouldRememberTheLastSixteenEventIdsOnly() {
        ProblemLinks links = ProblemLinks.NONE;
        for (int i = 0; i < ProblemLinks.REMEMBERED + 1; i++) {
            links = links.link("e" + i, "c" + i, T).links();
        }

        assertThat(links.recent()).hasSize(ProblemLinks.REMEMBERED).doesNotContain("e0").contains("e16");
        assertThat(links.applied("e0")).isFalse();
    }

    @Test
    void shouldNameEachFixByItsProblemAndComplaint() {
        assertThat(ProblemLinks.fixUpdateId("PRB-7", "c1")).isEqualTo("fix:PRB-7:c1");
        assertThat(ProblemLinks.isFix("fix:PRB-7:c1")).isTrue();
        assertThat(ProblemLinks.isFix("upd_1")).isFalse();
        assertThat(ProblemLinks.isFix(null)).isFalse();
    }
}
