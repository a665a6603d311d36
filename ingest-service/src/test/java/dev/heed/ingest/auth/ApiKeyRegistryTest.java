package dev.heed.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeyRegistryTest {
    private final ApiKeyRegistry keys = ApiKeyRegistry.parse(
            "web-form=" + ApiKeyRegistry.hash("key-a") + ", zendesk:" + ApiKeyRegistry.hash("key-b"));

    @Test
    void shouldFindTheSourceBoundToAKey() {
        assertThat(keys.authenticate("key-a")).contains("web-form");
        assertThat(keys.authenticate("key-b")).contains("zendesk");
    }

    @Test
    void shouldRefuseUnknownEmptyAndMissingKeys() {
        assertThat(keys.authenticate("key-c")).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
        assertThat(keys.authenticate(ApiKeyRegistry.hash("key-a"))).as("the stored hash is not a key").isEmpty();
    }

    @Test
    void shouldHashLikeSha256sum() {
        // printf %s test | sha256sum
        assertThat(ApiKeyRegistry.hash("test")).isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    }

    @Test
    void shouldRefuseMalformedConfigurationNamingTheEntry() {
        assertThatThrownBy(() -> ApiKeyRegistry.parse("web-form")).hasMessageContaining("web-form");
        assertThatThrownBy(() -> ApiKeyRegistry.parse("web-form:abc")).hasMessageContaining("web-form");
        assertThatThrownBy(() -> ApiKeyRegistry.parse("web-form:" + "zz".repeat(32))).hasMessageContaining("web-form");
        assertThatThrownBy(() -> ApiKeyRegistry.parse("web-form=plain-text-key")).as("keys are configured hashed")
                .hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> ApiKeyRegistry.parse("web form=" + ApiKeyRegistry.hash("k"))).hasMessageContaining("web form");
    }

    @Test
    void shouldAcceptAnEmptyConfigurationThatLetsNobodyIn() {
        ApiKeyRegistry none = ApiKeyRegistry.parse("");
        assertThat(none.size()).isZero();
        assertThat(none.authenticate("anything")).isEmpty();
    }
}
