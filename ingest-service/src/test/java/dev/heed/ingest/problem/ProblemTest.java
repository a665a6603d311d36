package dev.heed.ingest.problem;

import dev.heed.runtime.http.Problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.ingest.JsonMapping;
import dev.heed.ingest.feedback.FieldError;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {
    @Test
    void shouldBe400WhenAnyFieldBreaksTheSchemaListingAllFields() {
        Problem p = Problems.invalid(List.of(FieldError.invalid("/text", "is required"), FieldError.unacceptable("/occurredAt", "lies in the future")));

        assertThat(p.status()).isEqualTo(400);
        assertThat(p.errors()).extracting(Problem.Error::pointer).containsExactly("/text", "/occurredAt");
    }

    @Test
    void shouldBe422WhenEveryFieldIsWellFormedButUnacceptable() {
        Problem p = Problems.invalid(List.of(FieldError.unacceptable("/occurredAt", "lies in the future")));
        assertThat(p.status()).isEqualTo(422);
    }

    @Test
    void shouldRenderAsRfc9457WithoutEmptyMembersOrTheRetryHint() throws Exception {
        JsonNode body = JsonMapping.create().valueToTree(Problems.rateLimited(Duration.ofMillis(1)));

        assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("type", "title", "status", "detail");
        assertThat(body.get("status").intValue()).isEqualTo(429);
        assertThat(body.get("type").textValue()).isEqualTo("urn:heed:problem:rate-limited");
    }

    @Test
    void shouldRoundRetryAfterUpToWholeSecondsAndNeverSayZero() {
        assertThat(Problems.rateLimited(Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(Problems.rateLimited(Duration.ofMillis(1500)).retryAfterSeconds()).isEqualTo(2);
        assertThat(Problems.kafkaUnavailable(Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
    }
}
