package dev.heed.responder.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.EscalationLevel;
import dev.heed.responder.ack.ComplaintDirectory.KnownComplaint;
import dev.heed.responder.ack.ComplaintDirectory.Resolution;
import dev.heed.schemas.SampleEvents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenComplaintsTest {
    private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");

    @Test
    void shouldOrderBySoonestDueThenByIdAndTakeTheLevelFromTheTimeline() {
        List<KnownComplaint> open = List.of(
                new KnownComplaint("late", "billing", T.plusSeconds(600), null),
                new KnownComplaint("b-overdue", "support", T.minusSeconds(60), null),
                new KnownComplaint("a-overdue", "support", T.minusSeconds(60), null),
                new KnownComplaint("no-due", "support", null, null));
        Map<String, ComplaintFacts> facts = Map.of("late", new ComplaintFacts("late", T, T, T.plusSeconds(600), "HIGH",
                "Order 1234", EscalationLevel.MANAGER, 5, false, false, true, 0.62, null, null, "billing", null, null, null, null, null));

        List<OpenComplaints.Row> rows = OpenComplaints.of(open, id -> Optional.ofNullable(facts.get(id)));

        assertThat(rows).extracting(OpenComplaints.Row::id).containsExactly("a-overdue", "b-overdue", "late", "no-due");
        OpenComplaints.Row late = rows.get(2);
        assertThat(late.level()).isEqualTo("MANAGER");
        assertThat(late.reminders()).isEqualTo(5);
        assertThat(late.subject()).isEqualTo("Order 1234");
        assertThat(late.confidence()).isEqualTo(0.62);
        assertThat(rows.get(0).confidence()).isNull();
        assertThat(rows.get(0).level()).isEqualTo("AGENT");
        assertThat(rows).extracting(OpenComplaints.Row::status).containsOnly("OPEN");
        assertThat(rows).extracting(OpenComplaints.Row::owner).containsOnlyNulls();
    }

    @Test
    void shouldListTheUnacknowledgedFirstThenTheReopenedThenTheAcknowledgedWithWhoOwnsThemAndLeaveOutTheResolved() {
        ComplaintAcknowledged byGrace = SampleEvents.acknowledged("any");
        byGrace.setAgent("grace");
        List<KnownComplaint> notResolved = List.of(
                new KnownComplaint("acked-soon", "billing", T.minusSeconds(600), byGrace),
                new KnownComplaint("reopened", "billing", T.plusSeconds(600), byGrace,
                        new Resolution(ComplaintStatus.REOPENED, T, null, null)),
                new KnownComplaint("resolved", "billing", T.minusSeconds(900), byGrace,
                        new Resolution(ComplaintStatus.RESOLVED, T, "grace", "r-1")),
                new KnownComplaint("waiting", "billing", T.plusSeconds(1200), null));

        List<OpenComplaints.Row> rows = OpenComplaints.of(notResolved, id -> Optional.empty());

        assertThat(rows).extracting(OpenComplaints.Row::id, OpenComplaints.Row::status, OpenComplaints.Row::owner).containsExactly(
                tuple("waiting", "OPEN", null), tuple("reopened", "REOPENED", "grace"), tuple("acked-soon", "ACKNOWLEDGED", "grace"));
    }
}
