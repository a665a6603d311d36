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

    private <V> void read(Topic<String, V> topic, V event) {
        byte[] value = topic.valueSerde().serializer().serialize(topic.name(), event);
        feed.accept(new ConsumerRecord<>(topic.name(), 0, offset++, new byte[0], value));
    }
}
