package dev.heed.ingest.http;

import static dev.heed.ingest.http.HttpTestClient.quotes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.Channel;
import dev.heed.events.FeedbackReceived;
import dev.heed.ingest.http.HttpTestClient.Answer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CloudEventsEndpointTest {
    static final String EVENT = quotes("{'specversion':'1.0','id':'%s','source':'chat-gw','type':'dev.heed.feedback',"
            + "'time':'2026-11-24T09:30:00Z','datacontenttype':'application/json','data':{'channel':'CHAT','text':'%s'}}");
    private static final String KEY = "chat-key";
    @RegisterExtension
    static final ServerFixture fixture = new ServerFixture(Map.of("HEED_INGEST_API_KEYS",
            "chat-gw=" + dev.heed.ingest.auth.ApiKeyRegistry.hash(KEY)));

    private FeedbackReceived written(String id) {
        return fixture.publisher.written.stream().filter(e -> e.getEventId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void shouldAcceptStructuredModeTakingIdSourceAndTimeFromTheEnvelope() {
        Answer answer = fixture.http.post("/v1/feedback", "application/cloudevents+json", EVENT.formatted("ce-1", "hello"),
                "X-API-Key", KEY);

        assertThat(answer.status()).isEqualTo(202);
        FeedbackReceived event = written("ce-1");
        assertThat(event.getSourceSystem()).isEqualTo("chat-gw");
        assertThat(event.getChannel()).isEqualTo(Channel.CHAT);
        assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2026-11-24T09:30:00Z"));
    }

    @Test
    void shouldAcceptBinaryModeFromCeHeaders() {
        Answer answer = fixture.http.post("/v1/feedback", "application/json", quotes("{'channel':'CHAT','text':'binary'}"),
                "X-API-Key", KEY, "ce-specversion", "1.0", "ce-id", "ce-2", "ce-source", "chat-gw",
                "ce-type", "dev.heed.feedback", "ce-time", "2026-11-24T09:31:00Z");

        assertThat(answer.status()).isEqualTo(202);
        assertThat(written("ce-2").getText()).isEqualTo("binary");
    }

    @Test
    void shouldNameThisApisAttributeRulesAndDataErrorsTogether() {
        String bad = quotes("{'specversion':'1.0','id':'has space','source':'chat-gw','type':'dev.heed.feedback','ingestid':'x',"
                + "'data':{'channel':'CHAT'}}");
        Answer answer = fixture.http.post("/v1/feedback", "application/cloudevents+json", bad, "X-API-Key", KEY);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsText("pointer"))
                .containsExactlyInAnyOrder("/id", "/ingestid", "/data/text", "/data/occurredAt");
    }

    @Test
    void shouldNameEveryInvalidAttributeWithAForeignTypeToo() {
        String bad = quotes("{'specversion':'0.3','id':'','source':'chat-gw','type':'other.type','data':{}}");
        Answer answer = fixture.http.post("/v1/feedback", "application/cloudevents+json", bad, "X-API-Key", KEY);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsText("pointer")).containsExactly("/specversion", "/id", "/type");
    }

    @Test
    void shouldRefuseAnEnvelopeTheSdkCannotRead() {
        Answer missingSource = fixture.http.post("/v1/feedback", "application/cloudevents+json",
                quotes("{'specversion':'1.0','id':'ce-4','type':'dev.heed.feedback','data':{}}"), "X-API-Key", KEY);
        Answer badBinary = fixture.http.post("/v1/feedback", "application/json", "{}", "X-API-Key", KEY, "ce-specversion", "0.1");

        assertThat(missingSource.status()).isEqualTo(400);
        assertThat(badBinary.status()).isEqualTo(400);
        assertThat(badBinary.json().get("errors").get(0).get("pointer").textValue()).isEqualTo("header:ce-specversion");
    }

    @Test
    void shouldAnswer403WhenTheEventClaimsAnotherSource() {
        Answer answer = fixture.http.post("/v1/feedback", "application/cloudevents+json",
                EVENT.formatted("ce-5", "x").replace("chat-gw", "web-form"), "X-API-Key", KEY);
        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void shouldAnswerABatchPerItemWith207WhenSomeFail() {
        String noText = EVENT.formatted("ce-b2", "").replace(",\"text\":\"\"", "");
        String batch = "[" + EVENT.formatted("ce-b1", "one") + "," + noText + "," + EVENT.formatted("ce-b3", "three") + "]";
        Answer answer = fixture.http.post("/v1/feedback/batch", "application/cloudevents-batch+json", batch, "X-API-Key", KEY);

        assertThat(answer.status()).isEqualTo(207);
        assertThat(answer.json().get("accepted").intValue()).isEqualTo(2);
        assertThat(answer.json().get("results")).extracting(n -> n.get("status").intValue()).containsExactly(202, 400, 202);
        assertThat(answer.json().get("results").get(1).get("problem").get("errors").get(0).get("pointer").textValue())
                .isEqualTo("/1/data/text");
        assertThat(answer.json().get("results").get(2).get("eventId").textValue()).isEqualTo("ce-b3");
    }
}
