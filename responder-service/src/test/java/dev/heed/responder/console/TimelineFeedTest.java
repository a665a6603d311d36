package dev.heed.responder.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.UpdateAction;
import dev.heed.events.VerdictLink;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.DeliveryChannel;
import dev.heed.events.DeliveryOutcome;
import dev.heed.events.DueKind;
import dev.heed.events.ResponseDue;
import dev.heed.events.ResponseKind;
import dev.heed.events.ResponseSent;
import dev.heed.responder.delivery.MessageIds;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.FeedbackReceived;
import dev.heed.schemas.SampleEvents;
import dev.heed.schemas.registry.InMemorySchemaRegistry;
import dev.heed.schemas.topics.HeedTopics;
import dev.heed.schemas.topics.Topic;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What the feed makes of a feedback's times: routing's latency from received to classified and escalated. */
class TimelineFeedTest {
    private static final Instant RECEIVED = Instant.parse("2026-11-20T12:00:00.250Z");

    private final HeedTopics topics = HeedTopics.create(new InMemorySchemaRegistry(), true, 1);
    private final TimelineIndex index = new TimelineIndex(100, 100);
    private final TimelineFeed feed = new TimelineFeed(topics, index, new DeadLetters(10));
    private long offset;

    @Test
    void shouldShowHowLongAfterItWasReceivedAFeedbackWasClassifiedAndEscalated() {
        FeedbackReceived feedback = SampleEvents.feedback("fb-1");
        feedback.setReceivedAt(RECEIVED);
        FeedbackClassified classified = SampleEvents.classified("fb-1");
        classified.setFeedback(feedback);
        classified.setClassifiedAt(RECEIVED.plusMillis(180));
        ComplaintEscalated escalated = escalated("fb-1", RECEIVED.plusMillis(185), RECEIVED);

        // The feed reads topics independently: the escalation may come first.
        read(topics.complaintsEscalated(), escalated);
        read(topics.feedbackClassified(), classified);
        read(topics.feedbackReceived(), feedback);

        ComplaintFacts facts = index.facts("fb-1").orElseThrow();
        assertThat(facts.receivedAt()).isEqualTo(RECEIVED);
        assertThat(facts.classifiedAfterMillis()).isEqualTo(180);
        assertThat(facts.escalatedAfterMillis()).isEqualTo(185);
    }

    @Test
    void shouldTakeTheReceivedTimeFromTheEscalationWhenItIsAllThatIsHeld() {
        read(topics.complaintsEscalated(), escalated("fb-2", RECEIVED.plusSeconds(3), RECEIVED));

        ComplaintFacts facts = index.facts("fb-2").orElseThrow();
        assertThat(facts.receivedAt()).isEqualTo(RECEIVED);
        assertThat(facts.escalatedAfterMillis()).isEqualTo(3000);
        assertThat(facts.classifiedAfterMillis()).isNull();
    }

    @Test
    void shouldShowNoLatencyForAnEscalationThatDoesNotSayWhenItsFeedbackWasReceived() {
        // From routing before ComplaintEscalated 3: escalatedAt was the received time, so there is nothing to measure.
        read(topics.complaintsEscalated(), escalated("fb-3", RECEIVED, null));

        ComplaintFacts facts = index.facts("fb-3").orElseThrow();
        assertThat(facts.receivedAt()).isEqualTo(RECEIVED);
        assertThat(facts.escalatedAfterMillis()).isNull();
    }

