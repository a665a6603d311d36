package dev.heed.ingest.http;

import dev.heed.runtime.http.ProblemException;
import dev.heed.ingest.auth.ApiKeyRegistry;
import dev.heed.ingest.auth.FailedAuthLimiter;
import dev.heed.ingest.auth.PresentedKey;
import dev.heed.ingest.auth.RateLimiter;
import dev.heed.ingest.problem.HttpLayerProblems;
import dev.heed.ingest.problem.Problems;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;

/**
 * The filter in front of every write: finds the source system behind the API key and spends one token of
 * that source's rate (429 with Retry-After when it has none left). A request without a valid key is 401, or
 * 429 once its client address sent too many of them ({@link FailedAuthLimiter}). The source is left on the
 * context for the handlers; the {@link UploadGate} may have found it already, for a request with a body.
 */
final class Authenticator implements Handler {
    static final String SOURCE_ATTRIBUTE = "heed.source";

    private final ApiKeyRegistry keys;
    private final RateLimiter rates;
    private final FailedAuthLimiter failures;

    Authenticator(ApiKeyRegistry keys, RateLimiter rates, FailedAuthLimiter failures) {
        this.keys = keys;
        this.rates = rates;
        this.failures = failures;
    }

    @Override
    public void handle(Context ctx) {
        String source = source(ctx);
        if (source == null) {
            source = keys.authenticate(PresentedKey.of(ctx.header("Authorization"), ctx.header(PresentedKey.API_KEY_HEADER))).orElse(null);
        }
        if (source == null) {
            Duration wait = failures.recordFailure(ctx.ip());
            throw new ProblemException(wait.isZero() ? Problems.unauthenticated() : HttpLayerProblems.tooManyFailedAuthentications(wait));
        }
        Duration wait = rates.tryAcquire(source);
        if (!wait.isZero()) {
            throw new ProblemException(Problems.rateLimited(wait));
        }
        ctx.attribute(SOURCE_ATTRIBUTE, source);
    }

    static String source(Context ctx) {
        return ctx.attribute(SOURCE_ATTRIBUTE);
    }
}
