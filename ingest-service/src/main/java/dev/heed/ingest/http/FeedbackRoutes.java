package dev.heed.ingest.http;

import dev.heed.runtime.http.ProblemException;
import dev.heed.ingest.feedback.FieldError;
import dev.heed.ingest.feedback.Submission;
import dev.heed.ingest.intake.FeedbackIntake;
import dev.heed.ingest.intake.Outcome;
import dev.heed.runtime.http.Problem;
import dev.heed.ingest.problem.Problems;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The two write endpoints. Both answer asynchronously, once Kafka has acknowledged (or refused) every
 * record, so a request thread never waits for the broker.
 */
final class FeedbackRoutes {
    static final String SINGLE = "/v1/feedback";
    static final String BATCH = "/v1/feedback/batch";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final RequestDecoder decoder;
    private final FeedbackIntake intake;
    private final Responses responses;
    private final int maxBodyBytes;
    private final int maxBatchBytes;
    private final Executor answering;
    private final InFlightAnswers inFlight;

    /**
     * @param answering where answers are written: acknowledgements arrive on the Kafka producer's single
     *                  network thread, which must go straight back to sending rather than write HTTP responses
     * @param inFlight  the requests waiting for their outcome, for a stopping server
     */
    FeedbackRoutes(RequestDecoder decoder, FeedbackIntake intake, Responses responses, int maxBodyBytes, int maxBatchBytes,
                   Executor answering, InFlightAnswers inFlight) {
        this.decoder = decoder;
        this.intake = intake;
        this.responses = responses;
        this.maxBodyBytes = maxBodyBytes;
        this.maxBatchBytes = maxBatchBytes;
        this.answering = answering;
        this.inFlight = inFlight;
    }

    void single(Context ctx) {
        byte[] body = body(ctx, maxBodyBytes);
        Submission submission = decoder.single(ctx.contentType(), lowerCaseHeaders(ctx), body);
        CompletableFuture<Outcome> outcome = intake.submit(Authenticator.source(ctx), submission, ctx.header(IDEMPOTENCY_KEY));
        ctx.future(() -> inFlight.answer(outcome, result -> responses.outcome(ctx, result), answering));
    }

    void batch(Context ctx) {
        if (ctx.header(IDEMPOTENCY_KEY) != null) {
            throw new ProblemException(Problems.invalid(List.of(FieldError.invalid(
                    "header:" + IDEMPOTENCY_KEY, "is not used on batches; give each item its eventId or CloudEvents id"))));
        }
        byte[] body = body(ctx, maxBatchBytes);
        List<Submission> submissions = decoder.batch(ctx.contentType(), body);
        String source = Authenticator.source(ctx);
        CompletableFuture<List<Outcome>> outcomes = intake.submitAll(source, submissions);
        ctx.future(() -> inFlight.answer(outcomes, all -> answerBatch(ctx, all), answering));
    }

    private void answerBatch(Context ctx, List<Outcome> outcomes) {
        BatchResult result = BatchResult.of(outcomes);
        // Items Kafka could not take share one bound, so any of them tells the client when to retry.
        outcomes.stream().map(Outcome::problem)
                .filter(p -> p != null && p.retryAfter() != null)
                .findFirst()
                .ifPresent(p -> ctx.header("Retry-After", Long.toString(p.retryAfterSeconds())));
        responses.json(ctx, result.refused() == 0 ? 202 : 207, result);
    }

    /**
     * Reads the body into one array of its declared length, and refuses an oversized body before reading it
     * when the client declared its length. Javalin's {@code bodyAsBytes} grows a buffer by doubling and then
     * copies it: for a 130 KB batch that was three times the body in garbage and copying, a quarter of what the
     * request threads allocated. A body without a declared length (chunked) is read up to one byte past the
     * limit.
     */
    static byte[] body(Context ctx, int limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw new ProblemException(Problems.tooLarge(limit, "A body of " + declared + " bytes"));
        }
        byte[] body;
        try {
            InputStream in = ctx.req().getInputStream();
            if (declared >= 0) {
                body = new byte[(int) declared];
                int read = in.readNBytes(body, 0, body.length);
                if (read < body.length) {
                    throw invalidBody("it ended after " + read + " of the " + declared + " bytes declared");
                }
            } else {
                body = in.readNBytes(limit + 1);
            }
        } catch (IOException e) {
            throw invalidBody(String.valueOf(e.getMessage()));
        }
        if (body.length > limit) {
            throw new ProblemException(Problems.tooLarge(limit, "A body of more than " + limit + " bytes"));
        }
        return body;
    }

    private static ProblemException invalidBody(String why) {
        return new ProblemException(Problems.invalid(List.of(FieldError.invalid("/", "the body could not be read: " + why))));
    }

    private static Map<String, String> lowerCaseHeaders(Context ctx) {
        var headers = new HashMap<String, String>();
        ctx.headerMap().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        return headers;
    }
}
