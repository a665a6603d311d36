package dev.heed.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the HTTP server itself answers, before any route runs (malformed requests Jetty refuses while parsing,
 * wrong methods), is a problem document like every other answer of this API, never an HTML error page.
 */
class HttpLayerErrorsTest {
    @RegisterExtension
    static final ServerFixture fixture = new ServerFixture(Map.of());

    private static final String KEY = "X-API-Key: " + ServerFixture.WEB_KEY + "\r\n";

    static List<HttpLayerCases.Malformed> malformed() {
        return HttpLayerCases.malformed(ServerFixture.WEB_KEY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void shouldAnswerMalformedRequestsWithAProblem(HttpLayerCases.Malformed malformed) {
        RawHttp.Answer answer = RawHttp.exchange(fixture.server.port(), malformed.request());

        assertThat(answer.status()).as(answer.body()).isEqualTo(malformed.status());
        assertThat(answer.header("Content-Type")).as(answer.body()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").intValue()).isEqualTo(malformed.status());
        assertThat(answer.json().get("type").textValue()).startsWith("urn:heed:problem:");
        assertThat(fixture.publisher.written).isEmpty();
    }

    static List<HttpLayerCases.WrongMethod> wrongMethods() {
        return HttpLayerCases.wrongMethods();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongMethods")
    void shouldAnswerAWrongMethodWith405AndWhatIsAllowedWhateverTheKey(HttpLayerCases.WrongMethod wrong) {
        for (String key : new String[] {"", KEY}) {
            RawHttp.Answer answer = RawHttp.exchange(fixture.server.port(),
                    wrong.method() + " " + wrong.path() + " HTTP/1.1\r\nHost: x\r\n" + key + "Content-Length: 0\r\n\r\n");

            assertThat(answer.status()).as(answer.body()).isEqualTo(405);
            assertThat(answer.header("Allow")).isEqualTo(wrong.allowed());
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().get("type").textValue()).isEqualTo("urn:heed:problem:method-not-allowed");
        }
    }

    @Test
    void shouldAnswerOptionsWithWhatIsAllowed() {
        RawHttp.Answer answer = RawHttp.exchange(fixture.server.port(), "OPTIONS /v1/feedback HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.header("Allow")).isEqualTo("POST, OPTIONS");
    }

    @Test
    void shouldStillAnswerUnknownPathsWith404() {
        RawHttp.Answer answer = RawHttp.exchange(fixture.server.port(), "DELETE /v1/nothing HTTP/1.1\r\nHost: x\r\n" + KEY + "\r\n");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }
}
