package dev.heed.ingest.http;

import static dev.heed.ingest.http.HttpTestClient.quotes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.events.FeedbackReceived;
import dev.heed.ingest.http.HttpTestClient.Answer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Over real HTTP: times are RFC 3339 from 1970 on, a rating is a whole number however written, lengths count characters. */
class FieldValuesTest {
    private static final String FEEDBACK = quotes("{'eventId':'%s','channel':'WEB','text':'%s','rating':%s,'occurredAt':'%s'}");
    @RegisterExtension
    static final ServerFixture fixture = new ServerFixture(Map.of("HEED_INGEST_MAX_BODY_BYTES", "200000"));

    private Answer post(String id, String text, String rating, String occurredAt) {
        return fixture.http.post("/v1/feedback", "application/json", FEEDBACK.formatted(id, text, rating, occurredAt),
                "X-API-Key", ServerFixture.WEB_KEY);
    }

    private FeedbackReceived written(String id) {
        return fixture.publisher.written.stream().filter(e -> e.getEventId().equals(id)).findFirst().orElseThrow();
    }

    private static JsonNode problem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        return answer.json().get("errors").get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-000001-01-01T00:00:00Z", "+12026-01-01T00:00:00Z", "2026-11-24T09:59Z", "2026-11-24T09:59:00+05",
            "2026-11-24T09:59:00+01:00:30", "2026-11-24T12:00:60Z"})
    void shouldRefuseWhatIsNotRfc3339(String occurredAt) {
        JsonNode error = problem(post("time-bad", "x", "1", occurredAt), 400);

        assertThat(error.get("pointer").textValue()).isEqualTo("/occurredAt");
        assertThat(error.get("detail").textValue()).startsWith("must be an RFC 3339 date-time");
        assertThat(fixture.publisher.written).noneSatisfy(e -> assertThat(e.getEventId()).isEqualTo("time-bad"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z", "1970-01-01T01:00:00+01:00"})
    void shouldCallTimesUpToTheEpochUnacceptable(String occurredAt) {
        JsonNode error = problem(post("time-early", "x", "1", occurredAt), 422);

        assertThat(error.get("detail").textValue()).startsWith("must be later than 1970-01-01T00:00:00Z");
        assertThat(fixture.publisher.written).noneSatisfy(e -> assertThat(e.getEventId()).isEqualTo("time-early"));
    }

    @Test
    void shouldAcceptTheFirstMillisecondAfterTheEpochAndLowerCaseLetters() {
        assertThat(post("time-first", "x", "1", "1970-01-01T00:00:00.001Z").status()).isEqualTo(202);
        assertThat(post("time-lower", "x", "1", "2026-11-24t09:00:00z").status()).isEqualTo(202);

        assertThat(written("time-lower").getOccurredAt()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
    }

    @Test
    void shouldAcceptALeapSecondAsTheLastMillisecondOfItsMinute() {
        assertThat(post("leap-1", "x", "1", "2016-12-31T23:59:60Z").status()).isEqualTo(202);
        assertThat(post("leap-2", "x", "1", "2017-01-01T05:29:60.5+05:30").status()).isEqualTo(202);

        assertThat(written("leap-1").getOccurredAt()).isEqualTo(Instant.parse("2016-12-31T23:59:59.999Z"));
        assertThat(written("leap-2").getOccurredAt()).isEqualTo(Instant.parse("2016-12-31T23:59:59.999Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.0", "5.000", "5e0", "0.5e1", "1.0"})
    void shouldAcceptAWholeRatingWrittenWithAFractionOrExponent(String rating) {
        assertThat(post("rating-" + rating, "x", rating, "2026-11-24T09:00:00Z").status()).isEqualTo(202);

        assertThat(written("rating-" + rating).getRating()).isEqualTo(Double.valueOf(rating).intValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.5", "5.00000000000000001", "6.0", "0.0", "1e400", "-1", "\"5\"", "true"})
    void shouldRefuseARatingThatIsNotAWholeNumberFromOneToFive(String rating) {
        JsonNode error = problem(post("rating-bad", "x", rating, "2026-11-24T09:00:00Z"), 400);

        assertThat(error.get("pointer").textValue()).isEqualTo("/rating");
        assertThat(fixture.publisher.written).noneSatisfy(e -> assertThat(e.getEventId()).isEqualTo("rating-bad"));
    }

    @Test
    void shouldCountLengthsInCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00";
        assertThat(post("emoji-16001", emoji.repeat(16_001), "1", "2026-11-24T09:00:00Z").status()).isEqualTo(202);
        assertThat(post("emoji-32000", emoji.repeat(32_000), "1", "2026-11-24T09:00:00Z").status()).isEqualTo(202);
        JsonNode error = problem(post("emoji-32001", emoji.repeat(32_001), "1", "2026-11-24T09:00:00Z"), 400);

        assertThat(error.get("detail").textValue()).isEqualTo("must be at most 32000 characters (Unicode code points)");
        assertThat(written("emoji-16001").getText()).isEqualTo(emoji.repeat(16_001));
    }
}
