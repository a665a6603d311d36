package dev.heed.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenStoreTest {
    private final TokenStore store = TokenStore.parse(
            "agent:grace:" + TokenStore.hash("grace-secret") + ", team:billing:" + TokenStore.hash("billing-secret"));

    @Test
    void shouldFindThePrincipalOfAValidToken() {
        assertThat(store.authenticate("grace-secret")).contains(new Principal(Principal.Kind.AGENT, "grace"));
        assertThat(store.authenticate("billing-secret")).contains(new Principal(Principal.Kind.TEAM, "billing"));
    }

    @Test
    void shouldRefuseAnyOtherToken() {
        assertThat(store.authenticate("grace-secret ")).isEmpty();
        assertThat(store.authenticate("")).isEmpty();
        assertThat(TokenStore.parse("").authenticate("grace-secret")).isEmpty();
    }

    @Test
    void shouldReadTheTokenOfABearerHeaderOnly() {
        assertThat(store.authenticateHeader("Bearer grace-secret")).contains(new Principal(Principal.Kind.AGENT, "grace"));
        assertThat(store.authenticateHeader("bearer  grace-secret ")).contains(new Principal(Principal.Kind.AGENT, "grace"));
        assertThat(store.authenticateHeader("Basic grace-secret")).isEmpty();
        assertThat(store.authenticateHeader("grace-secret")).isEmpty();
        assertThat(store.authenticateHeader(null)).isEmpty();
    }

    @Test
    void shouldStoreOnlyTheHash() {
        assertThat(TokenStore.hash("grace-secret")).hasSize(64).doesNotContain("grace");
    }

    @Test
    void shouldRejectAMalformedEntryWithoutEchoingItsHash() {
        assertThatThrownBy(() -> TokenStore.parse("agent:grace:abc")).hasMessageNotContaining("abc")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenStore.parse("robot:x:" + TokenStore.hash("t"))).isInstanceOf(IllegalArgumentException.class);
    }
}
