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
                "Order 1234", EscalationLevel.MANAGER, 5, false, false, true, 0.62, null, null, "billing", null, null, null, null, null, null, null, null));

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

    @Test
    void shouldListTheComplaintsOnHoldLastWithWhomTheyWaitOnAndSinceWhen() {
        ComplaintAcknowledged byGrace = SampleEvents.acknowledged("any");
        byGrace.setAgent("grace");
        List<KnownComplaint> notResolved = List.of(
                new KnownComplaint("on-third-party", "billing", T.minusSeconds(900), byGrace),
                new KnownComplaint("on-customer-late", "billing", T.minusSeconds(900), byGrace),
                new KnownComplaint("on-customer-early", "billing", T.plusSeconds(900), byGrace),
                new KnownComplaint("acked", "billing", T.plusSeconds(600), byGrace),
                new KnownComplaint("reopened-on-hold", "billing", T.plusSeconds(600), byGrace,
                        new Resolution(ComplaintStatus.REOPENED, T, null, null)),
                new KnownComplaint("unacked", "billing", T.plusSeconds(1200), null));
        Map<String, ComplaintFacts> facts = Map.of(
                "on-third-party", held("on-third-party", "WAITING_ON_THIRD_PARTY", T.minusSeconds(7200)),
                "on-customer-late", held("on-customer-late", "WAITING_ON_CUSTOMER", T.minusSeconds(60)),
                "on-customer-early", held("on-customer-early", "WAITING_ON_CUSTOMER", T.minusSeconds(3600)),
                "reopened-on-hold", held("reopened-on-hold", "WAITING_ON_CUSTOMER", T.minusSeconds(30)),
                // A row of a wait not read by the directory yet cannot make an unacknowledged complaint look owned.
                "unacked", held("unacked", "WAITING_ON_CUSTOMER", T.minusSeconds(10)),
                "acked", held("acked", "ACKNOWLEDGED", null));

        List<OpenComplaints.Row> rows = OpenComplaints.of(notResolved, id -> Optional.ofNullable(facts.get(id)));

        assertThat(rows).extracting(OpenComplaints.Row::id, OpenComplaints.Row::status, OpenComplaints.Row::onHoldSince).containsExactly(
                tuple("unacked", "OPEN", null),
                tuple("acked", "ACKNOWLEDGED", null),
                tuple("on-customer-early", "WAITING_ON_CUSTOMER", T.minusSeconds(3600)),
                tuple("on-customer-late", "WAITING_ON_CUSTOMER", T.minusSeconds(60)),
                tuple("reopened-on-hold", "WAITING_ON_CUSTOMER", T.minusSeconds(30)),
                tuple("on-third-party", "WAITING_ON_THIRD_PARTY", T.minusSeconds(7200)));
        assertThat(rows).filteredOn(row -> row.status().startsWith("WAITING")).extracting(OpenComplaints.Row::owner).containsOnly("grace");
    }

    private static ComplaintFacts held(String id, String status, Instant since) {
        return new ComplaintFacts(id, T, T, T, "HIGH", null, EscalationLevel.AGENT, 0, true, false, true, null, null, null,
                "billing", null, status, null, null, null,
                new ComplaintFacts.Hold(ComplaintFacts.Hold.waitingOn(status), since, 0, since == null ? 0 : 1), null, null);
    }
}
