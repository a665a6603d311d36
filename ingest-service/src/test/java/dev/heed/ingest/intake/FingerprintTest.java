package dev.heed.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.Channel;
import dev.heed.ingest.feedback.CustomerInput;
import dev.heed.ingest.feedback.FeedbackInput;
import java.time.Instant;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    private static FeedbackInput input(String subject, String text, Integer rating, String key, String value) {
        var attributes = new TreeMap<String, String>();
        if (key != null) {
            attributes.put(key, value);
        }
        return new FeedbackInput(Channel.WEB, CustomerInput.ANONYMOUS, subject, text, rating,
                Instant.parse("2026-11-24T09:00:00Z"), null, attributes, null);
    }

    @Test
    void shouldBeEqualForEqualContent() {
        assertThat(Fingerprint.of("web", input("s", "t", 1, "a", "b"))).isEqualTo(Fingerprint.of("web", input("s", "t", 1, "a", "b")));
    }

    @Test
    void shouldDifferWhenAnythingDiffers() {
        Fingerprint base = Fingerprint.of("web", input("s", "t", 1, "a", "b"));

        assertThat(Fingerprint.of("zendesk", input("s", "t", 1, "a", "b"))).isNotEqualTo(base);
        assertThat(Fingerprint.of("web", input("s", "t", 2, "a", "b"))).isNotEqualTo(base);
        assertThat(Fingerprint.of("web", input("s", "t", null, "a", "b"))).isNotEqualTo(base);
        assertThat(Fingerprint.of("web", input("s", "t", 1, "a", "c"))).isNotEqualTo(base);
        assertThat(Fingerprint.of("web", input("s", "t", 1, null, null))).isNotEqualTo(base);
        FeedbackInput plain = input("s", "t", 1, "a", "b");
        FeedbackInput reply = new FeedbackInput(plain.channel(), plain.customer(), "s", "t", 1, plain.occurredAt(), null,
                plain.attributes(), null, "c-1");
        assertThat(Fingerprint.of("web", reply)).as("a reply to a complaint is other content").isNotEqualTo(base);
    }

    @Test
    void shouldNotConfuseWhereOneValueEndsAndTheNextBegins() {
        assertThat(Fingerprint.of("web", input("ab", "c", 1, null, null))).isNotEqualTo(Fingerprint.of("web", input("a", "bc", 1, null, null)));
        assertThat(Fingerprint.of("web", input(null, "x", 1, null, null))).isNotEqualTo(Fingerprint.of("web", input("", "x", 1, null, null)));
    }
}
