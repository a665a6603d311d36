package dev.heed.responder.ack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.UpdateAction;
import dev.heed.responder.ack.ComplaintDirectory.KnownComplaint;
import dev.heed.runtime.auth.Principal;
import dev.heed.schemas.SampleEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the directory knows of resolutions, from routing's state rows and from this instance's writes, and what the updater allows from it. */
class ComplaintDirectoryResolutionTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Principal GRACE = new Principal(Principal.Kind.AGENT, "grace");

    private final ComplaintDirectory directory = new ComplaintDirectory();
    private final List<dev.heed.events.ComplaintUpdated> written = new ArrayList<>();
    private final Updater updater = new Updater(directory, written::add, Clock.fixed(NOW, ZoneOffset.UTC));

    private static ComplaintState row(String id, ComplaintStatus status, Instant updatedAt) {
        ComplaintState state = SampleEvents.state(id);
        state.setStatus(status);
        state.setUpdatedAt(updatedAt);
        if (status == ComplaintStatus.RESOLVED) {
            state.setResolvedAt(updatedAt.minusSeconds(1));
            state.setResolvedBy("alan");
        }
        return state;
    }

    private static UpdateRequest request(String message) {
        return new UpdateRequest(null, message, null, false, null);
    }

    private AckException.Reason refusal(UpdateAction action, String id) {
        List<AckException.Reason> reasons = new ArrayList<>();
        assertThatThrownBy(() -> updater.act(action, id, GRACE, request("m")))
                .isInstanceOfSatisfying(AckException.class, e -> reasons.add(e.reason()));
        return reasons.get(0);
    }

    @Test
    void aResolvedRowIsOwnedAndResolvedByWhoAndWhenItSays() {
        directory.state(row("fb-1", ComplaintStatus.RESOLVED, NOW.minusSeconds(60)));

        KnownComplaint known = directory.find("fb-1").orElseThrow();
        assertThat(known.resolved()).isTrue();
        assertThat(known.acknowledgement()).isNotNull();
        assertThat(known.resolution().by()).isEqualTo("alan");
        assertThat(known.resolution().at()).isEqualTo(NOW.minusSeconds(61));
        assertThat(directory.open()).isEmpty();
        assertThat(directory.notResolved()).isEmpty();
        assertThat(known.status()).isEqualTo(ComplaintStatus.RESOLVED);
        assertThat(refusal(UpdateAction.RESOLVE, "fb-1")).isEqualTo(AckException.Reason.ALREADY_RESOLVED);
        assertThat(written).isEmpty();
    }

    @Test
    void aReopenedRowIsOwnedButNotResolved() throws Exception {
        directory.state(row("fb-1", ComplaintStatus.REOPENED, NOW.minusSeconds(60)));

        assertThat(directory.find("fb-1").orElseThrow().resolved()).isFalse();
        assertThat(directory.open()).isEmpty();
        // Not open for acknowledging, but still work to do: it stays on the console's list, as reopened.
        assertThat(directory.notResolved()).extracting(KnownComplaint::id, KnownComplaint::status)
                .containsExactly(tuple("fb-1", ComplaintStatus.REOPENED));
        assertThat(refusal(UpdateAction.REOPEN, "fb-1")).isEqualTo(AckException.Reason.NOT_RESOLVED);
        assertThat(updater.update("fb-1", GRACE, request("still on it")).getAction()).isEqualTo(UpdateAction.UPDATE);
        assertThat(updater.act(UpdateAction.RESOLVE, "fb-1", GRACE, request("done")).getAction()).isEqualTo(UpdateAction.RESOLVE);
    }

    @Test
    void anOpenOrAcknowledgedRowIsNotResolvedSoItIsNotReopened() {
        directory.state(row("fb-1", ComplaintStatus.BREACHED, NOW.minusSeconds(60)));
        directory.state(row("fb-2", ComplaintStatus.ACKNOWLEDGED, NOW.minusSeconds(60)));

        assertThat(refusal(UpdateAction.REOPEN, "fb-1")).isEqualTo(AckException.Reason.NOT_RESOLVED);
        assertThat(refusal(UpdateAction.REOPEN, "fb-2")).isEqualTo(AckException.Reason.NOT_RESOLVED);
        assertThat(directory.notResolved()).extracting(KnownComplaint::id, KnownComplaint::status).containsExactlyInAnyOrder(
                tuple("fb-1", ComplaintStatus.OPEN),
                tuple("fb-2", ComplaintStatus.ACKNOWLEDGED));
        assertThat(refusal(UpdateAction.UPDATE, "fb-1")).isEqualTo(AckException.Reason.NOT_ACKNOWLEDGED);
    }

    @Test
    void aRowWrittenBeforeAResolutionThisInstanceWroteDoesNotUndoIt() throws Exception {
        directory.escalated(SampleEvents.escalated("fb-1"));
        updater.act(UpdateAction.RESOLVE, "fb-1", GRACE, request("done"));

        // Read late: routing wrote these before it read the resolution.
        directory.state(row("fb-1", ComplaintStatus.BREACHED, NOW.minusSeconds(30)));
        directory.state(row("fb-1", ComplaintStatus.REOPENED, NOW.minusSeconds(20)));

        assertThat(directory.find("fb-1").orElseThrow().resolved()).isTrue();
        assertThat(directory.find("fb-1").orElseThrow().resolution().by()).isEqualTo("grace");
        // Routing's row of that resolution, and a later reopening by another instance, are taken.
        directory.state(row("fb-1", ComplaintStatus.RESOLVED, NOW.plusSeconds(1)));
        assertThat(directory.find("fb-1").orElseThrow().resolution().by()).isEqualTo("alan");
        directory.state(row("fb-1", ComplaintStatus.REOPENED, NOW.plusSeconds(10)));
        assertThat(directory.find("fb-1").orElseThrow().resolved()).isFalse();
    }

    @Test
    void aResolutionOfAComplaintNobodyAcknowledgedAcknowledgesItHere() throws Exception {
        directory.escalated(SampleEvents.escalated("fb-1"));
        assertThat(directory.open()).extracting(KnownComplaint::id).containsExactly("fb-1");

        updater.act(UpdateAction.RESOLVE, "fb-1", GRACE, request("done"));

        assertThat(directory.open()).isEmpty();
        assertThat(directory.find("fb-1").orElseThrow().acknowledgement().getAgent()).isEqualTo("grace");
        // An escalation read again keeps what is known of the complaint.
        directory.escalated(SampleEvents.escalated("fb-1"));
        assertThat(directory.find("fb-1").orElseThrow().resolved()).isTrue();
    }
}
