package dev.heed.ingest.http;

import static dev.heed.ingest.http.HttpTestClient.quotes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.FeedbackReceived;
import dev.heed.ingest.http.HttpTestClient.Answer;
import dev.heed.ingest.intake.VerdictIntake;
import dev.heed.ingest.kafka.KafkaFeedbackPublisher;
import dev.heed.runtime.auth.VerdictLinks;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The customer's verdict through the signed link of a resolution message: no API key, the signature is the permission. */
class VerdictEndpointTest {
    static final String SECRET = "a-verdict-secret-for-the-tests";
    @RegisterExtension
    static final ServerFixture fixture = new ServerFixture(Map.of("HEED_VERDICT_SECRET", SECRET));
    @RegisterExtension
    static final ServerFixture withoutSecret = new ServerFixture(Map.of());

    private final VerdictLinks links = new VerdictLinks(SECRET);

    /** The path and query of a link, as the responder writes it, valid for a day from the fixture's now. */
    private String link(String complaintId, String resolutionId) {
        return link(complaintId, resolutionId, fixture.clock.instant().plus(Duration.ofDays(1)));
    }

    private String link(String complaintId, String resolutionId, Instant expires) {
        URI uri = URI.create(links.link("http://ingest.example", complaintId, resolutionId, expires));
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private List<FeedbackReceived> writtenFor(String complaintId) {
        return fixture.publisher.written.stream().filter(e -> e.getVerdict() != null && e.getVerdict().getComplaintId().equals(complaintId))
                .toList();
    }

    @Test
    void shouldWriteTheVerdictAsFeedbackLinkedToTheComplaintWithoutAnApiKey() {
        Answer answer = fixture.http.post(link("c-1", "u-1"), "application/json", quotes("{'score':1,'text':'Still broken.'}"));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("complaintId").textValue()).isEqualTo("c-1");
        assertThat(answer.json().get("score").intValue()).isEqualTo(1);
        assertThat(answer.json().get("eventId").textValue()).isEqualTo(VerdictIntake.eventId("c-1", "u-1"));
        FeedbackReceived written = writtenFor("c-1").get(0);
        assertThat(written.getSourceSystem()).isEqualTo(VerdictIntake.SOURCE);
        assertThat(written.getText()).isEqualTo("Still broken.");
        assertThat(written.getRating()).isEqualTo(1);
        assertThat(written.getVerdict().getResolutionId()).isEqualTo("u-1");
        assertThat(written.getVerdict().getScore()).isEqualTo(1);
        assertThat(written.getReceivedAt()).isEqualTo(fixture.clock.instant());
        // Keyed by the complaint, so routing meets it on the complaint's partition.
        assertThat(KafkaFeedbackPublisher.key(written)).isEqualTo("c-1");
    }