    @Test
    void shouldReadPromisesUpdatesTheirDeliveryAndRoutingsCountsFromTheirTopics() {
        Instant promised = RECEIVED.plusSeconds(3600);
        read(topics.complaintsEscalated(), escalated("fb-4", RECEIVED.plusSeconds(1), RECEIVED));
        ComplaintAcknowledged ack = SampleEvents.acknowledged("fb-4");
        ack.setAcknowledgedAt(RECEIVED.plusSeconds(60));
        ack.setNextUpdateBy(promised);
        read(topics.complaintsAcknowledged(), ack);
        ResponseDue broken = SampleEvents.responseDue("fb-4");
        broken.setKind(DueKind.PROMISE_BROKEN);
        broken.setPromisedAt(promised);
        broken.setBreachAt(promised);
        broken.setDueAt(promised);
        broken.setEmittedAt(promised.plusMillis(300));
        broken.setOverdueByMillis(300);
        read(topics.responseDue(), broken);
        ComplaintUpdated update = SampleEvents.updated("fb-4");
        update.setUpdatedAt(promised.plusSeconds(600));
        update.setNextUpdateBy(null);
        read(topics.complaintsUpdated(), update);
        ResponseSent sent = SampleEvents.responseSent("fb-4");
        sent.setMessageId(MessageIds.update("fb-4", update.getUpdateId()));
        sent.setKind(ResponseKind.CUSTOMER_UPDATE);
        sent.setChannel(DeliveryChannel.EMAIL);
        sent.setOutcome(DeliveryOutcome.SENT);
        sent.setError(null);
        read(topics.responsesSent(), sent);
        ComplaintState state = SampleEvents.state("fb-4");
        state.setPromisesMade(1);
        state.setPromisesBroken(1);
        read(topics.complaintsState(), state);
        // Read twice (the feed re-read a topic): still one of each.
        offset -= 6;
        read(topics.complaintsEscalated(), escalated("fb-4", RECEIVED.plusSeconds(1), RECEIVED));
        read(topics.complaintsAcknowledged(), ack);
        read(topics.responseDue(), broken);
        read(topics.complaintsUpdated(), update);

        PromiseHistory.Ledger ledger = index.promises("fb-4", promised.plusSeconds(900)).orElseThrow();

        assertThat(ledger.promises()).singleElement().satisfies(p -> {
            assertThat(p.outcome()).isEqualTo(PromiseHistory.Outcome.BROKEN);
            assertThat(p.madeBy()).isEqualTo("grace");
            assertThat(p.brokenReportedAt()).isEqualTo(promised.plusMillis(300));
            assertThat(p.endedBy()).isEqualTo(update.getUpdateId());
        });
        assertThat(ledger.updates()).singleElement().satisfies(u -> {
            assertThat(u.message()).isEqualTo(update.getMessage());
            assertThat(u.delivery().outcome()).isEqualTo("SENT");
            assertThat(u.delivery().channel()).isEqualTo("EMAIL");
        });
        assertThat(ledger.agrees()).isTrue();
        ComplaintFacts facts = index.facts("fb-4").orElseThrow();
        assertThat(facts.queue()).isEqualTo("billing");
        assertThat(facts.promises().broken()).isEqualTo(1);
        List<TimelineEntry> timeline = index.timeline("fb-4").orElseThrow();
        assertThat(timeline).extracting(TimelineEntry::stage).contains(TimelineEntry.Stage.UPDATED);
        assertThat(timeline.stream().filter(e -> e.stage() == TimelineEntry.Stage.REMINDER).findFirst().orElseThrow()
                .details()).containsEntry("kind", "PROMISE_BROKEN").containsEntry("promisedAt", promised.toEpochMilli());
    }

    private static ComplaintEscalated escalated(String id, Instant escalatedAt, Instant receivedAt) {
        ComplaintEscalated escalated = SampleEvents.escalated(id);
        escalated.setEscalatedAt(escalatedAt);
        escalated.setReceivedAt(receivedAt);
        return escalated;
    }

    @Test
    void shouldShowWhoResolvedAComplaintWhenFromItsStateRowAndNameTheResolvingUpdate() {
        read(topics.complaintsEscalated(), escalated("fb-3", RECEIVED.plusSeconds(3), RECEIVED));
        ComplaintUpdated resolution = SampleEvents.updated("fb-3");
        resolution.setAction(UpdateAction.RESOLVE);
        resolution.setNextUpdateBy(null);
        read(topics.complaintsUpdated(), resolution);

        // Nobody acknowledged it: the resolution did.
        assertThat(index.facts("fb-3").orElseThrow().acknowledged()).isTrue();
        assertThat(index.facts("fb-3").orElseThrow().status()).isNull();
        assertThat(index.timeline("fb-3").orElseThrow()).filteredOn(e -> e.stage() == TimelineEntry.Stage.UPDATED).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("action", "RESOLVE"));
        assertThat(index.promises("fb-3", RECEIVED.plusSeconds(60)).orElseThrow().updates()).singleElement()
                .satisfies(u -> assertThat(u.action()).isEqualTo("RESOLVE"));

