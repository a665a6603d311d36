package dev.heed.routing.topology;

import static dev.heed.routing.topology.RoutingDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.UpdateAction;
import dev.heed.routing.sla.AutoClose;
import dev.heed.routing.sla.PolicyBook;
import dev.heed.routing.sla.PolicyBookFormat;
import dev.heed.routing.topology.store.StoreNames;
import dev.heed.schemas.topics.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A complaint waiting on the customer under a policy with {@code auto-close=7d} is resolved by routing itself 7 days
 * later, exactly once, with one RESOLVE update on complaints.updated for the responder to tell the customer, unless the
 * customer replies or an agent resumes it first; a wait on a third party never closes. Critical complaints close after
 * 7 days; high ones after 2 Berlin business days (16 open hours).
 */
class AutoCloseTopologyTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final PolicyBook POLICIES = PolicyBookFormat.parse("""
            crit: severity=CRITICAL target=15m resolve=30d auto-close=7d
            berlin-desk: severity=HIGH target=4h auto-close=16h calendar=berlin
            """, PolicyBookFormat.calendars("berlin: zone=Europe/Berlin hours=Mon-Fri/09:00-17:00"));
    private static final Instant ACKED = T0.plus(Duration.ofMinutes(5));
    private static final Instant PAUSED = T0.plus(Duration.ofHours(1));
    private static final Instant CLOSES = PAUSED.plus(Duration.ofDays(7));

    @TempDir
    Path stateDir;

    @Test
    void aComplaintWaitingOnTheCustomerForSevenDaysIsClosedOnceWithOneUpdateForTheCustomer() {
        try (RoutingDriver routing = waitingOnTheCustomer()) {
            TestOutputTopic<String, ComplaintUpdated> updated = updated(routing);
            assertThat(routing.lastState("c-1")).extracting(ComplaintState::getStatus, ComplaintState::getAutoCloseAt)
                    .containsExactly(ComplaintStatus.WAITING_ON_CUSTOMER, CLOSES);

            routing.advanceTo(CLOSES.minusMillis(1));
            assertThat(updated.isEmpty()).as("nothing before the 7 days are up").isTrue();
            routing.advanceTo(CLOSES);

            List<ComplaintUpdated> closes = updated.readValuesToList();
            assertThat(closes).extracting(ComplaintUpdated::getUpdateId, ComplaintUpdated::getAction, ComplaintUpdated::getUpdatedAt,
                    ComplaintUpdated::getAgent).containsExactly(org.assertj.core.groups.Tuple.tuple("auto-close:c-1:1", UpdateAction.RESOLVE,
                    CLOSES, AutoClose.AGENT));
            ComplaintState closed = routing.lastState("c-1");
            assertThat(closed).extracting(ComplaintState::getStatus, ComplaintState::getAutoClosed, ComplaintState::getResolvedAt,
                    ComplaintState::getResolvedBy, ComplaintState::getPausedSince, ComplaintState::getPausedMillis, ComplaintState::getAutoCloseAt)
                    .containsExactly(ComplaintStatus.RESOLVED, true, CLOSES, AutoClose.AGENT, null, Duration.ofDays(7).toMillis(), null);

            // Its own update read back (the driver pipes complaints.updated in again) changes nothing; nor do more days.
            routing.advanceTo(CLOSES.plus(Duration.ofDays(30)));
            assertThat(updated.isEmpty()).isTrue();
            assertThat(routing.state.isEmpty()).isTrue();
            assertThat(routing.entries(StoreNames.PROMISE_DUE_INDEX)).as("no close pending in the index").isZero();
        }
    }

    @Test
    void aReplyBeforeTheSevenDaysCancelsTheClose() {
        try (RoutingDriver routing = waitingOnTheCustomer()) {
            TestOutputTopic<String, ComplaintUpdated> updated = updated(routing);
            routing.advanceTo(PAUSED.plus(Duration.ofDays(6)));
            FeedbackReceived reply = FeedbackReceived.newBuilder(RoutingDriver.feedback("r-1", "Here is the receipt", routing.now()))
                    .setReplyTo("c-1").build();
            routing.feedback.pipeInput("r-1", reply, routing.now());
            assertThat(routing.lastState("c-1")).extracting(ComplaintState::getStatus, ComplaintState::getAutoCloseAt)
                    .containsExactly(ComplaintStatus.ACKNOWLEDGED, null);

            routing.advanceTo(CLOSES.plus(Duration.ofDays(30)));
            assertThat(updated.isEmpty()).isTrue();
            assertThat(routing.entries(StoreNames.PROMISE_DUE_INDEX)).isZero();
        }
    }

    @Test
    void aResumeCancelsTheCloseAndANewWaitCountsAfreshUnderItsOwnUpdateId() {
        try (RoutingDriver routing = waitingOnTheCustomer()) {
            TestOutputTopic<String, ComplaintUpdated> updated = updated(routing);
            Instant resumed = PAUSED.plus(Duration.ofDays(3));
            routing.advanceTo(resumed);
            routing.act("c-1", "resume-1", resumed, null, UpdateAction.RESUME);
            routing.advanceTo(CLOSES);
            assertThat(updated.isEmpty()).as("resumed: no close").isTrue();

            routing.act("c-1", "wait-2", CLOSES, null, UpdateAction.WAIT_ON_CUSTOMER);
            routing.advanceTo(CLOSES.plus(Duration.ofDays(7)));
            assertThat(updated.readValuesToList()).extracting(ComplaintUpdated::getUpdateId).containsExactly("auto-close:c-1:2");
        }
    }

    @Test
    void aWaitOnAThirdPartyNeverClosesAndASwitchToTheCustomerCountsFromTheSwitch() {
        try (RoutingDriver routing = new RoutingDriver(stateDir, POLICIES, T0)) {
            acknowledged(routing);
            routing.act("c-1", "wait-1", PAUSED, null, UpdateAction.WAIT_ON_THIRD_PARTY);
            TestOutputTopic<String, ComplaintUpdated> updated = updated(routing);
            assertThat(routing.lastState("c-1").getAutoCloseAt()).isNull();
            Instant switched = PAUSED.plus(Duration.ofDays(20));
            routing.advanceTo(switched);
            assertThat(updated.isEmpty()).as("the carrier's delay is not the customer's silence").isTrue();

            routing.act("c-1", "wait-2", switched, null, UpdateAction.WAIT_ON_CUSTOMER);
            assertThat(routing.lastState("c-1")).extracting(ComplaintState::getPausedSince, ComplaintState::getAutoCloseAt)
                    .containsExactly(PAUSED, switched.plus(Duration.ofDays(7)));
            routing.advanceTo(switched.plus(Duration.ofDays(7)).minusMillis(1));
            assertThat(updated.isEmpty()).isTrue();
            routing.advanceTo(switched.plus(Duration.ofDays(7)));
            assertThat(updated.readValuesToList()).extracting(ComplaintUpdated::getUpdateId).containsExactly("auto-close:c-1:1");
        }
    }

    @Test
    void theWaitCountsInThePolicysBusinessCalendar() {
        Instant friday = local("2026-03-06T12:00");
        try (RoutingDriver routing = new RoutingDriver(stateDir, POLICIES, friday)) {
            routing.sendFeedback("b-1", "parcel lost HIGH", friday);
            routing.advanceTo(friday.plusSeconds(60));
            routing.act("b-1", "wait-1", friday.plusSeconds(60), null, UpdateAction.WAIT_ON_CUSTOMER);
            TestOutputTopic<String, ComplaintUpdated> updated = updated(routing);
            // 16 open hours from Friday 12:01: 5 on Friday, 8 on Monday, 3 on Tuesday.
            Instant closes = local("2026-03-10T12:01");
            assertThat(routing.lastState("b-1").getAutoCloseAt()).isEqualTo(closes);
            routing.advanceTo(closes.minusMillis(1));
            assertThat(updated.isEmpty()).isTrue();
            routing.advanceTo(closes);
            assertThat(updated.readValuesToList()).extracting(ComplaintUpdated::getUpdateId).containsExactly("auto-close:b-1:1");
        }
    }

    @Test
    void aPolicyWithoutAutoCloseWaitsForever() {
        try (RoutingDriver routing = new RoutingDriver(stateDir, PolicyBook.defaults(), T0)) {
            acknowledged(routing);
            routing.act("c-1", "wait-1", PAUSED, null, UpdateAction.WAIT_ON_CUSTOMER);
            TestOutputTopic<String, ComplaintUpdated> updated = updated(routing);
            assertThat(routing.lastState("c-1").getAutoCloseAt()).isNull();
            routing.advanceTo(T0.plus(Duration.ofDays(365)));
            assertThat(updated.isEmpty()).isTrue();
            assertThat(routing.state.isEmpty()).isTrue();
        }
    }

    private RoutingDriver waitingOnTheCustomer() {
        RoutingDriver routing = new RoutingDriver(stateDir, POLICIES, T0);
        acknowledged(routing);
        routing.act("c-1", "wait-1", PAUSED, null, UpdateAction.WAIT_ON_CUSTOMER);
        return routing;
    }

    private static void acknowledged(RoutingDriver routing) {
        routing.sendFeedback("c-1", "charged twice CRITICAL", T0);
        routing.advanceTo(ACKED);
        routing.acknowledge("c-1", ACKED);
        routing.advanceTo(PAUSED);
    }

    /** complaints.updated as routing writes it; the agents' own updates piped in by the test are read off first. */
    private static TestOutputTopic<String, ComplaintUpdated> updated(RoutingDriver routing) {
        Topic<String, ComplaintUpdated> topic = routing.topics.complaintsUpdated();
        TestOutputTopic<String, ComplaintUpdated> out = routing.driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
        out.readValuesToList();
        return out;
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(BERLIN).toInstant();
    }
}