    @Test
    void shouldAnswerARepeatOfTheLinkWithTheFirstAnswerAndWriteNothing() {
        Answer first = fixture.http.post(link("c-2", "u-1"), "application/json", quotes("{'score':4}"));
        Answer same = fixture.http.post(link("c-2", "u-1"), "application/json", quotes("{'score':4}"));
        Answer changed = fixture.http.post(link("c-2", "u-1"), "application/json", quotes("{'score':1,'text':'changed my mind'}"));

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.header(Responses.REPLAYED_HEADER)).isNull();
        for (Answer repeat : List.of(same, changed)) {
            assertThat(repeat.status()).isEqualTo(202);
            assertThat(repeat.header(Responses.REPLAYED_HEADER)).isEqualTo("true");
            assertThat(repeat.json().get("score").intValue()).isEqualTo(4);
            assertThat(repeat.json().get("offset").longValue()).isEqualTo(first.json().get("offset").longValue());
        }
        assertThat(writtenFor("c-2")).hasSize(1);
        // Another resolution of the same complaint is another question.
        assertThat(fixture.http.post(link("c-2", "u-2"), "application/json", quotes("{'score':2}")).status()).isEqualTo(202);
        assertThat(writtenFor("c-2")).hasSize(2);
    }

    @Test
    void shouldAnswer403ForALinkHeedDidNotSignOrThatWasChanged() {
        String good = link("c-3", "u-1");
        Answer otherComplaint = fixture.http.post(good.replace("/c-3/", "/c-4/"), "application/json", quotes("{'score':5}"));
        Answer otherResolution = fixture.http.post(good.replace("resolution=u-1", "resolution=u-9"), "application/json", quotes("{'score':5}"));
        Answer longer = fixture.http.post(good.replaceFirst("expires=(\\d+)", "expires=9$1"), "application/json", quotes("{'score':5}"));
        String foreign = URI.create(new VerdictLinks("somebody-elses-secret-value").link("http://x", "c-3", "u-1",
                fixture.clock.instant().plusSeconds(60))).getRawQuery();
        Answer otherSecret = fixture.http.post("/v1/complaints/c-3/verdict?" + foreign, "application/json", quotes("{'score':5}"));

        for (Answer answer : List.of(otherComplaint, otherResolution, longer, otherSecret)) {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().get("type").textValue()).isEqualTo("urn:heed:problem:verdict-link-invalid");
        }
        assertThat(writtenFor("c-3")).isEmpty();
        assertThat(writtenFor("c-4")).isEmpty();
    }

    @Test
    void shouldAnswer410ForAnExpiredLink() {
        String expired = link("c-5", "u-1", fixture.clock.instant().minusSeconds(1));
        Answer post = fixture.http.post(expired, "application/json", quotes("{'score':5}"));
        Answer get = fixture.http.get(expired);

        assertThat(post.status()).isEqualTo(410);
        assertThat(post.json().get("type").textValue()).isEqualTo("urn:heed:problem:verdict-link-expired");
        assertThat(post.json().get("detail").textValue()).contains(fixture.clock.instant().minusSeconds(1).toString());
        assertThat(get.status()).isEqualTo(410);
        assertThat(writtenFor("c-5")).isEmpty();
    }

    @Test
    void shouldAnswer400NamingEveryMissingPartOfTheLink() {
        Answer answer = fixture.http.post("/v1/complaints/c-6/verdict?expires=soon", "application/json", quotes("{'score':5}"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsText("pointer"))
                .containsExactlyInAnyOrder("query:resolution", "query:expires", "query:sig");
    }

    @Test
    void shouldAnswer400ForAScoreOutsideOneToFiveOrAnUnknownField() {
        for (String body : List.of("{}", "{'score':0}", "{'score':6}", "{'score':'5'}", "{'score':2.5}")) {
            Answer answer = fixture.http.post(link("c-7", "u-1"), "application/json", quotes(body));
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.json().get("errors").findValuesAsText("pointer")).as(body).containsExactly("/score");
        }
        Answer extra = fixture.http.post(link("c-7", "u-1"), "application/json", quotes("{'score':3,'email':'x@example.com'}"));
        assertThat(extra.json().get("errors").findValuesAsText("pointer")).containsExactly("/email");
        Answer tooLong = fixture.http.post(link("c-7", "u-1"), "application/json", quotes("{'score':3,'text':'" + "x".repeat(2001) + "'}"));
        assertThat(tooLong.json().get("errors").findValuesAsText("pointer")).containsExactly("/text");
        Answer notJson = fixture.http.post(link("c-7", "u-1"), "application/json", "score=3");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(writtenFor("c-7")).isEmpty();
    }

    @Test
    void shouldCheckTheLinkBeforeTheAnswer() {
        Answer answer = fixture.http.post(link("c-8", "u-1").replace("/c-8/", "/c-9/"), "application/json", quotes("{'score':9}"));
        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void shouldShowAFormForAGoodLinkThatPostsItsAnswerBack() {
        String link = link("c-10", "u-1");
        Answer form = fixture.http.get(link);

        assertThat(form.status()).isEqualTo(200);
        assertThat(form.header("Content-Type")).startsWith("text/html");
        assertThat(form.raw().body()).contains("How did we do?", "name=\"score\"", "name=\"text\"",
                "action=\"?" + link.substring(link.indexOf('?') + 1).replace("&", "&amp;") + "\"");

        Answer posted = fixture.http.post(link, "application/x-www-form-urlencoded", "score=2&text=Not+fixed+at+all");
        assertThat(posted.status()).isEqualTo(202);
        assertThat(posted.header("Content-Type")).startsWith("text/html");
        assertThat(posted.raw().body()).contains("Thank you", "2 of 5");
        assertThat(writtenFor("c-10")).singleElement().satisfies(e -> assertThat(e.getText()).isEqualTo("Not fixed at all"));
    }

    @Test
    void shouldAnswer415ForAnotherContentType() {
        Answer answer = fixture.http.post(link("c-11", "u-1"), "text/plain", "5");
        assertThat(answer.status()).isEqualTo(415);
    }

    @Test
    void shouldAnswer503WhenKafkaDoesNotTakeItAndWriteOnTheRetry() {
        fixture.publisher.failure = new TimeoutException("no broker");
        Answer refused = fixture.http.post(link("c-12", "u-1"), "application/json", quotes("{'score':5}"));
        fixture.publisher.failure = null;
        Answer retried = fixture.http.post(link("c-12", "u-1"), "application/json", quotes("{'score':5}"));

        assertThat(refused.status()).isEqualTo(503);
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.header(Responses.REPLAYED_HEADER)).isNull();
        assertThat(writtenFor("c-12")).hasSize(1);
    }

    @Test
    void shouldAnswer404WhenThisInstanceHasNoVerdictSecret() {
        Answer answer = withoutSecret.http.post(link("c-13", "u-1"), "application/json", quotes("{'score':5}"));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("type").textValue()).isEqualTo("urn:heed:problem:verdicts-disabled");
    }

    @Test
    void shouldStillAskForAKeyEverywhereElse() {
        Answer answer = fixture.http.post("/v1/feedback", "application/json",
                quotes("{'channel':'WEB','text':'x','occurredAt':'2026-11-24T09:00:00Z'}"));
        assertThat(answer.status()).isEqualTo(401);
    }
}