        ComplaintState state = SampleEvents.state("fb-3");
        state.setStatus(ComplaintStatus.RESOLVED);
        state.setAcknowledgedAt(null);
        state.setResolvedAt(resolution.getUpdatedAt());
        state.setResolvedBy("grace");
        read(topics.complaintsState(), state);

        ComplaintFacts facts = index.facts("fb-3").orElseThrow();
        assertThat(facts.status()).isEqualTo("RESOLVED");
        assertThat(facts.resolvedAt()).isEqualTo(resolution.getUpdatedAt());
        assertThat(facts.resolvedBy()).isEqualTo("grace");

        state.setStatus(ComplaintStatus.REOPENED);
        state.setResolvedAt(null);
        state.setResolvedBy(null);
        read(topics.complaintsState(), state);
        assertThat(index.facts("fb-3").orElseThrow()).extracting(ComplaintFacts::status, ComplaintFacts::resolvedBy)
                .containsExactly("REOPENED", null);
    }

    @Test
    void shouldShowACustomersVerdictOnTheComplaintItAnswersNotAsFeedbackOfItsOwn() {
        read(topics.complaintsEscalated(), escalated("fb-4", RECEIVED.plusSeconds(3), RECEIVED));
        FeedbackReceived verdict = SampleEvents.feedback("verdict-4");
        verdict.setText("Nothing arrived.");
        verdict.setVerdict(new VerdictLink("fb-4", "r-1", 1));
        read(topics.feedbackReceived(), verdict);
        read(topics.feedbackClassified(), new FeedbackClassified(verdict, SampleEvents.classification(), RECEIVED.plusSeconds(90)));

        assertThat(index.facts("verdict-4")).as("a verdict is no feedback waiting for a reply").isEmpty();
        assertThat(index.timeline("fb-4").orElseThrow()).filteredOn(e -> e.stage() == TimelineEntry.Stage.VERDICT).hasSize(2)
                .allSatisfy(e -> assertThat(e.details()).containsEntry("verdict", 1).containsEntry("resolution", "r-1"))
                .anySatisfy(e -> assertThat(e.details()).containsEntry("text", "Nothing arrived."))
                .anySatisfy(e -> assertThat(e.details()).containsKeys("sentiment", "segments"));
        assertThat(index.facts("fb-4").orElseThrow().verdict()).as("no state row read yet").isNull();

        ComplaintState state = SampleEvents.state("fb-4");
        state.setStatus(ComplaintStatus.REOPENED);
        state.setResolutions(1);
        state.setReopenings(1);
        state.setVerdictScore(1);
        state.setVerdictAt(verdict.getReceivedAt());
        state.setVerdictFeedbackId("verdict-4");
        state.setVerdictResolutionId("r-1");
        read(topics.complaintsState(), state);

        assertThat(index.facts("fb-4").orElseThrow().verdict())
                .isEqualTo(new ComplaintFacts.Verdict(1, 1, verdict.getReceivedAt(), "verdict-4", "Nothing arrived."));
    }

    @Test
    void shouldShowTheHoldAndEachCustomersReplyFromTheStateRows() {
        read(topics.complaintsEscalated(), escalated("fb-5", RECEIVED.plusSeconds(3), RECEIVED));
        ComplaintState state = SampleEvents.state("fb-5");
        state.setStatus(ComplaintStatus.WAITING_ON_CUSTOMER);
        state.setPausedSince(RECEIVED.plusSeconds(600));
        state.setPausedMillis(120_000);
        state.setPauses(2);
        read(topics.complaintsState(), state);

        ComplaintFacts held = index.facts("fb-5").orElseThrow();
        assertThat(held.hold()).isEqualTo(new ComplaintFacts.Hold("CUSTOMER", RECEIVED.plusSeconds(600), 120_000, 2));
        assertThat(held.hold().heldMillis(RECEIVED.plusSeconds(660))).as("the ended holds and a minute of this one").isEqualTo(180_000);
        assertThat(held.replies()).isEqualTo(new ComplaintFacts.Replies(0, 0, null, null, false));

        // The customer answers (negatively): routing resumes the complaint and counts the reply on the same row.
        state.setStatus(ComplaintStatus.ACKNOWLEDGED);
        state.setPausedSince(null);
        state.setPausedMillis(180_000);
        state.setReplies(1);
        state.setNegativeReplies(1);
        state.setLastReplyAt(RECEIVED.plusSeconds(660));
        state.setLastReplyFeedbackId("reply-1");
        state.setLastReplyNegative(true);
        read(topics.complaintsState(), state);
        read(topics.complaintsState(), state); // a row that repeats the same reply adds nothing
        state.setReplies(2);
        state.setLastReplyAt(RECEIVED.plusSeconds(900));
        state.setLastReplyFeedbackId("reply-2");
        state.setLastReplyNegative(false);
        read(topics.complaintsState(), state);

        ComplaintFacts resumed = index.facts("fb-5").orElseThrow();
        assertThat(resumed.hold()).isEqualTo(new ComplaintFacts.Hold(null, null, 180_000, 2));
        assertThat(resumed.hold().onHold()).isFalse();
        assertThat(resumed.hold().heldMillis(RECEIVED.plusSeconds(5000))).isEqualTo(180_000);
        assertThat(resumed.replies()).isEqualTo(new ComplaintFacts.Replies(2, 1, RECEIVED.plusSeconds(900), "reply-2", false));
        assertThat(index.timeline("fb-5").orElseThrow()).filteredOn(e -> e.stage() == TimelineEntry.Stage.CUSTOMER_REPLY)
                .extracting(TimelineEntry::at, e -> e.details().get("feedbackId"), e -> e.details().get("negative"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RECEIVED.plusSeconds(660), "reply-1", true),
                        org.assertj.core.groups.Tuple.tuple(RECEIVED.plusSeconds(900), "reply-2", false));
    }

    @Test
    void shouldNameTheKnownProblemWhoseFixResolvedAComplaint() {
        read(topics.complaintsEscalated(), escalated("fb-6", RECEIVED.plusSeconds(3), RECEIVED));
        ComplaintUpdated fix = SampleEvents.updated("fb-6");
        fix.setAction(UpdateAction.RESOLVE);
        fix.setNextUpdateBy(null);
        fix.setUpdateId("fix:prb:double-charge:fb-6");
        read(topics.complaintsUpdated(), fix);
        ComplaintState state = SampleEvents.state("fb-6");
        state.setStatus(ComplaintStatus.RESOLVED);
        state.setResolvedAt(fix.getUpdatedAt());
        state.setResolvedBy("grace");
        read(topics.complaintsState(), state);

        assertThat(index.facts("fb-6").orElseThrow().fixedByProblem()).isEqualTo("prb:double-charge");
        assertThat(index.timeline("fb-6").orElseThrow()).filteredOn(e -> e.stage() == TimelineEntry.Stage.UPDATED).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("problem", "prb:double-charge"));

        // Reopened, then resolved by an agent: no longer the problem's resolution.
        state.setStatus(ComplaintStatus.REOPENED);
        read(topics.complaintsState(), state);
        assertThat(index.facts("fb-6").orElseThrow().fixedByProblem()).isNull();
        ComplaintUpdated byAgent = SampleEvents.updated("fb-6");
        byAgent.setAction(UpdateAction.RESOLVE);
        byAgent.setNextUpdateBy(null);
        byAgent.setUpdateId("r-2");
        read(topics.complaintsUpdated(), byAgent);
        state.setStatus(ComplaintStatus.RESOLVED);
        read(topics.complaintsState(), state);
        assertThat(index.facts("fb-6").orElseThrow().fixedByProblem()).isNull();
    }

    @Test
    void shouldReadOnlyAFixOfThisComplaintAsAProblemId() {
        assertThat(ComplaintFacts.problemOf("fix:p-1:c-1", "c-1")).isEqualTo("p-1");
        assertThat(ComplaintFacts.problemOf("fix:p-1:c-2", "c-1")).isNull();
        assertThat(ComplaintFacts.problemOf("fix::c-1", "c-1")).isNull();
        assertThat(ComplaintFacts.problemOf("r-1", "c-1")).isNull();
        assertThat(ComplaintFacts.problemOf(null, "c-1")).isNull();
    }

    private <V> void read(Topic<String, V> topic, V event) {
        byte[] value = topic.valueSerde().serializer().serialize(topic.name(), event);
        feed.accept(new ConsumerRecord<>(topic.name(), 0, offset++, new byte[0], value));
    }
}
