package dev.heed.responder.console;

import dev.heed.runtime.auth.Principal;
import dev.heed.runtime.auth.TokenStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sign-in: an operator proves themselves once with an acknowledge-API token and gets a random session
 * id for a cookie, because the browser's EventSource cannot send an Authorization header. Sessions live in
 * memory for {@code ttl} (a restart signs everyone out), so no secret is ever written anywhere.
 */
public final class ConsoleSessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Session(Principal principal, Instant expires) {}

    private final TokenStore tokens;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public ConsoleSessions(TokenStore tokens, Clock clock, Duration ttl) {
        this.tokens = tokens;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A new session id for a valid token; empty for any other. */
    public Optional<String> signIn(String token) {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> !s.expires().isAfter(now));
        return tokens.authenticate(token).map(principal -> {
            byte[] id = new byte[32];
            RANDOM.nextBytes(id);
            String session = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
            sessions.put(session, new Session(principal, now.plus(ttl)));
            return session;
        });
    }

    /** Ends a session at once (sign-out). An unknown, expired or missing id is no error: signing out twice is signing out. */
    public void signOut(String session) {
        if (session != null) {
            sessions.remove(session);
        }
    }

    /** Who holds this session, while it has not expired. */
    public Optional<Principal> find(String session) {
        if (session == null) {
            return Optional.empty();
        }
        Session found = sessions.get(session);
        return found == null || !found.expires().isAfter(clock.instant()) ? Optional.empty() : Optional.of(found.principal());
    }

    public Duration ttl() {
        return ttl;
    }
}
