package dev.heed.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.runtime.auth.VerdictLinks.Check;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictLinksTest {
    private static final String SECRET = "a-verdict-secret-of-some-length";
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant EXPIRES = NOW.plusSeconds(3600);
    private final VerdictLinks links = new VerdictLinks(SECRET);

    @Test
    void shouldAcceptTheLinkItSignedUntilItExpires() {
        String sig = links.sign("c-1", "u-1", EXPIRES);
        assertThat(links.check("c-1", "u-1", EXPIRES.getEpochSecond(), sig, NOW)).isEqualTo(Check.VALID);
        assertThat(links.check("c-1", "u-1", EXPIRES.getEpochSecond(), sig, EXPIRES)).isEqualTo(Check.VALID);
        assertThat(links.check("c-1", "u-1", EXPIRES.getEpochSecond(), sig, EXPIRES.plusSeconds(1))).isEqualTo(Check.EXPIRED);
    }

    @Test
    void shouldRefuseALinkWhoseComplaintResolutionOrExpiryWasChanged() {
        String sig = links.sign("c-1", "u-1", EXPIRES);
        assertThat(links.check("c-2", "u-1", EXPIRES.getEpochSecond(), sig, NOW)).isEqualTo(Check.FORGED);
        assertThat(links.check("c-1", "u-2", EXPIRES.getEpochSecond(), sig, NOW)).isEqualTo(Check.FORGED);
        assertThat(links.check("c-1", "u-1", EXPIRES.getEpochSecond() + 86400, sig, NOW)).isEqualTo(Check.FORGED);
        // Moving characters between the complaint and the resolution is a different link too.
        assertThat(links.sign("c-1u", "-1", EXPIRES)).isNotEqualTo(links.sign("c-1", "u-1", EXPIRES));
    }

    @Test
    void shouldRefuseAnotherSecretsSignatureAndGarbage() {
        String other = new VerdictLinks("another-secret-of-some-length").sign("c-1", "u-1", EXPIRES);
        assertThat(links.check("c-1", "u-1", EXPIRES.getEpochSecond(), other, NOW)).isEqualTo(Check.FORGED);
        assertThat(links.check("c-1", "u-1", EXPIRES.getEpochSecond(), "not base64!", NOW)).isEqualTo(Check.FORGED);
        assertThat(links.check("c-1", "u-1", EXPIRES.getEpochSecond(), "", NOW)).isEqualTo(Check.FORGED);
    }

    @Test
    void shouldCallAForgedLinkForgedEvenWhenItsTimeHasPassed() {
        String sig = links.sign("c-1", "u-1", EXPIRES);
        assertThat(links.check("c-9", "u-1", EXPIRES.getEpochSecond(), sig, EXPIRES.plusSeconds(60))).isEqualTo(Check.FORGED);
    }

    @Test
    void shouldSignAUrlSafeValueWithoutPadding() {
        String sig = links.sign("c-1", "u-1", EXPIRES);
        assertThat(sig).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(sig)).hasSize(32);
    }

    @Test
    void shouldWriteALinkWhoseQueryChecks() {
        String link = links.link("https://ingest.example.com/", "c 1/ä", "u-1", EXPIRES);
        URI uri = URI.create(link);
        assertThat(uri.getHost()).isEqualTo("ingest.example.com");
        assertThat(uri.getRawPath()).isEqualTo("/v1/complaints/c%201%2F%C3%A4/verdict");
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv[1]);
        }
        assertThat(query).containsOnlyKeys("resolution", "expires", "sig");
        assertThat(links.check("c 1/ä", query.get("resolution"), Long.parseLong(query.get("expires")), query.get("sig"), NOW))
                .isEqualTo(Check.VALID);
    }

    @Test
    void shouldRefuseAShortSecret() {
        assertThatThrownBy(() -> new VerdictLinks("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16");
    }
}
