package dev.heed.ingest.it;

import static dev.heed.ingest.http.HttpTestClient.quotes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.FeedbackReceived;
import dev.heed.ingest.IngestApplication;
import dev.heed.ingest.http.HttpTestClient;
import dev.heed.ingest.http.HttpTestClient.Answer;
import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Stack;
import dev.heed.schemas.topics.TopicNames;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every refusal, produced by a real request against the real service, leaves the topic as it was. */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalsIT {
    private final String past = Instant.now().minus(1, ChronoUnit.HOURS).toString();
    private IngestApplication app;
    private HttpTestClient http;
    private TopicReader reader;
    private Stack stack;

    @BeforeAll
    void start(Stack stack) {
        this.stack = stack;
        // A token every 100 s: a bucket emptied by the rate test stays empty while it checks the topic.
        app = ItServices.start(stack.bootstrapServers(), stack.registryUrl(), Map.of("HEED_INGEST_RATE_PER_SECOND", "0.01"));
        http = new HttpTestClient("http://127.0.0.1:" + app.port());
        reader = new TopicReader(stack.bootstrapServers(), stack.registryUrl());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private String valid(String id) {
        return quotes("{'eventId':'%s','channel':'WEB','text':'x','occurredAt':'%s'}").formatted(id, past);
    }

    private Answer assertUntouched(int status, Supplier<Answer> request) {
        long before = reader.endOffsetSum(TopicNames.FEEDBACK_RECEIVED);
        Answer answer = request.get();
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reader.endOffsetSum(TopicNames.FEEDBACK_RECEIVED)).as("topic untouched by a %d", status).isEqualTo(before);
        return answer;
    }

    /** Refused with {@code status}, naming {@code pointer}, in the service's own words, and nothing written. */
    private void assertRefused(int status, String pointer, Supplier<Answer> request) {
        Answer answer = assertUntouched(status, request);
        assertThat(answer.json().get("errors").findValuesAsText("pointer")).as(answer.raw().body()).contains(pointer);
        assertThat(answer.raw().body()).doesNotContain("Source:", "REDACTED", "Node", "java.", "Exception", "`");
    }

    private Answer post(String contentType, String body, String... headers) {
        return http.post("/v1/feedback", contentType, body, headers);
    }

    @Test
    void shouldRefuseEachErrorWithoutWriting() {
        String key = ItServices.WEB_KEY;
        assertUntouched(400, () -> post("application/json", quotes("{'channel':'FAX','receivedAt':'" + past + "'}"), "X-API-Key", key));
        assertUntouched(401, () -> post("application/json", valid(stack.uniqueName("r")), "X-API-Key", "wrong"));
        assertUntouched(403, () -> post("application/json", valid(stack.uniqueName("r")).replace("{", "{\"sourceSystem\":\"chat-gw\","),
                "X-API-Key", key));
        assertUntouched(413, () -> post("application/json", valid("big").replace("\"x\"", "\"" + "x".repeat(70_000) + "\""), "X-API-Key", key));
        assertUntouched(415, () -> post("application/xml", "<feedback/>", "X-API-Key", key));
        assertUntouched(422, () -> post("application/json", valid(stack.uniqueName("r")).replace(past, "2099-01-01T00:00:00Z"), "X-API-Key", key));
    }

    @Test
    void shouldRefuseAReusedIdWithOtherContentWithoutWriting() {
        String id = stack.uniqueName("reuse");
        assertThat(post("application/json", valid(id), "X-API-Key", ItServices.WEB_KEY).status()).isEqualTo(202);
        assertUntouched(422, () -> post("application/json", valid(id).replace("\"x\"", "\"changed\""), "X-API-Key", ItServices.WEB_KEY));
    }

    @Test
    void shouldRefuseAKeyOverItsRateWithoutWriting() {
        // The burst is 100: spend it on cheap invalid requests, then a valid one is refused.
        for (int i = 0; i < 110 && post("application/json", "{}", "X-API-Key", ItServices.THROTTLED_KEY).status() != 429; i++) {
            // keep spending
        }
        assertUntouched(429, () -> post("application/json", valid(stack.uniqueName("r")), "X-API-Key", ItServices.THROTTLED_KEY));
    }

    private Answer web(String body) {
        return post("application/json", body, "X-API-Key", ItServices.WEB_KEY);
    }

    private Answer event(String body) {
        return post("application/cloudevents+json", body, "X-API-Key", ItServices.CHAT_KEY);
    }

    private String id() {
        return stack.uniqueName("r");
    }

    /** A CloudEvent this service accepts, but for one attribute set to a JSON value (single quotes). */
    private String cloudEvent(String attribute, String value) {
        return quotes(("{'specversion':'1.0','id':'%s','source':'chat-gw','type':'dev.heed.feedback','time':'%s','%s':%s,"
                + "'data':{'channel':'CHAT','text':'x'}}").formatted(id(), past, attribute, value));
    }

    @Test
    void shouldRefuseBytesAfterTheJsonValueWithoutWriting() {
        for (String after : new String[] {"xyz", valid("r-second"), "}", "\u0000"}) {
            assertRefused(400, "/", () -> web(valid(id()) + after));
        }
        assertRefused(400, "/", () -> http.post("/v1/feedback/batch", "application/json", "[" + valid(id()) + "]xx",
                "X-API-Key", ItServices.WEB_KEY));
    }

    @Test
    void shouldRefuseAMemberGivenTwiceWithoutWriting() {
        assertRefused(400, "/rating", () -> web(valid(id()).replace("{", "{'rating':99,'rating':3,".replace('\'', '"'))));
        assertRefused(400, "/eventId", () -> web(valid(id()).replace("{", "{\"eventId\":\"r-first\",")));
        assertRefused(400, "/customer/email", () -> web(valid(id()).replace("{",
                quotes("{'customer':{'email':'a@example.org','email':'b@example.org'},"))));
        assertRefused(400, "/id", () -> event(cloudEvent("id", "'r-second'")));
        assertRefused(400, "/data/text", () -> event(cloudEvent("subject", "'s'").replace("'text':'x'".replace('\'', '"'),
                quotes("'text':'x','text':'y'"))));
    }

    @Test
    void shouldRefuseALoneSurrogateWithoutWriting() {
        assertRefused(400, "/text", () -> web(valid(id()).replace("\"x\"", "\"disap\\ud800pointed\"")));
    }

    @Test
    void shouldRefuseTimesOutsideRfc3339OrUpToTheEpochWithoutWriting() {
        for (String time : new String[] {"-000001-01-01T00:00:00Z", "2018-04-05T18:31Z", "2018-04-05T18:31:00+05", "2026-11-24T12:00:60Z"}) {
            assertRefused(400, "/occurredAt", () -> web(valid(id()).replace(past, time)));
        }
        assertRefused(422, "/occurredAt", () -> web(valid(id()).replace(past, "1969-12-31T23:59:59Z")));
        assertRefused(422, "/occurredAt", () -> web(valid(id()).replace(past, "1970-01-01T00:00:00Z")));
    }

    @Test
    void shouldRefuseCloudEventsTheSpecCallsInvalidWithoutWriting() {
        assertRefused(400, "/time", () -> event(cloudEvent("time", "'2018-04-05T18:31Z'")));
        assertRefused(400, "/time", () -> event(cloudEvent("time", "'2018-04-05T18:31:00+05'")));
        assertRefused(400, "/dataschema", () -> event(cloudEvent("dataschema", "''")));
        assertRefused(400, "/subject", () -> event(cloudEvent("subject", "''")));
        assertRefused(400, "/specversion", () -> event(cloudEvent("specversion", "'0.3'")));
        String data = quotes("{'channel':'CHAT','text':'x'}");
        assertRefused(400, "header:ce-specversion", () -> post("application/json", data, "X-API-Key", ItServices.CHAT_KEY,
                "ce-specversion", "0.3", "ce-id", id(), "ce-source", "chat-gw", "ce-type", "dev.heed.feedback", "ce-time", past));
        Answer noId = assertUntouched(400, () -> post("application/json", data, "X-API-Key", ItServices.CHAT_KEY,
                "ce-specversion", "1.0", "ce-source", "chat-gw", "ce-type", "dev.heed.feedback", "ce-time", past));
        assertThat(noId.json().get("errors").findValuesAsText("pointer")).containsExactly("header:ce-id");
    }

    @Test
    void shouldAnswer422ForACloudEventOfAnotherTypeWithoutWriting() {
        Answer answer = assertUntouched(422, () -> event(cloudEvent("subject", "'s'").replace("dev.heed.feedback", "com.example.order.shipped")
                .replace(quotes("{'channel':'CHAT','text':'x'}"), quotes("{'order':42}"))));
        assertThat(answer.json().get("errors").findValuesAsText("pointer")).containsExactly("/type");
    }

    @Test
    void shouldRefuseAFractionalRatingAndTextOverItsLengthWithoutWriting() {
        assertRefused(400, "/rating", () -> web(valid(id()).replace("{", "{\"rating\":4.5,")));
        assertRefused(400, "/text", () -> web(valid(id()).replace("\"x\"", "\"" + "x".repeat(32_001) + "\"")));
    }

    @Test
    void shouldAcceptALeapSecondARatingWrittenAs5Point0And16001EmojiAndStoreThemAsMeant() {
        String leap = id();
        String rating = id();
        String emoji = id();
        String smiles = "\uD83D\uDE00".repeat(16_001);
        assertThat(web(valid(leap).replace(past, "2016-12-31T23:59:60Z")).status()).isEqualTo(202);
        assertThat(web(valid(rating).replace("{", "{\"rating\":5.0,")).status()).isEqualTo(202);
        assertThat(web(valid(emoji).replace("\"x\"", "\"" + smiles + "\"")).status()).isEqualTo(202);

        Map<String, FeedbackReceived> stored = reader.readAll(TopicNames.FEEDBACK_RECEIVED).stream()
                .filter(r -> Set.of(leap, rating, emoji).contains(r.raw().key()))
                .collect(Collectors.toMap(r -> r.raw().key(), TopicReader.Read::value));
        assertThat(stored).hasSize(3);
        assertThat(stored.get(leap).getOccurredAt()).isEqualTo(Instant.parse("2016-12-31T23:59:59.999Z"));
        assertThat(stored.get(rating).getRating()).isEqualTo(5);
        assertThat(stored.get(emoji).getText()).isEqualTo(smiles);
    }
}
