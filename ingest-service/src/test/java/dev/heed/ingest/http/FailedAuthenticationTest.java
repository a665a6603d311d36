package dev.heed.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.ingest.http.HttpTestClient.Answer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests without a valid key are limited per client address; a valid key from the same address never is. */
class FailedAuthenticationTest {
    @RegisterExtension
    static final ServerFixture fixture = new ServerFixture(Map.of(
            "HEED_INGEST_AUTH_FAILURES", "5",
            "HEED_INGEST_AUTH_FAILURE_WINDOW", "PT1M"));

    private Answer post(String key, String id) {
        return fixture.http.post("/v1/feedback", "application/json", FeedbackEndpointTest.VALID.formatted(id), "X-API-Key", key);
    }

    @Test
    void shouldAnswer429WithRetryAfterOnceAnAddressSentTooManyWrongKeys() {
        for (int i = 0; i < 5; i++) {
            assertThat(post("wrong-" + i, "wrong-" + i).status()).isEqualTo(401);
        }
        fixture.clock.advance(Duration.ofSeconds(15));
        Answer limited = post("wrong-5", "wrong-5");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("45");
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(limited.json().get("type").textValue()).isEqualTo("urn:heed:problem:too-many-failed-authentications");
        assertThat(fixture.http.post("/v1/feedback", "application/json", FeedbackEndpointTest.VALID.formatted("no-key")).status()).as("no key at all counts too").isEqualTo(429);

        assertThat(post(ServerFixture.WEB_KEY, "good-key-1").status()).as("a valid key from the same address").isEqualTo(202);

        fixture.clock.advance(Duration.ofSeconds(45));
        assertThat(post("wrong-6", "wrong-6").status()).as("the next window").isEqualTo(401);
        assertThat(fixture.publisher.written).noneMatch(e -> e.getEventId().startsWith("wrong-"));
    }
}
