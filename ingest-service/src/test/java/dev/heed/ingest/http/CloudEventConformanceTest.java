package dev.heed.ingest.http;

import static dev.heed.ingest.http.HttpTestClient.quotes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.events.FeedbackReceived;
import dev.heed.ingest.auth.ApiKeyRegistry;
import dev.heed.ingest.http.HttpTestClient.Answer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Over real HTTP: the invalid events of the CloudEvents conformance suite (cloudevents/conformance,
 * format/json/invalid-events.json), each made of an event this endpoint would otherwise accept, are refused
 * with the attribute's pointer and nothing written; its valid events are accepted.
 */
class CloudEventConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "chat-key";
    private static final String VALID = quotes("{'specversion':'1.0','id':'%s','source':'chat-gw','type':'dev.heed.feedback',"
            + "'datacontenttype':'application/json','data':{'channel':'CHAT','text':'hello','occurredAt':'2026-11-24T09:30:00Z'}}");
    private static final AtomicInteger IDS = new AtomicInteger();
    @RegisterExtension
    static final ServerFixture fixture = new ServerFixture(Map.of("HEED_INGEST_API_KEYS", "chat-gw=" + ApiKeyRegistry.hash(KEY)));

    /** The valid event with one member replaced (a JSON value) or removed ({@code -}). */
    private static String event(String id, String member, String value) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(VALID.formatted(id));
            if (value.equals("-")) {
                event.remove(member);
            } else {
                event.set(member, JSON.readTree(quotes(value)));
            }
            if (member.equals("time")) {
                ((ObjectNode) event.get("data")).remove("occurredAt");
            }
            return JSON.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Answer post(String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "X-API-Key";
        all[1] = KEY;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return fixture.http.post("/v1/feedback", headers.length == 0 ? "application/cloudevents+json" : "application/json", body, all);
    }

    private void assertNothingWritten(String id) {
        assertThat(fixture.publisher.written).noneSatisfy(e -> assertThat(e.getEventId()).isEqualTo(id));
    }

    private FeedbackReceived written(String id) {
        return fixture.publisher.written.stream().filter(e -> e.getEventId().equals(id)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "invalidNoSpecVersion | specversion | - | /specversion",
            "invalidNoId | id | - | /id",
            "invalidNoType | type | - | /type",
            "invalidNoSource | source | - | /source",
            "invalidTimeGarbage | time | 'lunchtime' | /time",
            "invalidTimeToMinute | time | '2018-04-05T18:31Z' | /time",
            "invalidTimeOffsetX | time | '2018-04-05T18:31:00X' | /time",
            "invalidTimeOffsetOutOfRange | time | '2018-04-05T18:31:00+25:00' | /time",
            "invalidTimeOffsetNonInteger | time | '2018-04-05T18:31:00+xx:00' | /time",
            "invalidTimeOffsetHourOnly | time | '2018-04-05T18:31:00+05' | /time",
            "invalidEmptyId | id | '' | /id",
            "invalidEmptyType | type | '' | /type",
            "invalidEmptySource | source | '' | /source",
            "invalidEmptySpecVersion | specversion | '' | /specversion",
            "invalidUnknownSpecVersion | specversion | '0.9' | /specversion",
            "specversion 0.3, which this API does not read | specversion | '0.3' | /specversion",
            "invalidNonRfc2046DataContentType | datacontenttype | 'xyz' | /datacontenttype",
            "invalidEmptyDataContentType | datacontenttype | '' | /datacontenttype",
            "invalidEmptyDataSchema | dataschema | '' | /dataschema",
            "a relative dataschema | dataschema | 'schemas/feedback' | /dataschema",
            "invalidEmptySubject | subject | '' | /subject",
            "invalidNumericId | id | 25 | /id",
            "invalidObjectId | id | {'xyz':'abc'} | /id",
            "a source that is no URI reference | source | 'chat gw' | /source",
            "invalidCapitalizedExtension | MyExtension | 'bad' | /MyExtension",
            "invalidPunctuatedExtension | my.extension | 'bad' | /my.extension",
            "invalidNonIntegerExtensionValue | myextension | 1.5 | /myextension",
            "an object as extension value | myextension | {'a':1} | /myextension",
            "an integer beyond 32 bits | myextension | 3000000000 | /myextension",
            "invalidBothDataAndDataBase64 | data_base64 | 'eyB9' | /data_base64",
            "data_base64 that is no Base64 | data_base64 | '!!!' | /data_base64"})
    void shouldRefuseEachInvalidEventOfTheConformanceSuite(String name, String member, String value, String pointer) {
        String id = "conf-" + IDS.incrementAndGet();
        String body = event(id, member, value);
        if (name.equals("data_base64 that is no Base64")) {
            body = body.replace(",\"data\":{\"channel\":\"CHAT\",\"text\":\"hello\",\"occurredAt\":\"2026-11-24T09:30:00Z\"}", "");
        }
        Answer answer = post(body);

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").findValuesAsText("pointer")).contains(pointer);
        assertThat(answer.raw().body()).doesNotContain("Node", "java.", "Exception", "Source:", "`");
        assertNothingWritten(id);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "validMinimalWithNullForOptional | subject | null",
            "validAllCoreAttributes | dataschema | 'https://cloudevents.io/dataschema'",
            "a subject | subject | 'tests'",
            "validMinimalWithTimeToNanosecondsUtc | time | '2018-04-05T17:31:00.000000000Z'",
            "validMinimalWithTimeUsingPositiveOffset | time | '2018-04-05T18:31:00+01:00'",
            "validMinimalWithTimeUsingNegativeOffset | time | '2018-04-05T16:31:00-01:00'",
            "an integer extension | extinteger | 10",
            "a boolean extension | extboolean | true",
            "a null extension | extnull | null",
            "a timestamp extension, a string in JSON | exttimestamp | '2023-03-31T15:12:00Z'"})
    void shouldAcceptTheValidEventsOfTheConformanceSuite(String name, String member, String value) {
        String id = "valid-" + IDS.incrementAndGet();
        Answer answer = post(event(id, member, value));

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(202);
        assertThat(written(id).getText()).isEqualTo("hello");
    }

    @Test
    void shouldTakeALeapSecondAsTheEventTime() {
        assertThat(post(event("leap-ce", "time", "'2016-12-31T23:59:60Z'")).status()).isEqualTo(202);
        assertThat(post(quotes("{'channel':'CHAT','text':'binary leap'}"), "ce-specversion", "1.0", "ce-id", "leap-bin",
                "ce-source", "chat-gw", "ce-type", "dev.heed.feedback", "ce-time", "2017-01-01T00:59:60+01:00").status()).isEqualTo(202);

        assertThat(written("leap-ce").getOccurredAt()).isEqualTo(Instant.parse("2016-12-31T23:59:59.999Z"));
        assertThat(written("leap-bin").getOccurredAt()).isEqualTo(Instant.parse("2016-12-31T23:59:59.999Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no ce-id | ce-id | | header:ce-id",
            "specversion 0.3 | ce-specversion | 0.3 | header:ce-specversion",
            "time without seconds | ce-time | 2018-04-05T18:31Z | header:ce-time",
            "offset without minutes | ce-time | 2018-04-05T18:31:00+05 | header:ce-time",
            "empty subject | ce-subject | '' | header:ce-subject",
            "empty dataschema | ce-dataschema | '' | header:ce-dataschema",
            "an extension name with '_' | ce-my_ext | x | header:ce-my_ext"})
    void shouldRefuseTheSameInBinaryModeNamingTheHeader(String name, String header, String value, String pointer) {
        var headers = new java.util.LinkedHashMap<>(Map.of("ce-specversion", "1.0", "ce-id", "bin-" + IDS.incrementAndGet(),
                "ce-source", "chat-gw", "ce-type", "dev.heed.feedback", "ce-time", "2026-11-24T09:31:00Z"));
        if (value == null) {
            headers.remove(header);
        } else {
            headers.put(header, value);
        }
        String[] pairs = headers.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new);
        Answer answer = post(quotes("{'channel':'CHAT','text':'binary'}"), pairs);

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsText("pointer")).containsExactly(pointer);
        assertThat(fixture.publisher.written).noneSatisfy(e -> assertThat(e.getText()).isEqualTo("binary"));
    }

    @Test
    void shouldAnswer422NamingOnlyTheTypeForAValidEventOfAnotherType() {
        Answer structured = post(event("foreign-1", "type", "'com.example.order.shipped'")
                .replace("{\"channel\":\"CHAT\",\"text\":\"hello\",\"occurredAt\":\"2026-11-24T09:30:00Z\"}", "{\"order\":42}"));
        Answer binary = post("{\"order\":42}", "ce-specversion", "1.0", "ce-id", "foreign-2", "ce-source", "chat-gw",
                "ce-type", "com.example.order.shipped");

        for (Answer answer : new Answer[] {structured, binary}) {
            assertThat(answer.status()).as(answer.raw().body()).isEqualTo(422);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            JsonNode errors = answer.json().get("errors");
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).get("detail").textValue()).startsWith("is not dev.heed.feedback");
        }
        assertThat(structured.json().get("errors").get(0).get("pointer").textValue()).isEqualTo("/type");
        assertThat(binary.json().get("errors").get(0).get("pointer").textValue()).isEqualTo("header:ce-type");
        assertNothingWritten("foreign-1");
        assertNothingWritten("foreign-2");
    }

    @Test
    void shouldRefuseARepeatedAttributeOrDataMember() {
        Answer ids = post(event("dup-ce-1", "subject", "'s'").replaceFirst("\\{", "{\"id\":\"dup-ce-2\","));
        Answer data = post(event("dup-ce-3", "subject", "'s'").replace("\"text\":\"hello\"", "\"text\":\"hello\",\"text\":\"bye\""));

        assertThat(ids.status()).isEqualTo(400);
        assertThat(ids.json().get("errors").findValuesAsText("pointer")).containsExactly("/id");
        assertThat(data.status()).isEqualTo(400);
        assertThat(data.json().get("errors").findValuesAsText("pointer")).containsExactly("/data/text");
        assertNothingWritten("dup-ce-1");
        assertNothingWritten("dup-ce-2");
        assertNothingWritten("dup-ce-3");
    }
}
