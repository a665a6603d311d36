package dev.heed.responder.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.heed.events.EscalationLevel;
import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Stack;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's JSON endpoints on a real broker and registry: sign-in, the open list and completeness, a
 * complaint's timeline in order with its evidence, its promises and the updates given with their delivery, the
 * promise-kept rate per queue, a complaint's hold and customer replies and a known problem's fix, the dashboard (offsets, lag, dead letters and their error headers) and the event
 * stream.
 */
@ExtendWith(LocalStackExtension.class)
class ConsoleApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldShowOpenComplaintsCompletenessTimelinesAndTheDashboard(Stack stack) throws Exception {
        try (ConsoleFixture console = new ConsoleFixture(stack)) {
            console.feedback("fb-open", Duration.ofMinutes(10), Duration.ofHours(1));
            console.feedback("fb-forgotten", Duration.ofHours(2), null);
            console.feedback("fb-thanked", Duration.ofMinutes(1), null);
            console.repliedTo("fb-thanked");
            console.reminded("fb-open", EscalationLevel.TEAM_LEAD);
            deadLetter(stack, console.pipeline.topics.responderDlq().name());
            console.start();

            assertThat(console.get("/console/api/complaints", null).statusCode()).isEqualTo(401);
            assertThat(console.post("/console/api/session", "guess", "").statusCode()).isEqualTo(401);
            HttpResponse<String> session = console.post("/console/api/session", ConsoleFixture.TOKEN, "");
            assertThat(session.statusCode()).isEqualTo(204);
            String setCookie = session.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(setCookie).contains("HttpOnly", "SameSite=Strict", "Path=/console");
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));

            JsonNode complaints = await().atMost(Duration.ofSeconds(60)).until(() -> json(console.get("/console/api/complaints", cookie)),
                    // Every topic has its own tailer: wait until the reminder's (the level) has caught up too.
                    view -> view.get("completeness").get("received").asInt() == 3 && view.get("completeness").get("answered").asInt() == 1
                            && view.get("open").size() == 1 && "TEAM_LEAD".equals(view.get("open").get(0).path("level").asText()));
            assertThat(complaints.get("open")).hasSize(1);
            assertThat(complaints.get("open").get(0).get("id").asText()).isEqualTo("fb-open");
            assertThat(complaints.get("open").get(0).get("level").asText()).isEqualTo("TEAM_LEAD");
            assertThat(complaints.get("open").get(0).get("confidence").asDouble()).isEqualTo(0.62);
            JsonNode completeness = complaints.get("completeness");
            assertThat(completeness.get("waiting").asInt()).isEqualTo(1);
            assertThat(completeness.get("gap").asInt()).isEqualTo(1);
            assertThat(completeness.get("gaps").get(0).get("id").asText()).isEqualTo("fb-forgotten");

            // Each topic has its own tailer, so the timeline fills in as they catch up (under load, feedback.classified's
            // tailer was seen behind the escalation's): wait for every stage, then check their order.
            JsonNode life = await().atMost(Duration.ofSeconds(30)).until(() -> json(console.get("/console/api/complaints/fb-open", cookie)),
                    view -> stages(view).containsAll(List.of("RECEIVED", "CLASSIFIED", "ESCALATED", "REMINDER")));
            List<String> stages = stages(life);
            assertThat(stages).startsWith("RECEIVED", "CLASSIFIED", "ESCALATED", "REMINDER");
            assertThat(life.get("facts").get("confidence").asDouble()).isEqualTo(0.62);
            assertThat(life.get("facts").get("classifiedAfterMillis").asLong()).isEqualTo(1000);
            assertThat(life.get("facts").get("escalatedAfterMillis").asLong()).isEqualTo(2000);
            assertThat(life.get("timeline").get(1).get("details").get("confidence").asDouble()).isEqualTo(0.62);
            List<String> marked = new ArrayList<>();
            life.get("timeline").get(1).get("details").get("segments").forEach(s -> {
                if (!s.get("rules").isEmpty()) {
                    marked.add(s.get("text").asText());
                }
            });
            assertThat(marked).containsExactly("charged twice");
            assertThat(console.get("/console/api/complaints/fb-never", cookie).statusCode()).isEqualTo(404);

            JsonNode dashboard = await().atMost(Duration.ofSeconds(60)).until(() -> json(console.get("/console/api/dashboard", cookie)),
                    d -> d.get("deadLetters").get(1).get("latest").toString().contains("template missing") && d.get("groups").size() > 0);
            // Every topic of the catalog, in its order (complaints.updated made it ten).
            assertThat(dashboard.get("topics")).hasSize(console.pipeline.topics.all().size());
            assertThat(dashboard.get("topics").get(0).get("endOffset").asLong()).isEqualTo(3);
            JsonNode letter = dashboard.get("deadLetters").get(1);
            assertThat(letter.get("topic").asText()).isEqualTo(console.pipeline.topics.responderDlq().name());
            // The responder may dead-letter the undeliverable reply to fb-open too: at least the test's letter is there.
            assertThat(letter.get("count").asLong()).isGreaterThanOrEqualTo(1);
            List<String> errors = new ArrayList<>();
            letter.get("latest").forEach(l -> errors.add(l.get("error").asText() + " from " + l.get("headers").path("heed.source.topic").asText()));
            assertThat(errors).contains("template missing from feedback.classified");
            assertThat(dashboard.get("groups").get(0).get("group").asText()).isEqualTo("responder" + console.pipeline.suffix);

            // A page that connects gets the current list at once (and then the dashboard).
            try (EventStream page = console.events(cookie)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> page.named("complaints").size() == 1);
                assertThat(page.events().get(0).name()).isEqualTo("complaints");
            }
        }
    }

    @Test
    void shouldShowAComplaintsPromisesItsUpdatesTheirDeliveryAndTheKeptRatePerQueue(Stack stack) throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try (ConsoleFixture console = new ConsoleFixture(stack)) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            console.promisesKeptAndBroken(now);
            console.answered("fb-kept", 1, 1, "grace", now.minus(Duration.ofMinutes(80)), 2);
            console.start(ConsoleFixture.smtp(smtp));
            String cookie = console.signIn();

            // The dashboard: routing's counts per queue, kept / (kept + broken).
            JsonNode rates = await().atMost(Duration.ofSeconds(60)).until(
                    () -> json(console.get("/console/api/complaints", cookie)).get("promises"),
                    p -> p.get("queues").size() == 1 && p.get("queues").get(0).get("broken").asInt() == 1
                            && p.get("queues").get(0).get("kept").asInt() == 1);
            JsonNode billing = rates.get("queues").get(0);
            assertThat(billing.get("queue").asText()).isEqualTo("billing");
            assertThat(billing.get("keptRate").asDouble()).isEqualTo(0.5);
            assertThat(billing.get("made").asInt()).isEqualTo(3);
            assertThat(billing.get("open").asInt()).isEqualTo(1);
            assertThat(billing.get("complaints").asInt()).isEqualTo(2);
            assertThat(rates.get("complaints").asInt()).isEqualTo(2);

            // The customers' verdicts per queue: fb-kept resolved and answered 2 of 5, fb-broken not resolved.
            JsonNode verdicts = await().atMost(Duration.ofSeconds(60)).until(
                    () -> json(console.get("/console/api/complaints", cookie)).get("verdicts"),
                    v -> v.get("queues").size() == 1 && v.get("queues").get(0).get("answered").asInt() == 1);
            assertThat(verdicts.get("complaints").asInt()).isEqualTo(2);
            JsonNode billingVerdicts = verdicts.get("queues").get(0);
            assertThat(billingVerdicts.get("queue").asText()).isEqualTo("billing");
            assertThat(billingVerdicts.get("resolved").asInt()).isEqualTo(1);
            assertThat(billingVerdicts.get("answered").asInt()).isEqualTo(1);
            assertThat(billingVerdicts.get("negative").asInt()).isEqualTo(1);
            assertThat(billingVerdicts.get("rate").asDouble()).isEqualTo(1.0);
            assertThat(billingVerdicts.get("meanScore").asDouble()).isEqualTo(2.0);

            // A broken promise, the late update that ended it, and the promise that update made; the update delivered.
            JsonNode broken = await().atMost(Duration.ofSeconds(60)).until(() -> json(console.get("/console/api/complaints/fb-broken", cookie)),
                    v -> v.get("promises").get("agrees").asBoolean() && v.get("promises").get("updates").size() == 1
                            && v.get("promises").get("updates").get(0).hasNonNull("delivery"));
            JsonNode promises = broken.get("promises").get("promises");
            assertThat(promises).hasSize(2);
            JsonNode first = promises.get(0);
            assertThat(first.get("outcome").asText()).isEqualTo("BROKEN");
            assertThat(first.get("madeWith").asText()).isEqualTo("ACKNOWLEDGEMENT");
            assertThat(first.get("madeBy").asText()).isEqualTo("grace");
            assertThat(Instant.parse(first.get("dueBy").asText())).isEqualTo(now.minus(Duration.ofMinutes(120)));
            assertThat(Instant.parse(first.get("brokenReportedAt").asText())).isEqualTo(now.minus(Duration.ofMinutes(120)).plusMillis(300));
            assertThat(first.get("endedBy").asText()).isEqualTo("u-late");
            List<String> points = new ArrayList<>();
            first.get("points").forEach(p -> points.add(p.get("kind").asText()));
            assertThat(points).containsExactly("PROMISE_WARNING", "PROMISE_BROKEN");
            JsonNode next = promises.get(1);
            assertThat(next.get("outcome").asText()).isEqualTo("OPEN");
            assertThat(next.get("madeWith").asText()).isEqualTo("UPDATE");
            assertThat(next.get("updateId").asText()).isEqualTo("u-late");
            assertThat(next.get("leftMillis").asLong()).isBetween(1L, Duration.ofHours(1).toMillis());
            assertThat(broken.get("promises").get("routing").get("broken").asInt()).isEqualTo(1);
            JsonNode update = broken.get("promises").get("updates").get(0);
            assertThat(update.get("message").asText()).isEqualTo(ConsoleFixture.LATE_MESSAGE);
            assertThat(update.get("agent").asText()).isEqualTo("grace");
            assertThat(update.get("delivery").get("outcome").asText()).isEqualTo("SENT");
            assertThat(update.get("delivery").get("channel").asText()).isEqualTo("EMAIL");
            List<String> kinds = new ArrayList<>();
            broken.get("timeline").forEach(e -> kinds.add(e.get("stage").asText() + " " + e.get("details").path("kind").asText()));
            assertThat(kinds).contains("UPDATED ", "REMINDER PROMISE_WARNING", "REMINDER PROMISE_BROKEN", "REPLY_SENT CUSTOMER_UPDATE");
            // The customer really has the update: the record the page shows is the responder's.
            assertThat(smtp.getReceivedMessages()).anySatisfy(m -> assertThat(m.getSubject()).isNotBlank());

            JsonNode kept = await().atMost(Duration.ofSeconds(60)).until(() -> json(console.get("/console/api/complaints/fb-kept", cookie)),
                    v -> v.get("promises").get("agrees").asBoolean());
            JsonNode keptPromise = kept.get("promises").get("promises").get(0);
            assertThat(keptPromise.get("outcome").asText()).isEqualTo("KEPT");
            assertThat(Instant.parse(keptPromise.get("endedAt").asText())).isEqualTo(now.minus(Duration.ofMinutes(90)));
            assertThat(keptPromise.get("endedBy").asText()).isEqualTo("u-kept");
            // Its verdict, on its own page: routing's record and the customer's words; not a feedback id of its own.
            JsonNode verdict = await().atMost(Duration.ofSeconds(60)).until(
                    () -> json(console.get("/console/api/complaints/fb-kept", cookie)).get("facts").get("verdict"),
                    v -> v != null && v.hasNonNull("text"));
            assertThat(verdict.get("score").asInt()).isEqualTo(2);
            assertThat(verdict.get("feedbackId").asText()).isEqualTo("verdict-fb-kept");
            assertThat(verdict.get("text").asText()).isEqualTo(ConsoleFixture.VERDICT_TEXT);
            assertThat(verdict.get("resolutions").asInt()).isEqualTo(1);
            List<String> stages = new ArrayList<>();
            json(console.get("/console/api/complaints/fb-kept", cookie)).get("timeline").forEach(e -> stages.add(e.get("stage").asText()));
            assertThat(stages).contains("VERDICT");
            assertThat(console.get("/console/api/complaints/verdict-fb-kept", cookie).statusCode()).isEqualTo(404);

            // The open list: fb-broken, acknowledged by grace and not resolved, is still work to do; fb-kept, resolved, is not.
            JsonNode open = await().atMost(Duration.ofSeconds(60)).until(() -> json(console.get("/console/api/complaints", cookie)).get("open"),
                    o -> o.size() == 1);
            assertThat(statuses(open)).containsExactly("fb-broken ACKNOWLEDGED grace");
            // Its customer's low score reopens fb-kept (routing's row): listed again, as reopened, before the acknowledged one.
            console.reopened("fb-kept");
            JsonNode reopened = await().atMost(Duration.ofSeconds(60)).until(
                    () -> json(console.get("/console/api/complaints", cookie)).get("open"), o -> o.size() == 2);
            assertThat(statuses(reopened)).containsExactly("fb-kept REOPENED grace", "fb-broken ACKNOWLEDGED grace");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void shouldShowAComplaintsHoldItsCustomersRepliesAndAResolutionByAKnownProblemsFix(Stack stack) throws Exception {
        try (ConsoleFixture console = new ConsoleFixture(stack)) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            console.feedback("fb-held", Duration.ofHours(5), Duration.ofHours(1));
            console.heldAndReplied("fb-held", now);
            console.feedback("fb-resumed", Duration.ofHours(2), Duration.ofHours(1));
            console.heldAndResumed("fb-resumed", now);
            console.feedback("fb-fixed", Duration.ofHours(2), Duration.ofHours(1));
            console.fixed("fb-fixed", "prb-42", now.minus(Duration.ofMinutes(10)));
            console.start();
            String cookie = console.signIn();

            // The open list: the one on hold last, with its hold, after the acknowledged one; the fixed one is resolved.
            JsonNode open = await().atMost(Duration.ofSeconds(60)).until(() -> json(console.get("/console/api/complaints", cookie)).get("open"),
                    o -> statuses(o).equals(List.of("fb-resumed ACKNOWLEDGED grace", "fb-held WAITING_ON_THIRD_PARTY grace")));
            assertThat(Instant.parse(open.get(1).get("onHoldSince").asText())).isEqualTo(now.minus(Duration.ofHours(1)));
            assertThat(open.get(0).get("onHoldSince").isNull()).isTrue();

            // The complaint on hold: whom it waits on since when, held an hour before and two holds; its one negative reply.
            JsonNode held = await().atMost(Duration.ofSeconds(60)).until(() -> json(console.get("/console/api/complaints/fb-held", cookie)),
                    v -> v.get("facts").get("hold").path("pauses").asInt() == 2
                            && stages(v).containsAll(List.of("CUSTOMER_REPLY", "UPDATED")) && updates(v).size() == 2);
            JsonNode hold = held.get("facts").get("hold");
            assertThat(hold.get("waitingOn").asText()).isEqualTo("THIRD_PARTY");
            assertThat(Instant.parse(hold.get("since").asText())).isEqualTo(now.minus(Duration.ofHours(1)));
            assertThat(hold.get("heldMillis").asLong()).isEqualTo(Duration.ofHours(1).toMillis());
            assertThat(held.get("facts").get("status").asText()).isEqualTo("WAITING_ON_THIRD_PARTY");
            JsonNode replies = held.get("facts").get("replies");
            assertThat(replies.get("count").asInt()).isEqualTo(1);
            assertThat(replies.get("negative").asInt()).isEqualTo(1);
            assertThat(replies.get("lastFeedbackId").asText()).isEqualTo("reply-fb-held");
            assertThat(replies.get("lastNegative").asBoolean()).isTrue();
            assertThat(Instant.parse(replies.get("lastAt").asText())).isEqualTo(now.minus(Duration.ofHours(2)));
            assertThat(updates(held)).containsExactly("WAIT_ON_CUSTOMER", "WAIT_ON_THIRD_PARTY");
            JsonNode reply = entries(held, "CUSTOMER_REPLY").get(0);
            assertThat(reply.get("topic").asText()).isEqualTo(console.pipeline.topics.complaintsState().name());
            assertThat(reply.get("details").get("feedbackId").asText()).isEqualTo("reply-fb-held");
            assertThat(reply.get("details").get("negative").asBoolean()).isTrue();
            // The reply is feedback of its own: its page, linked from the complaint's, has its words.
            JsonNode replyPage = json(await().atMost(Duration.ofSeconds(60)).until(
                    () -> console.get("/console/api/complaints/reply-fb-held", cookie), r -> r.statusCode() == 200));
            assertThat(entries(replyPage, "RECEIVED").get(0).get("details").get("text").asText()).isEqualTo(ConsoleFixture.REPLY_TEXT);

            // Taken off hold by grace: not on hold, thirty minutes held once, the resume in the timeline.
            JsonNode resumed = await().atMost(Duration.ofSeconds(60)).until(() -> json(console.get("/console/api/complaints/fb-resumed", cookie)),
                    v -> v.get("facts").get("hold").path("heldMillis").asLong() > 0 && updates(v).size() == 2);
            assertThat(resumed.get("facts").get("hold").get("waitingOn").isNull()).isTrue();
            assertThat(resumed.get("facts").get("hold").get("heldMillis").asLong()).isEqualTo(Duration.ofMinutes(30).toMillis());
            assertThat(resumed.get("facts").get("hold").get("pauses").asInt()).isEqualTo(1);
            assertThat(updates(resumed)).containsExactly("WAIT_ON_CUSTOMER", "RESUME");
            assertThat(resumed.get("facts").get("replies").get("count").asInt()).isZero();

            // Resolved by the fix of known problem prb-42: the summary and the timeline name the problem.
            JsonNode fixed = await().atMost(Duration.ofSeconds(60)).until(() -> json(console.get("/console/api/complaints/fb-fixed", cookie)),
                    v -> "RESOLVED".equals(v.get("facts").path("status").asText()) && updates(v).size() == 1);
            assertThat(fixed.get("facts").get("fixedByProblem").asText()).isEqualTo("prb-42");
            assertThat(entries(fixed, "UPDATED").get(0).get("details").get("problem").asText()).isEqualTo("prb-42");
            assertThat(resumed.get("facts").get("fixedByProblem").isNull()).isTrue();
        }
    }

    /** The actions of the complaint's updates on the timeline, in order ("UPDATE" for a plain one). */
    private static List<String> updates(JsonNode life) {
        List<String> actions = new ArrayList<>();
        entries(life, "UPDATED").forEach(e -> actions.add(e.get("details").path("action").asText("UPDATE")));
        return actions;
    }

    private static List<JsonNode> entries(JsonNode life, String stage) {
        List<JsonNode> found = new ArrayList<>();
        life.get("timeline").forEach(e -> {
            if (stage.equals(e.get("stage").asText())) {
                found.add(e);
            }
        });
        return found;
    }

    /** Each row of the open list as "id status owner". */
    private static List<String> statuses(JsonNode open) {
        List<String> rows = new ArrayList<>();
        open.forEach(row -> rows.add(row.get("id").asText() + " " + row.get("status").asText() + " " + row.path("owner").asText()));
        return rows;
    }

    @Test
    void shouldStreamOnlyToAnEventSourceAndOnlyWhatChanged(Stack stack) throws Exception {
        try (ConsoleFixture console = new ConsoleFixture(stack)) {
            console.feedback("fb-open", Duration.ofMinutes(1), Duration.ofHours(1));
            console.start();
            String cookie = console.signIn();
            assertThat(console.get("/console/api/events", null).statusCode()).isEqualTo(401);
            problem(console.get("/console/api/events", cookie), 406);
            problem(console.http.send(HttpRequest.newBuilder(URI.create(console.url("/console/api/events")))
                    .header("Cookie", cookie).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString()), 406);
            await().atMost(Duration.ofSeconds(60)).until(() -> json(console.get("/console/api/complaints", cookie)),
                    view -> view.get("completeness").get("waiting").asInt() == 1 && view.get("open").size() == 1);

            try (EventStream page = console.events(cookie)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> page.named("complaints").size() == 1);
                // Nothing changes now: the check every second must not send the same list again.
                await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> page.named("complaints").size() == 1);
                Instant greeted = now(page.named("complaints").get(0));
                try (EventStream later = console.events(cookie)) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> !later.named("complaints").isEmpty());
                    // Its countdown runs on the server's time as of its own greeting, not as of the last change.
                    assertThat(now(later.named("complaints").get(0))).isAfter(greeted.plusSeconds(3));
                }

                console.feedback("fb-arriving", Duration.ofSeconds(1), Duration.ofMinutes(30));
                await().atMost(Duration.ofSeconds(60)).until(() -> page.named("complaints").stream()
                        .anyMatch(e -> e.data().contains("\"fb-arriving\"")));
                // The ids whose timeline changed, for the complaint pages that show them. Sent in the same push as the
                // list or an earlier one, but after the list within a push: it may still be on its way here.
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(page.named("timeline"))
                        .anySatisfy(e -> assertThat(e.data()).contains("\"fb-arriving\"")));
            }
        }
    }

    @Test
    void shouldEndTheSessionAndItsStreamOnSignOutAndNoOtherSession(Stack stack) throws Exception {
        try (ConsoleFixture console = new ConsoleFixture(stack)) {
            console.start();
            String leaving = console.signIn();
            String staying = console.signIn();
            try (EventStream page = console.events(leaving)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> !page.named("complaints").isEmpty());

                HttpResponse<String> out = console.delete("/console/api/session", leaving);

                assertThat(out.statusCode()).isEqualTo(204);
                assertThat(out.headers().firstValue("Set-Cookie")).get().asString()
                        .startsWith(ConsoleRoutes.COOKIE + "=;").contains("Max-Age=0", "Path=/console", "HttpOnly");
                problem(console.get("/console/api/complaints", leaving), 401);
                await().atMost(Duration.ofSeconds(30)).until(page::ended);
            }
            assertThat(console.get("/console/api/complaints", staying).statusCode()).isEqualTo(200);
            // Signing out again, or with no session at all, still clears the cookie.
            assertThat(console.delete("/console/api/session", leaving).statusCode()).isEqualTo(204);
        }
    }

    private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        return JSON.readTree(response.body());
    }

    private static Instant now(EventStream.Event complaints) throws Exception {
        return Instant.parse(JSON.readTree(complaints.data()).get("now").asText());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void deadLetter(Stack stack, String topic) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, "fb-x".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2});
            record.headers().add("heed.error", "template missing".getBytes(StandardCharsets.UTF_8));
            record.headers().add("heed.source.topic", "feedback.classified".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private static List<String> stages(JsonNode life) {
        List<String> stages = new ArrayList<>();
        life.get("timeline").forEach(e -> stages.add(e.get("stage").asText()));
        return stages;
    }
}
