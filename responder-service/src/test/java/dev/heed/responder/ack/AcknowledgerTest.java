package dev.heed.responder.ack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.events.AckSource;
import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.schemas.SampleEvents;
import dev.heed.runtime.auth.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AcknowledgerTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Principal GRACE = new Principal(Principal.Kind.AGENT, "grace");
    private static final Principal BILLING = new Principal(Principal.Kind.TEAM, "billing");

    private final ComplaintDirectory directory = new ComplaintDirectory();
    private final List<ComplaintAcknowledged> written = new ArrayList<>();
    private final Acknowledger acknowledger = new Acknowledger(directory, written::add, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void knowOneComplaint() {
        directory.escalated(SampleEvents.escalated("fb-1"));
    }

    private static AckRequest request(String agent) {
        return new AckRequest(agent, "on it", NOW.plusSeconds(3600), AckSource.API);
    }

    @Test
    void shouldWriteTheAcknowledgementOnceAndReturnItToEveryRepeat() throws Exception {
        Acknowledger.Result first = acknowledger.acknowledge("fb-1", GRACE, request(null));
        Acknowledger.Result again = acknowledger.acknowledge("fb-1", GRACE, request(null));
        Acknowledger.Result colleague = acknowledger.acknowledge("fb-1", BILLING, request("alan"));

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(colleague.created()).isFalse();
        assertThat(again.acknowledgement()).isEqualTo(first.acknowledgement());
        assertThat(written).containsExactly(first.acknowledgement());
        ComplaintAcknowledged ack = first.acknowledgement();
        assertThat(ack.getAgent()).isEqualTo("grace");
        assertThat(ack.getTeam()).isNull();
        assertThat(ack.getAcknowledgedAt()).isEqualTo(NOW);
        assertThat(ack.getNextUpdateBy()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(ack.getAcknowledgementId()).isEqualTo(Acknowledger.acknowledgementId("fb-1"));
    }

    @Test
    void shouldRecordTheTeamAndTheNamedAgentForATeamToken() throws Exception {
        ComplaintAcknowledged ack = acknowledger.acknowledge("fb-1", BILLING, request("alan")).acknowledgement();

        assertThat(ack.getAgent()).isEqualTo("alan");
        assertThat(ack.getTeam()).isEqualTo("billing");
    }

    @Test
    void shouldRefuseAnUnknownComplaint() {
        assertThatThrownBy(() -> acknowledger.acknowledge("fb-404", GRACE, request(null)))
                .isInstanceOfSatisfying(AckException.class, e -> assertThat(e.reason()).isEqualTo(AckException.Reason.UNKNOWN_COMPLAINT));
    }

    @Test
    void shouldRefuseAnAgentTokenActingForSomeoneElse() {
        assertThatThrownBy(() -> acknowledger.acknowledge("fb-1", GRACE, request("alan")))
                .isInstanceOfSatisfying(AckException.class, e -> assertThat(e.reason()).isEqualTo(AckException.Reason.FORBIDDEN));
        assertThat(written).isEmpty();
    }

    @Test
    void shouldJudgeTheTokenTheSameWayOnAnAlreadyAcknowledgedComplaint() throws Exception {
        acknowledger.acknowledge("fb-1", GRACE, request(null));

        assertThatThrownBy(() -> acknowledger.acknowledge("fb-1", GRACE, request("mallory")))
                .isInstanceOfSatisfying(AckException.class, e -> assertThat(e.reason()).isEqualTo(AckException.Reason.FORBIDDEN));
        assertThatThrownBy(() -> acknowledger.acknowledge("fb-1", BILLING, request(null)))
                .isInstanceOfSatisfying(AckException.class, e -> assertThat(e.reason()).isEqualTo(AckException.Reason.AGENT_REQUIRED));
        assertThat(written).hasSize(1);
    }

    @Test
    void shouldRequireATeamTokenToNameTheAgent() {
        assertThatThrownBy(() -> acknowledger.acknowledge("fb-1", BILLING, request(null)))
                .isInstanceOfSatisfying(AckException.class, e -> assertThat(e.reason()).isEqualTo(AckException.Reason.AGENT_REQUIRED));
    }

    @Test
    void shouldReportAFailedWriteAsUnavailableAndStayUnacknowledged() throws Exception {
        Acknowledger broken = new Acknowledger(directory, ack -> { throw new IllegalStateException("broker down"); },
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> broken.acknowledge("fb-1", GRACE, request(null)))
                .isInstanceOfSatisfying(AckException.class, e -> assertThat(e.reason()).isEqualTo(AckException.Reason.UNAVAILABLE));
        assertThat(acknowledger.acknowledge("fb-1", GRACE, request(null)).created()).isTrue();
    }

    @Test
    void shouldKnowComplaintsFromTheirStateRowAndAcknowledgementsFromIt() throws Exception {
        ComplaintState state = SampleEvents.state("fb-2"); // ACKNOWLEDGED by grace
        directory.state(state);

        Acknowledger.Result result = acknowledger.acknowledge("fb-2", GRACE, request(null));

        assertThat(result.created()).isFalse();
        assertThat(result.acknowledgement().getAgent()).isEqualTo("grace");
        state.setComplaintId("fb-3");
        state.setStatus(ComplaintStatus.BREACHED);
        directory.state(state);
        assertThat(acknowledger.acknowledge("fb-3", GRACE, request(null)).created()).isTrue();
    }

    @Test
    void shouldNotTakeAnAcknowledgementReadBackAsProofThatAComplaintExists() {
        directory.acknowledged(SampleEvents.acknowledged("fb-9"));

        assertThat(directory.find("fb-9")).isEmpty();
        directory.escalated(SampleEvents.escalated("fb-9"));
        assertThat(directory.find("fb-9")).get().extracting(ComplaintDirectory.KnownComplaint::acknowledgement).isNotNull();
    }
}
