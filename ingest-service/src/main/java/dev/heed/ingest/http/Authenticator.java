package dev.heed.ingest.http;

import dev.heed.ingest.auth.ApiKeyRegistry;
import dev.heed.ingest.auth.RateLimiter;
import dev.heed.ingest.problem.Problems;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;

/**
 * The filter in front of every write: finds the source system behind the API key (401 when there is
 * none) and spends one token of that source's rate (429 with Retry-After when it has none left). The
 * source is left on the context for the handlers.
 */
final class Authenticator implements Handler {
    static final String SOURCE_ATTRIBUTE = "heed.source";
    private static final String BEARER = "Bearer ";

    private final ApiKeyRegistry keys;
    private final RateLimiter rates;

    Authenticator(ApiKeyRegistry keys, RateLimiter rates) {
        this.keys = keys;
        this.rates = rates;
    }

    @Override
    public void handle(Context ctx) {
        String source = keys.authenticate(presentedKey(ctx))
                .orElseThrow(() -> new ProblemException(Problems.unauthenticated()));
        Duration wait = rates.tryAcquire(source);
        if (!wait.isZero()) {
            throw new ProblemException(Problems.rateLimited(wait));
        }
        ctx.attribute(SOURCE_ATTRIBUTE, source);
    }

    private static String presentedKey(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).trim();
        }
        return ctx.header("X-API-Key");
    }

    static String source(Context ctx) {
        return ctx.attribute(SOURCE_ATTRIBUTE);
    }
}
