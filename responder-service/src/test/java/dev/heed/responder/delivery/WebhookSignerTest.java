package dev.heed.responder.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {
    // The test vector published with the Standard Webhooks specification.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void shouldReproduceTheStandardWebhooksTestVector() {
        assertThat(new WebhookSigner(SECRET).sign(ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void shouldAcceptTheSecretWithoutItsPrefix() {
        assertThat(new WebhookSigner(SECRET.substring("whsec_".length())).sign(ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void shouldVerifyAnyOfSeveralSpaceSeparatedSignatures() {
        WebhookSigner signer = new WebhookSigner(SECRET);

        assertThat(signer.verify(ID, TIMESTAMP, BODY, "v1,bm9wZQ== " + EXPECTED)).isTrue();
    }

    @Test
    void shouldRejectATamperedBodyIdOrTimestamp() {
        WebhookSigner signer = new WebhookSigner(SECRET);

        assertThat(signer.verify(ID, TIMESTAMP, "{\"test\": 2432232315}", EXPECTED)).isFalse();
        assertThat(signer.verify("msg_other", TIMESTAMP, BODY, EXPECTED)).isFalse();
        assertThat(signer.verify(ID, TIMESTAMP + 1, BODY, EXPECTED)).isFalse();
    }

    @Test
    void shouldRefuseASecretThatIsNotBase64OrTooShort() {
        assertThatThrownBy(() -> new WebhookSigner("whsec_not base64!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookSigner("whsec_c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class);
    }
}
