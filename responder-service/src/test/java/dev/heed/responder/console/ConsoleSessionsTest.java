package dev.heed.responder.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.runtime.auth.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConsoleSessionsTest {
    private static final TokenStore TOKENS = TokenStore.parse("agent:grace:" + TokenStore.hash("grace-token"));
    private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");

    @Test
    void shouldOpenASessionForAnAcknowledgeTokenOnlyAndEndItAfterItsTtl() {
        Instant[] now = {T};
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
        ConsoleSessions sessions = new ConsoleSessions(TOKENS, clock, Duration.ofHours(1));
        String session = sessions.signIn("grace-token").orElseThrow();

        assertThat(sessions.signIn("guess")).isEmpty();
        assertThat(sessions.find(session)).get().extracting(p -> p.name()).isEqualTo("grace");
        assertThat(sessions.find("forged")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();

        now[0] = T.plus(Duration.ofMinutes(59));
        assertThat(sessions.find(session)).isPresent();
        now[0] = T.plus(Duration.ofHours(1));
        assertThat(sessions.find(session)).isEmpty();
    }

    @Test
    void shouldEndOnlyTheSessionThatSignsOut() {
        ConsoleSessions sessions = new ConsoleSessions(TOKENS, Clock.fixed(T, ZoneOffset.UTC), Duration.ofHours(1));
        String leaving = sessions.signIn("grace-token").orElseThrow();
        String staying = sessions.signIn("grace-token").orElseThrow();

        sessions.signOut(leaving);
        sessions.signOut(leaving);
        sessions.signOut(null);

        assertThat(sessions.find(leaving)).isEmpty();
        assertThat(sessions.find(staying)).isPresent();
    }
}
