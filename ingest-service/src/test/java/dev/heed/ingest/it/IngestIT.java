package dev.heed.ingest.it;

import static dev.heed.ingest.http.HttpTestClient.quotes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.Channel;
import dev.heed.events.FeedbackReceived;
import dev.heed.ingest.IngestApplication;
import dev.heed.ingest.http.HttpTestClient;
import dev.heed.ingest.http.HttpTestClient.Answer;
import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Stack;
import dev.heed.schemas.topics.TopicNames;
import dev.heed.runtime.auth.VerdictLinks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real service against a real broker and registry: what is accepted lands once, what is refused never. */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestIT {
    private static final String TOPIC = TopicNames.FEEDBACK_RECEIVED;
    private static final String VERDICT_SECRET = "the-verdict-secret-of-ingest-it";
    private final Instant occurredAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
    private Stack stack;
    private IngestApplication app;
    private HttpTestClient http;
    private TopicReader reader;

    @BeforeAll
    void start(Stack stack) {
        this.stack = stack;
        app = ItServices.start(stack.bootstrapServers(), stack.registryUrl(), Map.of("HEED_VERDICT_SECRET", VERDICT_SECRET));
        http = new HttpTestClient("http://127.0.0.1:" + app.port());
        reader = new TopicReader(stack.bootstrapServers(), stack.registryUrl());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private String feedback(String id) {
        return quotes("{'eventId':'%s','channel':'EMAIL','customer':{'id':'c-9','displayName':'Ada','email':'ada@example.org',"
                + "'phone':'+41446681800','preferredLanguage':'en'},'subject':'Parcel','text':'It arrived broken','rating':1,"
                + "'occurredAt':'%s','reference':'order-4711','attributes':{'plan':'pro'},'traceId':'4bf92f3577b34da6a3ce929d0e0e4736'}")
                .formatted(id, occurredAt);
    }

    private String cloudEvent(String id) {
        return quotes("{'specversion':'1.0','id':'%s','source':'chat-gw','type':'dev.heed.feedback','time':'%s',"
                + "'datacontenttype':'application/json','data':{'channel':'CHAT','text':'Still waiting'}}").formatted(id, occurredAt);
    }

    private List<TopicReader.Read> landed(String eventId) {
        return reader.readAll(TOPIC).stream().filter(r -> eventId.equals(r.raw().key())).toList();
    }

    @Test
    void shouldLandPlainJsonExactlyOnceWithEveryFieldWhereThe202Said() {
        String id = stack.uniqueName("json");
        Answer answer = http.post("/v1/feedback", "application/json", feedback(id), "X-API-Key", ItServices.WEB_KEY);
        assertThat(answer.status()).isEqualTo(202);

        List<TopicReader.Read> records = landed(id);
        assertThat(records).hasSize(1);
        TopicReader.Read read = records.get(0);
        assertThat(read.raw().partition()).isEqualTo(answer.json().get("partition").intValue());
        assertThat(read.raw().offset()).isEqualTo(answer.json().get("offset").longValue());
        FeedbackReceived v = read.value();
        assertThat(v.getEventId()).isEqualTo(id);
        assertThat(v.getIngestId()).isEqualTo(answer.json().get("ingestId").textValue());
        assertThat(v.getReceivedAt()).isEqualTo(Instant.parse(answer.json().get("receivedAt").textValue()));
        assertThat(v.getSourceSystem()).isEqualTo("web-form");
        assertThat(v.getChannel()).isEqualTo(Channel.EMAIL);
        assertThat(v.getCustomer().getEmail()).isEqualTo("ada@example.org");
        assertThat(v.getCustomer().getPhone()).isEqualTo("+41446681800");
        assertThat(v.getCustomer().getPreferredLanguage()).isEqualTo("en");
        assertThat(v.getCustomer().getDisplayName()).isEqualTo("Ada");
        assertThat(v.getCustomer().getId()).isEqualTo("c-9");
        assertThat(v.getSubject()).isEqualTo("Parcel");
        assertThat(v.getText()).isEqualTo("It arrived broken");
        assertThat(v.getRating()).isEqualTo(1);
        assertThat(v.getOccurredAt()).isEqualTo(occurredAt);
        assertThat(v.getReference()).isEqualTo("order-4711");
        assertThat(v.getAttributes()).containsExactlyEntriesOf(Map.of("plan", "pro"));
        assertThat(v.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    /** The path and query of a verdict link as the responder writes it. */
    private static String verdictLink(String complaintId, String resolutionId, Instant expires) {
        URI link = URI.create(new VerdictLinks(VERDICT_SECRET).link("https://ingest.example", complaintId, resolutionId, expires));
        return link.getRawPath() + "?" + link.getRawQuery();
    }

    @Test
    void shouldLandAVerdictOnceKeyedByItsComplaintAndNothingForAForgedOrExpiredLink() {
        String complaint = stack.uniqueName("complaint");
        String link = verdictLink(complaint, "res-1", Instant.now().plusSeconds(3600));
        Answer first = http.post(link, "application/json", quotes("{'score':1,'text':'Nothing was refunded.'}"));
        Answer repeat = http.post(link, "application/json", quotes("{'score':5}"));
        Answer forged = http.post(link.replace("resolution=res-1", "resolution=res-2"), "application/json", quotes("{'score':1}"));
        Answer expired = http.post(verdictLink(complaint, "res-3", Instant.now().minusSeconds(5)), "application/json", quotes("{'score':1}"));

        assertThat(first.status()).isEqualTo(202);
        assertThat(repeat.status()).isEqualTo(202);
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeat.json().get("score").intValue()).isEqualTo(1);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(expired.status()).isEqualTo(410);
        List<TopicReader.Read> records = landed(complaint);
        assertThat(records).hasSize(1);
        TopicReader.Read read = records.get(0);
        assertThat(read.raw().partition()).isEqualTo(first.json().get("partition").intValue());
        assertThat(read.raw().offset()).isEqualTo(first.json().get("offset").longValue());
        FeedbackReceived v = read.value();
        assertThat(v.getEventId()).isEqualTo(first.json().get("eventId").textValue());
        assertThat(v.getVerdict().getComplaintId()).isEqualTo(complaint);
        assertThat(v.getVerdict().getResolutionId()).isEqualTo("res-1");
        assertThat(v.getVerdict().getScore()).isEqualTo(1);
        assertThat(v.getRating()).isEqualTo(1);
        assertThat(v.getText()).isEqualTo("Nothing was refunded.");
        assertThat(v.getSourceSystem()).isEqualTo("verdict");
        assertThat(new String(read.raw().headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)).isEqualTo(v.getEventId());
    }

    @Test
    void shouldLandCloudEventsFromBothModesOnceWithCeHeaders() {
        String structured = stack.uniqueName("ce-s");
        String binary = stack.uniqueName("ce-b");
        assertThat(http.post("/v1/feedback", "application/cloudevents+json", cloudEvent(structured), "X-API-Key", ItServices.CHAT_KEY)
                .status()).isEqualTo(202);
        assertThat(http.post("/v1/feedback", "application/json", quotes("{'channel':'CHAT','text':'binary'}"), "X-API-Key", ItServices.CHAT_KEY,
                "ce-specversion", "1.0", "ce-id", binary, "ce-source", "chat-gw", "ce-type", "dev.heed.feedback",
                "ce-time", occurredAt.toString()).status()).isEqualTo(202);

        for (String id : List.of(structured, binary)) {
            List<TopicReader.Read> records = landed(id);
            assertThat(records).hasSize(1);
            var headers = records.get(0).raw().headers();
            assertThat(new String(headers.lastHeader("ce_id").value(), StandardCharsets.UTF_8)).isEqualTo(id);
            assertThat(new String(headers.lastHeader("ce_source").value(), StandardCharsets.UTF_8)).isEqualTo("chat-gw");
            assertThat(records.get(0).value().getOccurredAt()).isEqualTo(occurredAt);
        }
    }

    @Test
    void shouldLandEveryBatchItemOnce() {
        List<String> ids = List.of(stack.uniqueName("batch"), stack.uniqueName("batch"), stack.uniqueName("batch"));
        String jsonBatch = "[" + feedback(ids.get(0)) + "," + feedback(ids.get(1)) + "]";
        String ceBatch = "[" + cloudEvent(ids.get(2)) + "]";

        assertThat(http.post("/v1/feedback/batch", "application/json", jsonBatch, "X-API-Key", ItServices.WEB_KEY).status()).isEqualTo(202);
        assertThat(http.post("/v1/feedback/batch", "application/cloudevents-batch+json", ceBatch, "X-API-Key", ItServices.CHAT_KEY)
                .status()).isEqualTo(202);

        var all = reader.readAll(TOPIC);
        for (String id : ids) {
            assertThat(all).filteredOn(r -> id.equals(r.raw().key())).hasSize(1);
        }
    }

    @Test
    void shouldWriteARepeatedRequestOnlyOnce() {
        String key = stack.uniqueName("idem");
        String body = feedback(key).replace("\"eventId\":\"" + key + "\",", "");
        Answer first = http.post("/v1/feedback", "application/json", body, "X-API-Key", ItServices.WEB_KEY, "Idempotency-Key", key);
        Answer repeat = http.post("/v1/feedback", "application/json", body, "X-API-Key", ItServices.WEB_KEY, "Idempotency-Key", key);

        assertThat(repeat.raw().body()).isEqualTo(first.raw().body());
        assertThat(landed(key)).hasSize(1);
    }
}
