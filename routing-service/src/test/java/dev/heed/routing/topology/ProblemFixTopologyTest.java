package dev.heed.routing.topology;

import static dev.heed.routing.topology.RoutingDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.ProblemAction;
import dev.heed.events.ProblemUpdated;
import dev.heed.events.UpdateAction;
import dev.heed.routing.deadletter.DeadLetters;
import dev.heed.routing.problem.ProblemLinks;
import dev.heed.routing.topology.processor.ProblemLinksProcessor;
import dev.heed.routing.topology.store.StoreNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A known problem through the topology: complaints linked to it, the problem resolved, and each linked complaint that is
 * still open resolved with the problem's message once, on complaints.updated, its clocks stopped; a complaint resolved
 * already gets nothing. Critical complaints (first warning at 7 min 30 s, breach at 15 min) come at T0.
 */
class ProblemFixTopologyTest {

    private static final Instant ACKED = T0.plus(Duration.ofMinutes(2));
    private static final Instant LINKED = T0.plus(Duration.ofMinutes(3));
    private static final Instant FIXED = T0.plus(Duration.ofMinutes(4));

    @TempDir
    Path stateDir;
    private RoutingDriver routing;
    private TestInputTopic<String, ProblemUpdated> problems;
    private TestOutputTopic<String, ComplaintUpdated> updated;
    private TestOutputTopic<String, ComplaintUpdated> fixes;
    private int events;

    @BeforeEach
    void start() {
        routing = new RoutingDriver(stateDir);
        var topic = routing.topics.problemsUpdated();
        problems = routing.driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
        var out = routing.topics.complaintsUpdated();
        updated = routing.driver.createOutputTopic(out.name(), out.keySerde().deserializer(), out.valueSerde().deserializer());
        var fix = routing.topics.problemsFixes();
        fixes = routing.driver.createOutputTopic(fix.name(), fix.keySerde().deserializer(), fix.valueSerde().deserializer());
        for (String id : List.of("c-1", "c-2", "c-3", "c-4")) {
            routing.sendFeedback(id, "charged twice CRITICAL", T0);
        }
        routing.advanceTo(ACKED);
        routing.acknowledge("c-1", ACKED);
        routing.acknowledge("c-3", ACKED);
        routing.acknowledge("c-4", ACKED);
        routing.act("c-3", "r-3", ACKED, null, UpdateAction.RESOLVE);
        routing.advanceTo(LINKED);
        routing.state.readKeyValuesToList();
    }

    @AfterEach
    void stop() {
        routing.close();
    }

    @Test
    void resolvingTheProblemResolvesEachOpenLinkedComplaintOnceAndSkipsTheResolvedOne() {
        link("PRB-1", "c-1", "c-2", "c-3");
        routing.advanceTo(FIXED);
        resolve("PRB-1", "e-resolve", FIXED);

        List<ComplaintUpdated> sent = updated.readValuesToList();
        assertThat(sent).extracting(ComplaintUpdated::getComplaintId, ComplaintUpdated::getUpdateId, ComplaintUpdated::getAction)
                .containsExactlyInAnyOrder(
                        tuple("c-1", "fix:PRB-1:c-1", UpdateAction.RESOLVE),
                        tuple("c-2", "fix:PRB-1:c-2", UpdateAction.RESOLVE));
        assertThat(sent).allSatisfy(update -> {
            assertThat(update.getMessage()).isEqualTo("The double charge is refunded.");
            assertThat(update.getAgent()).isEqualTo("grace");
            assertThat(update.getUpdatedAt()).isEqualTo(FIXED);
        });
        assertThat(fixes.readKeyValuesToList()).extracting(kv -> kv.key).containsExactlyInAnyOrder("c-1", "c-2", "c-3");

        Map<String, ComplaintState> states = lastStates();
        assertThat(states.keySet()).containsExactlyInAnyOrder("c-1", "c-2");
        assertThat(states.values()).allSatisfy(state -> {
            assertThat(state.getStatus()).isEqualTo(ComplaintStatus.RESOLVED);
            assertThat(state.getResolvedBy()).isEqualTo("grace");
            assertThat(state.getResolvedAt()).isEqualTo(FIXED);
        });
        assertThat(states.get("c-2").getAcknowledgedBy()).as("a resolution of an unacknowledged complaint acknowledges it")
                .isEqualTo("grace");
        assertThat(routing.store(StoreNames.OPEN_CLOCKS).get("c-2")).as("c-2's first-response clock stopped").isNull();

        routing.advanceTo(T0.plus(Duration.ofHours(3)));
        assertThat(routing.due.readValuesToList()).as("no reminder after the fix").noneSatisfy(due ->
                assertThat(due.getComplaintId()).isIn("c-1", "c-2", "c-3"));
    }

