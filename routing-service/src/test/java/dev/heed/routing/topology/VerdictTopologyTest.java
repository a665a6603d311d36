package dev.heed.routing.topology;

import static dev.heed.routing.topology.RoutingDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.DueKind;
import dev.heed.events.EscalationLevel;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.ResponseDue;
import dev.heed.events.UpdateAction;
import dev.heed.events.VerdictLink;
import dev.heed.routing.deadletter.DeadLetters;
import dev.heed.routing.deadletter.RefusedRecordException;
import dev.heed.routing.sla.PolicyBookFormat;
import dev.heed.routing.topology.processor.ComplaintClockProcessor;
import dev.heed.routing.topology.store.AcknowledgedComplaint;
import dev.heed.routing.topology.store.StoreNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The customer's verdict on a resolution, read from feedback.received keyed by its complaint: classified like any
 * feedback, then attached to the complaint instead of starting one. A negative verdict (score 2 or less, or a text the
 * scripted classifier finds negative: one naming a severity) reopens the resolved complaint and escalates it one level;
 * any other is recorded. A critical complaint comes at T0, is acknowledged at 5 min and resolved at 10 min.
 */
class VerdictTopologyTest {

    private static final Instant ACKED = T0.plus(Duration.ofMinutes(5));
    private static final Instant RESOLVED = T0.plus(Duration.ofMinutes(10));
    private static final Instant ANSWERED = T0.plus(Duration.ofHours(2));

    @TempDir
    Path stateDir;
    private RoutingDriver routing;

    private void start(String guarantee) {
        start(new RoutingDriver(stateDir, guarantee));
    }

    /** The complaint's life until {@code driver} is at ANSWERED, with only what comes from then on left to read. */
    private void start(RoutingDriver driver) {
        routing = driver;
        routing.sendFeedback("c-1", "charged twice CRITICAL", T0);
        routing.advanceTo(ACKED);
        routing.acknowledge("c-1", "ack-1", ACKED, null);
        routing.advanceTo(RESOLVED);
        routing.act("c-1", "r-1", RESOLVED, null, UpdateAction.RESOLVE);
        routing.advanceTo(ANSWERED);
        routing.escalated.readValuesToList();
        routing.classified.readValuesToList();
        assertThat(routing.lastState("c-1").getStatus()).isEqualTo(ComplaintStatus.RESOLVED);
    }

