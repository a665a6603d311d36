package dev.heed.ingest.feedback;

import static dev.heed.ingest.feedback.FeedbackParserTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudEventRulesTest {
    @Test
    void shouldPassAValidEventAndReadItsTimeIncludingALeapSecond() {
        var checked = CloudEventRules.structured(json("{'specversion':'1.0','id':'a','source':'s','type':'t',"
                + "'time':'2016-12-31T23:59:60Z','subject':null,'ext':7,'data':{}}"), a -> "/" + a);

        assertThat(checked.errors()).isEmpty();
        assertThat(checked.time()).isEqualTo(Instant.parse("2016-12-31T23:59:59.999Z"));
    }

    @Test
    void shouldListEveryBrokenAttributeInOrderWithWhatIsWrong() {
        var checked = CloudEventRules.structured(json("{'specversion':'0.3','source':'','type':'t','time':'2018-04-05T18:31Z',"
                + "'subject':'','dataschema':'','datacontenttype':'json'}"), a -> "/2/" + a);

        assertThat(checked.errors()).extracting(FieldError::pointer, FieldError::detail).containsExactly(
                tuple("/2/specversion", "must be 1.0, the CloudEvents version this API reads"),
                tuple("/2/id", "is required"),
                tuple("/2/source", "must be a non-empty string"),
                tuple("/2/datacontenttype", "must be a media type (RFC 2046), e.g. application/json"),
                tuple("/2/dataschema", "must be a non-empty string"),
                tuple("/2/subject", "must be a non-empty string"),
                tuple("/2/time", "must be an RFC 3339 date-time, e.g. 2026-01-31T09:15:00Z or 2026-01-31T10:15:00.250+01:00: "
                        + "it is not of the form yyyy-mm-ddThh:mm:ss[.fraction](Z|±hh:mm)"));
        assertThat(checked.errors()).noneMatch(FieldError::semantic);
        assertThat(checked.time()).isNull();
    }

    @Test
    void shouldNameAMissingHeaderByItsOwnName() {
        var checked = CloudEventRules.binary(Map.of("ce-specversion", "1.0", "ce-source", "s", "ce-type", "t", "ce-x.y", "1",
                "content-type", "application/json"), a -> "header:ce-" + a);

        assertThat(checked.errors()).extracting(FieldError::pointer).containsExactly("header:ce-id", "header:ce-x.y");
    }
}