    @Test
    void aRetriedOrSecondResolutionSendsNothingMore() {
        link("PRB-1", "c-1");
        resolve("PRB-1", "e-resolve", LINKED);
        assertThat(updated.readValuesToList()).hasSize(1);

        resolve("PRB-1", "e-resolve", LINKED);
        resolve("PRB-1", "e-resolve-again", LINKED);

        assertThat(updated.isEmpty()).isTrue();
        assertThat(fixes.readValuesToList()).hasSize(1);
    }

    @Test
    void aLinkAfterTheResolutionSendsTheFixAtOnceAndOnlyOnce() {
        link("PRB-1", "c-1");
        resolve("PRB-1", "e-resolve", LINKED);
        updated.readValuesToList();
        routing.advanceTo(FIXED);

        link("PRB-1", "c-4");
        link("PRB-1", "c-4");
        link("PRB-1", "c-3");

        assertThat(updated.readValuesToList()).singleElement().satisfies(update -> {
            assertThat(update.getUpdateId()).isEqualTo("fix:PRB-1:c-4");
            assertThat(update.getUpdatedAt()).as("stamped at the link").isEqualTo(FIXED);
        });
        assertThat(lastStates().get("c-4").getStatus()).isEqualTo(ComplaintStatus.RESOLVED);
    }

    @Test
    void anUnlinkBeforeTheResolutionTakesTheComplaintOut() {
        link("PRB-1", "c-1", "c-2");
        problems.pipeInput("PRB-1", event("PRB-1", ProblemAction.UNLINK, "c-2", null, "e-unlink", LINKED), LINKED);
        resolve("PRB-1", "e-resolve", LINKED);

        assertThat(updated.readValuesToList()).extracting(ComplaintUpdated::getComplaintId).containsExactly("c-1");
        assertThat(routing.store(StoreNames.OPEN_CLOCKS).get("c-2")).as("c-2 still waits for its first response").isNotNull();
    }

    @Test
    void aFixReadBackFromTheUpdatesChangesNothingAndAReopeningAfterItStands() {
        link("PRB-1", "c-1");
        resolve("PRB-1", "e-resolve", LINKED);
        updated.readValuesToList();
        routing.state.readKeyValuesToList();

        routing.act("c-1", "o-1", LINKED, null, UpdateAction.REOPEN);
        ComplaintUpdated fix = ComplaintUpdated.newBuilder().setComplaintId("c-1").setUpdateId(ProblemLinks.fixUpdateId("PRB-1", "c-1"))
                .setUpdatedAt(LINKED).setAgent("grace").setMessage("again").setAction(UpdateAction.RESOLVE).build();
        routing.updates.pipeInput("c-1", fix, LINKED);

        assertThat(lastStates().get("c-1").getStatus()).isEqualTo(ComplaintStatus.REOPENED);
        assertThat(updated.isEmpty()).isTrue();
    }

    @Test
    void aProblemActionThatCannotBeAppliedIsDeadLetteredAndTheNextOneIsApplied() {
        problems.pipeInput("PRB-1", event("PRB-1", ProblemAction.LINK, null, null, "e-bad", LINKED), LINKED);
        problems.pipeInput("PRB-2", event("PRB-1", ProblemAction.LINK, "c-1", null, "e-wrong-key", LINKED), LINKED);
        problems.pipeInput("PRB-1", event("PRB-1", ProblemAction.RESOLVE, null, null, "e-no-message", LINKED), LINKED);
        link("PRB-1", "c-1");
        resolve("PRB-1", "e-resolve", LINKED);

        assertThat(routing.deadLetters.readRecordsToList()).extracting(dead -> header(dead, DeadLetters.MESSAGE)).satisfiesExactly(
                first -> assertThat(first).startsWith(ProblemLinksProcessor.PROBLEM_INVALID + ": ").contains("a LINK names no complaint"),
                second -> assertThat(second).contains("is keyed PRB-2, not by its problem id"),
                third -> assertThat(third).contains("a resolution without a message"));
        assertThat(routing.deadLettered.get()).isEqualTo(3);
        assertThat(updated.readValuesToList()).extracting(ComplaintUpdated::getComplaintId).containsExactly("c-1");
    }

    private void link(String problem, String... complaints) {
        for (String complaint : complaints) {
            problems.pipeInput(problem, event(problem, ProblemAction.LINK, complaint, null, "e-link-" + complaint + "-" + events++,
                    routing.now()), routing.now());
        }
    }

    private void resolve(String problem, String eventId, Instant at) {
        problems.pipeInput(problem, event(problem, ProblemAction.RESOLVE, null, "The double charge is refunded.", eventId, at), at);
    }

    private static ProblemUpdated event(String problem, ProblemAction action, String complaint, String message, String eventId, Instant at) {
        return ProblemUpdated.newBuilder().setProblemId(problem).setEventId(eventId).setAt(at).setAgent("grace")
                .setAction(action).setComplaintId(complaint).setMessage(message).build();
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private Map<String, ComplaintState> lastStates() {
        return routing.state.readKeyValuesToList().stream()
                .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value, (a, b) -> b));
    }
}
