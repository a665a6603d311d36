package dev.heed.responder.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.heed.events.ResponseSent;
import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Stack;
import dev.heed.responder.ResponderApplication;
import dev.heed.responder.ResponderConfig;
import dev.heed.responder.delivery.MessageIds;
import dev.heed.responder.delivery.Transport;
import dev.heed.responder.it.ItEvents.Kind;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The responder dies mid-stream at the worst moment, right after a receiver accepted a message and before
 * the outcome is on responses.sent, and a new instance takes over, sending one at a time or several at once: the receiver, which drops repeated
 * webhook-ids, acts on every reply exactly once, and responses.sent records each exactly once.
 */
@ExtendWith(LocalStackExtension.class)
class CrashRestartIT {
    private static final int FEEDBACKS = 20;
    private static final int CRASH_AFTER = 7;

    /** Stands for the process dying: the loop stops without recording or committing anything more. */
    static final class SimulatedCrash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("simulated crash after a delivery");
        }
    }

    private static Transport crashingAfter(Transport real, int deliveries, AtomicInteger count) {
        return message -> {
            real.deliver(message);
            if (count.incrementAndGet() == deliveries) {
                throw new SimulatedCrash();
            }
        };
    }

    /**
     * One at a time (as the responder sent before it worked in parallel) the crash leaves exactly the one message
     * it interrupted unrecorded. With several at once, the sends in flight beside it finish and are recorded, or
     * are cancelled after the receiver took them; every message that was taken and not recorded is sent again
     * once, under its first id, and nothing recorded is sent again.
     */
    @ParameterizedTest(name = "HEED_SEND_CONCURRENCY={0}")
    @ValueSource(ints = {1, 16})
    void shouldSendNoDuplicateAndMissNothingWhenKilledAndRestartedMidStream(int concurrency, Stack stack) throws Exception {
        try (Pipeline pipeline = new Pipeline(stack); WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, String> env = pipeline.env();
            env.put("HEED_SOURCE_CHAT_WEBHOOK_URL", receiver.url("/chat"));
            env.put("HEED_SEND_CONCURRENCY", Integer.toString(concurrency));
            ResponderConfig config = ResponderConfig.from(env);
            for (int i = 0; i < FEEDBACKS; i++) {
                String id = "fb-" + i;
                pipeline.send(pipeline.topics.feedbackClassified(), id, ItEvents.classified(id, Kind.PRAISE, null, "chat"));
            }

            AtomicInteger delivered = new AtomicInteger();
            ResponderApplication first = ResponderApplication.start(config, Clock.systemUTC(), d -> { },
                    t -> crashingAfter(t, CRASH_AFTER, delivered));
            await().atMost(Duration.ofSeconds(60)).until(() -> first.failure().isDone());
            assertThat(first.failure().join()).isInstanceOf(SimulatedCrash.class);
            first.close();
            Set<String> acceptedBeforeRestart = ids(receiver.accepted("/chat").stream().map(WebhookReceiver.Request::id));
            Set<String> recordedBeforeRestart = ids(pipeline.responsesSent().stream().map(ResponseSent::getMessageId));

            try (ResponderApplication second = ResponderApplication.start(config, Clock.systemUTC(), d -> { }, t -> t)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted("/chat").size() == FEEDBACKS
                        && pipeline.responsesSent().size() >= FEEDBACKS);
                assertThat(second.failure()).isNotDone();
            }

            if (concurrency == 1) {
                assertThat(acceptedBeforeRestart).hasSize(CRASH_AFTER);
                assertThat(recordedBeforeRestart).hasSize(CRASH_AFTER - 1);
                assertThat(receiver.duplicates()).isEqualTo(1);
            }
            assertThat(acceptedBeforeRestart.size()).isGreaterThanOrEqualTo(CRASH_AFTER);
            List<String> expected = IntStream.range(0, FEEDBACKS).mapToObj(i -> MessageIds.reply("fb-" + i)).toList();
            assertThat(receiver.accepted("/chat")).extracting(WebhookReceiver.Request::id).containsExactlyInAnyOrderElementsOf(expected);
            // The crash fell between a send and its record: that message (and any taken beside it and not
            // recorded) is sent again, with its first id, and the receiver drops it. Nothing recorded is sent again.
            // (A request cancelled at the crash may reach the receiver only after the first snapshot: it is then in
            // neither, and its repeat is allowed.)
            Set<String> repeated = ids(receiver.requests("/chat").stream().map(WebhookReceiver.Request::id)
                    .collect(Collectors.groupingBy(id -> id, Collectors.counting())).entrySet().stream()
                    .filter(e -> e.getValue() > 1).map(Map.Entry::getKey));
            Set<String> takenNotRecorded = new HashSet<>(acceptedBeforeRestart);
            takenNotRecorded.removeAll(recordedBeforeRestart);
            assertThat(takenNotRecorded).isNotEmpty();
            assertThat(repeated).containsAll(takenNotRecorded);
            assertThat(repeated).filteredOn(recordedBeforeRestart::contains).isEmpty();
            assertThat(receiver.duplicates()).isEqualTo(repeated.size());
            assertThat(pipeline.responsesSent()).extracting(ResponseSent::getMessageId).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static Set<String> ids(Stream<String> ids) {
        return ids.collect(Collectors.toSet());
    }
}
