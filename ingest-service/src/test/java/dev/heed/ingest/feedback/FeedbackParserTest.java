package dev.heed.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.events.Channel;
import dev.heed.schemas.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedbackParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final FeedbackParser parser = new FeedbackParser(clock, Duration.ofMinutes(5));

    /** The tree as the service reads it: decimals kept exact. */
    static JsonNode json(String text) {
        StrictJson.Parsed parsed = new StrictJson(JSON).read(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8), "");
        assertThat(parsed.isClean()).as(text).isTrue();
        return parsed.tree();
    }

    @Test
    void shouldReadEveryFieldOfAFullFeedback() {
        Submission s = parser.parseJson(json("""
                {'eventId':'wf-1','sourceSystem':'web-form','channel':'EMAIL',
                 'customer':{'id':'c-1','displayName':'Ada','email':'ada@example.org','phone':'+41446681800','preferredLanguage':'de-CH'},
                 'subject':'Order','text':'Broken','rating':2,'occurredAt':'2026-11-24T09:59:00.123456+01:00',
                 'reference':'order-1','attributes':{'b':'2','a':'1'},'traceId':'4bf92f3577b34da6a3ce929d0e0e4736'}"""), "");

        assertThat(s.errors()).isEmpty();
        assertThat(s.eventId()).isEqualTo("wf-1");
        assertThat(s.claimedSource()).isEqualTo("web-form");
        FeedbackInput in = s.input();
        assertThat(in.channel()).isEqualTo(Channel.EMAIL);
        assertThat(in.customer()).isEqualTo(new CustomerInput("c-1", "Ada", "ada@example.org", "+41446681800", "de-CH"));
        assertThat(in.occurredAt()).as("offset applied, truncated to the topic's millis").isEqualTo(Instant.parse("2026-11-24T08:59:00.123Z"));
        assertThat(in.attributes()).containsExactly(java.util.Map.entry("a", "1"), java.util.Map.entry("b", "2"));
        assertThat(in).extracting(FeedbackInput::subject, FeedbackInput::text, FeedbackInput::rating, FeedbackInput::reference, FeedbackInput::traceId)
                .containsExactly("Order", "Broken", 2, "order-1", "4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void shouldReadTheComplaintAReplyAnswersAndRefuseOneThatIsNoComplaintId() {
        Submission reply = parser.parseJson(json(
                "{'channel':'EMAIL','text':'Still broken','occurredAt':'2026-11-24T09:00:00Z','replyTo':'wf-2026-000123'}"), "");
        Submission plain = parser.parseJson(json("{'channel':'EMAIL','text':'Hi','occurredAt':'2026-11-24T09:00:00Z'}"), "");
        Submission bad = parser.parseJson(json(
                "{'channel':'EMAIL','text':'Hi','occurredAt':'2026-11-24T09:00:00Z','replyTo':'<msg_1@heed>'}"), "");

        assertThat(reply.input().replyTo()).isEqualTo("wf-2026-000123");
        assertThat(FeedbackMapper.toEvent("e-1", "mail-gw", reply.input(), "i-1", Instant.EPOCH).getReplyTo()).isEqualTo("wf-2026-000123");
        assertThat(plain.input().replyTo()).isNull();
        assertThat(bad.input()).isNull();
        assertThat(bad.errors()).extracting(FieldError::pointer).containsExactly("/replyTo");
    }

    @Test
    void shouldTreatAMissingCustomerAsAnonymousAndIdentityAsOptional() {
        Submission s = parser.parseJson(json("{'channel':'WEB','text':'','occurredAt':'2026-11-24T09:00:00Z'}"), "");

        assertThat(s.isValid()).isTrue();
        assertThat(s.eventId()).isNull();
        assertThat(s.input().customer()).isEqualTo(CustomerInput.ANONYMOUS);
    }

    @Test
    void shouldNameEveryInvalidFieldAtOnce() {
        Submission s = parser.parseJson(json("""
                {'eventId':'has space','channel':'FAX','customer':{'email':'nope','phone':'0800','shoe':'42'},
                 'text':7,'rating':6,'occurredAt':'yesterday','attributes':{'n':1},'traceId':'XYZ','colour':'red'}"""), "");

        assertThat(s.input()).isNull();
        assertThat(s.errors()).extracting(FieldError::pointer).containsExactlyInAnyOrder(
                "/eventId", "/channel", "/customer/email", "/customer/phone", "/customer/shoe",
                "/text", "/rating", "/occurredAt", "/attributes/n", "/traceId", "/colour");
        assertThat(s.errors()).noneMatch(FieldError::semantic);
    }

    @Test
    void shouldRequireChannelTextAndOccurredAt() {
        Submission s = parser.parseJson(json("{}"), "");

        assertThat(s.errors()).extracting(FieldError::pointer, FieldError::detail).containsExactlyInAnyOrder(
                tuple("/channel", "is required"), tuple("/text", "is required"), tuple("/occurredAt", "is required"));
    }

    @Test
    void shouldRefuseServerOwnedFieldsRatherThanOverwriteThem() {
        Submission s = parser.parseJson(json(
                "{'channel':'WEB','text':'x','occurredAt':'2026-11-24T09:00:00Z','receivedAt':'2026-11-24T09:00:00Z','ingestId':'abc'}"), "");

        assertThat(s.errors()).extracting(FieldError::pointer).containsExactlyInAnyOrder("/receivedAt", "/ingestId");
        assertThat(s.errors()).allSatisfy(e -> assertThat(e.detail()).contains("set by the server"));
    }

    @Test
    void shouldCallAFutureTimeUnacceptableButAllowClockSkew() {
        Submission future = parser.parseJson(json("{'channel':'WEB','text':'x','occurredAt':'2026-11-24T10:06:00Z'}"), "");
        Submission skewed = parser.parseJson(json("{'channel':'WEB','text':'x','occurredAt':'2026-11-24T10:04:00Z'}"), "");

        assertThat(future.errors()).singleElement().satisfies(e -> {
            assertThat(e.pointer()).isEqualTo("/occurredAt");
            assertThat(e.semantic()).isTrue();
        });
        assertThat(skewed.isValid()).isTrue();
    }

    @Test
    void shouldRefuseABodyThatIsNotAnObjectAndPrefixPointersInBatches() {
        assertThat(parser.parseJson(json("[1]"), "").errors()).extracting(FieldError::pointer).containsExactly("/");
        assertThat(parser.parseJson(json("{'channel':'WEB'}"), "/3").errors()).extracting(FieldError::pointer)
                .containsExactlyInAnyOrder("/3/text", "/3/occurredAt");
    }

    @Test
    void shouldEscapeFieldNamesInPointers() {
        Submission s = parser.parseJson(json("{'channel':'WEB','text':'x','occurredAt':'2026-11-24T09:00:00Z','a/b~c':1}"), "");
        assertThat(s.errors()).extracting(FieldError::pointer).containsExactly("/a~1b~0c");
    }

    @Test
    void shouldTakeEventTimeWhenCloudEventDataHasNoOccurredAtAndRefuseIdentityInData() {
        Instant time = Instant.parse("2026-11-24T09:00:00Z");
        Submission ok = parser.parseEventData(json("{'channel':'CHAT','text':'hi'}"), "/data", "ce-1", "chat-gw", time);
        Submission bad = parser.parseEventData(json("{'channel':'CHAT','text':'hi','eventId':'x'}"), "/data", "ce-1", "chat-gw", null);

        assertThat(ok.input().occurredAt()).isEqualTo(time);
        assertThat(ok.eventId()).isEqualTo("ce-1");
        assertThat(ok.claimedSource()).isEqualTo("chat-gw");
        assertThat(bad.errors()).extracting(FieldError::pointer).containsExactlyInAnyOrder("/data/eventId", "/data/occurredAt");
    }

    @Test
    void shouldCallAnOccurredAtUpToTheEpochUnacceptable() {
        Submission epoch = parser.parseJson(json("{'channel':'WEB','text':'x','occurredAt':'1970-01-01T00:00:00Z'}"), "");
        Submission after = parser.parseJson(json("{'channel':'WEB','text':'x','occurredAt':'1970-01-01T00:00:00.001Z'}"), "");
        Submission eventTime = parser.parseEventData(json("{'channel':'CHAT','text':'hi'}"), "/data", "ce-1", "chat-gw",
                Instant.parse("1969-07-20T20:17:40Z"));

        assertThat(epoch.errors()).singleElement().satisfies(e -> {
            assertThat(e.pointer()).isEqualTo("/occurredAt");
            assertThat(e.semantic()).isTrue();
        });
        assertThat(after.isValid()).isTrue();
        assertThat(eventTime.errors()).extracting(FieldError::pointer).containsExactly("/data/occurredAt");
    }

    @Test
    void shouldReadAWholeRatingHoweverWrittenAndRefuseAFraction() {
        for (String whole : new String[] {"5.0", "5e0", "50e-1", "3.000"}) {
            Submission s = parser.parseJson(json("{'channel':'WEB','text':'x','rating':" + whole + ",'occurredAt':'2026-11-24T09:00:00Z'}"), "");
            assertThat(s.input()).as(whole).isNotNull();
            assertThat(s.input().rating()).as(whole).isEqualTo(Double.valueOf(whole).intValue());
        }
        for (String refused : new String[] {"4.5", "5.00000000000000001", "0.9999999999999999999", "1e400", "9223372036854775808"}) {
            Submission s = parser.parseJson(json("{'channel':'WEB','text':'x','rating':" + refused + ",'occurredAt':'2026-11-24T09:00:00Z'}"), "");
            assertThat(s.errors()).as(refused).extracting(FieldError::pointer).containsExactly("/rating");
        }
    }

    @Test
    void shouldCountEveryLengthInCodePoints() {
        String emoji = "\uD83D\uDE00";
        Submission atLimit = parser.parseJson(json("{'channel':'WEB','text':'x','subject':'" + emoji.repeat(500)
                + "','customer':{'displayName':'" + emoji.repeat(200) + "'},'occurredAt':'2026-11-24T09:00:00Z'}"), "");
        Submission over = parser.parseJson(json("{'channel':'WEB','text':'x','subject':'" + emoji.repeat(501)
                + "','occurredAt':'2026-11-24T09:00:00Z'}"), "");

        assertThat(atLimit.isValid()).isTrue();
        assertThat(over.errors()).extracting(FieldError::detail).containsExactly("must be at most 500 characters (Unicode code points)");
    }
}
