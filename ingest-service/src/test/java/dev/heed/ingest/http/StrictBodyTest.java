package dev.heed.ingest.http;

import static dev.heed.ingest.http.HttpTestClient.quotes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.ingest.http.HttpTestClient.Answer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Over real HTTP: a body is one JSON value, with each member once and only valid Unicode, or nothing is written. */
class StrictBodyTest {
    private static final String VALID = quotes("{'eventId':'%s','channel':'WEB','text':'%s','rating':1,'occurredAt':'2026-11-24T09:00:00Z'}");
    @RegisterExtension
    static final ServerFixture fixture = new ServerFixture(Map.of());

    private Answer post(String path, String body) {
        return fixture.http.post(path, "application/json", body, "X-API-Key", ServerFixture.WEB_KEY);
    }

    private static String valid(String id) {
        return VALID.formatted(id, "Broken parcel");
    }

    private JsonNode refused(Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        return answer.json();
    }

    private void assertNothingWrittenFor(String id) {
        assertThat(fixture.publisher.written).noneSatisfy(e -> assertThat(e.getEventId()).startsWith(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xyz", "{\"eventId\":\"other\"}", "}", "\u0000", " \n\u0000", "]", "null", "\"", "/"})
    void shouldRefuseAnythingAfterTheJsonValue(String after) {
        JsonNode problem = refused(post("/v1/feedback", valid("trailing-1") + after), 400);

        assertThat(problem.get("errors").get(0).get("pointer").textValue()).isEqualTo("/");
        assertThat(problem.get("errors").get(0).get("detail").textValue()).matches("has more after the JSON value \\(line \\d, column \\d+\\)");
        assertNothingWrittenFor("trailing-1");
    }

    @Test
    void shouldRefuseABatchWithAnythingAfterItsArray() {
        refused(post("/v1/feedback/batch", "[" + valid("trailing-b1") + "]xx"), 400);
        refused(post("/v1/feedback/batch", "[" + valid("trailing-b2") + "][]"), 400);

        assertNothingWrittenFor("trailing-b");
    }

    @Test
    void shouldStillAcceptTrailingWhiteSpace() {
        assertThat(post("/v1/feedback", valid("trailing-ws") + " \r\n\t").status()).isEqualTo(202);
    }

    @Test
    void shouldRefuseAMemberGivenTwiceNamingIt() {
        JsonNode rating = refused(post("/v1/feedback", valid("dup-1").replace("{", "{\"rating\":99,")), 400);
        JsonNode ids = refused(post("/v1/feedback", valid("dup-2").replace("{", "{\"eventId\":\"dup-3\",")), 400);
        JsonNode nested = refused(post("/v1/feedback",
                valid("dup-4").replace("{", quotes("{'customer':{'email':'a@example.org','email':'b@example.org'},"))), 400);

        assertThat(rating.get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("pointer").textValue()).isEqualTo("/rating");
            assertThat(e.get("detail").textValue()).isEqualTo("is given more than once in its object");
        });
        assertThat(ids.get("errors").findValuesAsText("pointer")).containsExactly("/eventId");
        assertThat(nested.get("errors").findValuesAsText("pointer")).containsExactly("/customer/email");
        assertNothingWrittenFor("dup-");
    }

    @Test
    void shouldRefuseOnlyTheBatchItemWithARepeatedMember() {
        String batch = "[" + valid("dup-b1") + "," + valid("dup-b2").replace("{", quotes("{'text':'first',")) + "," + valid("dup-b3") + "]";
        Answer answer = post("/v1/feedback/batch", batch);

        assertThat(answer.status()).isEqualTo(207);
        assertThat(answer.json().get("results")).extracting(n -> n.get("status").intValue()).containsExactly(202, 400, 202);
        assertThat(answer.json().get("results").get(1).get("problem").get("errors").findValuesAsText("pointer")).containsExactly("/1/text");
        assertNothingWrittenFor("dup-b2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"disap\\ud800pointed", "disap\\udc00pointed", "ends high \\ud83d", "reversed \\ude00\\ud83d"})
    void shouldRefuseALoneSurrogateRatherThanStoreItChanged(String text) {
        JsonNode problem = refused(post("/v1/feedback", VALID.formatted("surrogate-1", text)), 400);

        assertThat(problem.get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("pointer").textValue()).isEqualTo("/text");
            assertThat(e.get("detail").textValue()).contains("lone surrogate");
        });
        assertNothingWrittenFor("surrogate-1");
    }

    @Test
    void shouldRefuseALoneSurrogateAnywhereInsideTheBody() {
        JsonNode attribute = refused(post("/v1/feedback", valid("surrogate-2").replace("{", quotes("{'attributes':{'plan':'\\ud800'},"))), 400);
        JsonNode name = refused(post("/v1/feedback", valid("surrogate-3").replace("{", quotes("{'attributes':{'\\udfff':'x'},"))), 400);

        assertThat(attribute.get("errors").findValuesAsText("pointer")).containsExactly("/attributes/plan");
        assertThat(name.get("errors").findValuesAsText("pointer")).as("Jackson's parser refuses it in a name").containsExactly("/");
        assertNothingWrittenFor("surrogate-");
    }

    @Test
    void shouldKeepASurrogatePairAsSent() {
        assertThat(post("/v1/feedback", VALID.formatted("pair-1", "escaped \\ud83d\\ude00 and raw \uD83D\uDE00")).status()).isEqualTo(202);

        assertThat(fixture.publisher.written).filteredOn(e -> e.getEventId().equals("pair-1"))
                .singleElement().satisfies(e -> assertThat(e.getText()).isEqualTo("escaped \uD83D\uDE00 and raw \uD83D\uDE00"));
    }

    @Test
    void shouldDescribeBrokenJsonByLineAndColumnInItsOwnWords() {
        for (String body : new String[] {"{\n  \"channel\": WEB\n}", "{\"channel\":", "[1,2", "{\"a\":1}xyz", "\"\\ud800\""}) {
            JsonNode problem = refused(post("/v1/feedback", body), 400);
            String details = problem.get("errors").toString() + problem.get("detail");

            assertThat(details).as(body).doesNotContain("Source", "REDACTED", "Node", "Feature", "Exception", "`", "byte offset");
        }
        assertThat(refused(post("/v1/feedback", "{\n  \"channel\": WEB\n}"), 400).get("errors").get(0).get("detail").textValue())
                .isEqualTo("is not valid JSON text in UTF-8 (line 2, column 14)");
    }
}