    private void start() {
        start(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @AfterEach
    void stop() {
        routing.close();
    }

    /** A verdict as ingest writes it: keyed by the complaint, its own event id, the score also as the rating. */
    private void verdict(String key, String complaintId, String eventId, String resolutionId, int score, String text) {
        FeedbackReceived verdict = FeedbackReceived.newBuilder(RoutingDriver.feedback(eventId, text, routing.now()))
                .setSourceSystem("verdict").setRating(score)
                .setVerdict(new VerdictLink(complaintId, resolutionId, score)).build();
        routing.feedback.pipeInput(key, verdict, routing.now());
    }

    private void verdict(String eventId, String resolutionId, int score, String text) {
        verdict("c-1", "c-1", eventId, resolutionId, score, text);
    }

    @Test
    void aVerdictOfOneReopensTheResolvedComplaintAndEscalatesItALevelWithoutANewComplaintTellingItsAgentsOnce() {
        start();
        verdict("v-1", "r-1", 1, "still not refunded");

        ComplaintState reopened = routing.lastState("c-1");
        assertThat(reopened).extracting(ComplaintState::getStatus, ComplaintState::getReopenings, ComplaintState::getResolutions,
                ComplaintState::getResolvedAt, ComplaintState::getLevel).containsExactly(ComplaintStatus.REOPENED, 1, 1, null,
                EscalationLevel.TEAM_LEAD);
        assertThat(reopened).extracting(ComplaintState::getVerdictScore, ComplaintState::getVerdictFeedbackId, ComplaintState::getVerdictAt,
                ComplaintState::getVerdictResolutionId).containsExactly(1, "v-1", ANSWERED, "r-1");
        assertThat(reopened.getUpdatedAt()).isEqualTo(ANSWERED);
        // Classified like any feedback, under its complaint's key; never escalated as a complaint of its own.
        TestRecord<String, FeedbackClassified> classified = routing.classified.readRecord();
        assertThat(classified.key()).isEqualTo("c-1");
        assertThat(classified.value().getFeedback().getEventId()).isEqualTo("v-1");
        assertThat(routing.escalated.isEmpty()).isTrue();
        assertThat(routing.deadLetters.isEmpty()).isTrue();
        // One point tells the agents, up to the level it climbed to, with the customer's score and words.
        assertThat(routing.due.readValuesToList()).singleElement().satisfies(due -> {
            assertThat(due).extracting(ResponseDue::getKind, ResponseDue::getLevel, ResponseDue::getReminderNumber, ResponseDue::getDueAt,
                    ResponseDue::getBreachAt, ResponseDue::getOverdueByMillis).containsExactly(DueKind.REOPENED, EscalationLevel.TEAM_LEAD,
                    1, ANSWERED, ANSWERED, 0L);
            assertThat(due).extracting(ResponseDue::getReopeningId, ResponseDue::getReopenedBy, ResponseDue::getVerdictScore,
                    ResponseDue::getVerdictText, ResponseDue::getPromisedAt).containsExactly("v-1", null, 1, "still not refunded", null);
        });
        assertThat(reopened.getRemindersSent()).as("the reopening's point counts with the others").isEqualTo(1);
    }

    @Test
    void aGoodScoreWithANegativeTextIsNegativeToo() {
        start();
        verdict("v-1", "r-1", 4, "you closed it but it is broken HIGH");

        assertThat(routing.lastState("c-1")).extracting(ComplaintState::getStatus, ComplaintState::getLevel, ComplaintState::getVerdictScore)
                .containsExactly(ComplaintStatus.REOPENED, EscalationLevel.TEAM_LEAD, 4);
        assertThat(routing.escalated.isEmpty()).as("a negative verdict does not start a complaint of its own").isTrue();
    }

    @Test
    void aPositiveVerdictIsRecordedOnTheResolvedComplaint() {
        start();
        verdict("v-1", "r-1", 5, "thank you, all good");

        ComplaintState state = routing.lastState("c-1");
        assertThat(state).extracting(ComplaintState::getStatus, ComplaintState::getLevel, ComplaintState::getVerdictScore,
                ComplaintState::getVerdictFeedbackId, ComplaintState::getResolvedAt, ComplaintState::getReopenings)
                .containsExactly(ComplaintStatus.RESOLVED, EscalationLevel.AGENT, 5, "v-1", RESOLVED, 0);
        AcknowledgedComplaint kept = (AcknowledgedComplaint) routing.store(StoreNames.PROMISES).get("c-1");
        assertThat(kept.verdict().score()).isEqualTo(5);
        assertThat(routing.due.isEmpty()).as("nobody is told of a verdict that reopens nothing").isTrue();
    }

    @Test
    void theFirstVerdictOnAResolutionStandsAndALaterOneChangesNothing() {
        start();
        verdict("v-1", "r-1", 5, "thank you");
        routing.lastState("c-1");
        // Another event through the same link (another ingest instance after its memory was lost, say), and a repeat.
        verdict("v-2", "r-1", 1, "actually no");
        verdict("v-1", "r-1", 5, "thank you");

        assertThat(routing.state.isEmpty()).isTrue();
        assertThat(routing.deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aReopenedComplaintResolvedAgainMayBeAnsweredAgainAndClimbsAgain() {
        start();
        verdict("v-1", "r-1", 2, "no");
        routing.act("c-1", "r-2", ANSWERED.plusSeconds(600), null, UpdateAction.RESOLVE);
        assertThat(routing.lastState("c-1").getStatus()).isEqualTo(ComplaintStatus.RESOLVED);
        verdict("v-2", "r-2", 1, "still no");

        assertThat(routing.lastState("c-1")).extracting(ComplaintState::getStatus, ComplaintState::getLevel, ComplaintState::getReopenings,
                ComplaintState::getResolutions, ComplaintState::getVerdictResolutionId)
                .containsExactly(ComplaintStatus.REOPENED, EscalationLevel.MANAGER, 2, 2, "r-2");
    }

    @Test
    void aVerdictOnAComplaintAnAgentReopenedAlreadyIsRecordedAndReopensNothing() {
        start();
        routing.act("c-1", "o-1", ANSWERED.minusSeconds(60), null, UpdateAction.REOPEN);
        routing.state.readValuesToList();
        verdict("v-1", "r-1", 1, "bad");

        assertThat(routing.lastState("c-1")).extracting(ComplaintState::getStatus, ComplaintState::getReopenings, ComplaintState::getLevel,
                ComplaintState::getVerdictScore).containsExactly(ComplaintStatus.REOPENED, 1, EscalationLevel.AGENT, 1);
        // The agent's reopening told its agents once; the verdict after it reopened nothing, so told nobody.
        assertThat(routing.due.readValuesToList()).extracting(ResponseDue::getKind, ResponseDue::getReopeningId, ResponseDue::getReopenedBy,
                ResponseDue::getVerdictScore).containsExactly(tuple(DueKind.REOPENED, "o-1", "agent-9", null));
    }

    /**
     * Under a policy with a resolution target (4 h, warning at half of it), the resolution clock stopped at the resolution
     * starts afresh from a negative verdict's reopening, as from an agent's REOPEN: due 4 h after the verdict, its warning
     * and breach on complaints.response-due then, numbered after every earlier point (none here: acknowledged before the
     * first-response warning, resolved before the first run's). Its points start at the agent again, as a promise's do,
     * while the complaint's level shows the verdict's climb.
     */
    @Test
    void aNegativeVerdictRestartsTheResolutionClockFromTheReopening() {
        start(new RoutingDriver(stateDir, PolicyBookFormat.parse("crit: severity=CRITICAL target=15m resolve=4h resolve-warn=0.5\n"), T0));
        assertThat(routing.due.isEmpty()).as("the clock stopped at the resolution emits nothing").isTrue();

        verdict("v-1", "r-1", 1, "still not refunded");
        assertThat(routing.due.readValuesToList()).extracting(ResponseDue::getKind, ResponseDue::getReminderNumber)
                .containsExactly(tuple(DueKind.REOPENED, 1));

        Instant dueAt = ANSWERED.plus(Duration.ofHours(4));
        assertThat(routing.lastState("c-1")).extracting(ComplaintState::getStatus, ComplaintState::getLevel, ComplaintState::getReopenings,
                ComplaintState::getResolutionDueAt, ComplaintState::getResolutionBreached)
                .containsExactly(ComplaintStatus.REOPENED, EscalationLevel.TEAM_LEAD, 1, dueAt, false);
        routing.advanceTo(ANSWERED.plus(Duration.ofHours(2)).minusMillis(1));
        assertThat(routing.due.isEmpty()).isTrue();
        routing.advanceTo(ANSWERED.plus(Duration.ofHours(2)));
        routing.advanceTo(dueAt);
        assertThat(routing.due.readValuesToList()).extracting(ResponseDue::getKind, ResponseDue::getDueAt, ResponseDue::getBreachAt,
                ResponseDue::getReminderNumber, ResponseDue::getLevel).containsExactly(
                        tuple(DueKind.RESOLUTION_WARNING, ANSWERED.plus(Duration.ofHours(2)), dueAt, 2, EscalationLevel.AGENT),
                        tuple(DueKind.RESOLUTION_BREACH, dueAt, dueAt, 3, EscalationLevel.AGENT));
        assertThat(routing.lastState("c-1")).extracting(ComplaintState::getStatus, ComplaintState::getResolutionBreached,
                ComplaintState::getResolutionBreaches).containsExactly(ComplaintStatus.REOPENED, true, 1);
    }

    /** At-least-once only because of the test driver, which drops a dead letter under exactly-once (see DeadLetterTopologyTest). */
    @Test
    void aVerdictOnAComplaintRoutingDoesNotKnowIsDeadLetteredWithItsReasonAndTheNextRecordIsProcessed() {
        start(StreamsConfig.AT_LEAST_ONCE);
        verdict("c-9", "c-9", "v-9", "r-1", 1, "who are you");
        routing.sendFeedback("c-2", "broken HIGH", routing.now());

        TestRecord<byte[], byte[]> dead = routing.deadLetters.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("c-9");
        assertThat(header(dead, DeadLetters.EXCEPTION)).isEqualTo(RefusedRecordException.class.getName());
        assertThat(header(dead, DeadLetters.MESSAGE)).startsWith(ComplaintClockProcessor.VERDICT_UNMATCHED + ": verdict v-9 on complaint c-9")
                .contains("does not know");
        assertThat(header(dead, DeadLetters.TOPIC)).isEqualTo(routing.topics.feedbackReceived().name());
        assertThat(routing.topics.feedbackReceived().valueSerde().deserializer()
                .deserialize(routing.topics.feedbackReceived().name(), dead.value()).getVerdict().getComplaintId()).isEqualTo("c-9");
        // Still classified (kept and visible on feedback.classified), and the pipeline goes on.
        assertThat(routing.classified.readValuesToList()).extracting(c -> c.getFeedback().getEventId()).containsExactly("v-9", "c-2");
        assertThat(routing.escalated.readValue().getComplaintId()).isEqualTo("c-2");
        assertThat(routing.deadLettered).hasValue(1);
    }

    @Test
    void aVerdictOnAComplaintNobodyAcknowledgedOrUnderAnotherKeyIsDeadLetteredToo() {
        start(StreamsConfig.AT_LEAST_ONCE);
        routing.sendFeedback("c-2", "broken HIGH", routing.now());
        verdict("c-2", "c-2", "v-2", "r-1", 1, "bad");
        verdict("v-1", "c-1", "v-1", "r-1", 1, "keyed by its own id");

        TestRecord<byte[], byte[]> open = routing.deadLetters.readRecord();
        assertThat(header(open, DeadLetters.MESSAGE)).contains("c-2, which nobody has acknowledged or resolved yet");
        TestRecord<byte[], byte[]> miskeyed = routing.deadLetters.readRecord();
        assertThat(header(miskeyed, DeadLetters.MESSAGE)).contains("keyed v-1, not by its complaint");
        assertThat(routing.state.readValuesToList()).extracting(ComplaintState::getComplaintId).doesNotContain("c-1");
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
