package dev.heed.ingest.http;

import dev.heed.runtime.http.ProblemException;
import dev.heed.ingest.IngestConfig;
import dev.heed.ingest.auth.ApiKeyRegistry;
import dev.heed.ingest.auth.PresentedKey;
import dev.heed.ingest.intake.VerdictIntake;
import dev.heed.ingest.feedback.FieldError;
import dev.heed.ingest.problem.HttpLayerProblems;
import dev.heed.runtime.http.Problem;
import dev.heed.ingest.problem.Problems;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Reads every request body before a route sees it, so that no thread waits on a slow client: a route gets
 * the whole body at once, or the request carries the reason it has none (read by {@link #refusal}). Only
 * bodies sent with a valid API key are read, and a verdict's (which needs none, and counts as one key of its own);
 * any other is never read at all, since the key filter refuses its request first.
 *
 * <p>A body that arrives with its head, or right behind it, goes straight on. One still on its way after that
 * takes an upload slot of its key and of the instance ({@link UploadSlots}; over either cap the request is
 * refused at once, 429 or 503, with Retry-After). Every body must arrive whole within the body timeouts
 * (else 408). A body that stops early
 * (400, as an unreadable body) or breaks the route's size limit (413) is refused too, and none of it is ever handed on: a request is
 * written to Kafka only when its body arrived whole.
 */
final class UploadGate extends Handler.Wrapper {
    static final String REFUSAL_ATTRIBUTE = "heed.upload.refusal";

    private final ApiKeyRegistry keys;
    private final UploadSlots slots;
    private final IngestConfig.Uploads settings;
    private final IngestConfig.Limits limits;
    private final Duration retryAfter;
    private final Set<Upload> waiting = ConcurrentHashMap.newKeySet();

    UploadGate(ApiKeyRegistry keys, UploadSlots slots, IngestConfig config) {
        this.keys = keys;
        this.slots = slots;
        this.settings = config.uploads();
        this.limits = config.limits();
        this.retryAfter = config.retryAfter();
    }

    /**
     * The routes' first filter: a request whose body the gate did not read is answered with why, and the
     * connection is closed, since what is left of the body was never read.
     */
    static void answerRefusal(Context ctx) {
        Problem refusal = ctx.attribute(REFUSAL_ATTRIBUTE);
        if (refusal != null) {
            ctx.header("Connection", "close");
            throw new ProblemException(refusal);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String source = hasBody(request) ? source(request) : null;
        int limit = source == null ? 0 : limitFor(request);
        if (source == null || request.getLength() > limit) {
            // Refused unread: by the key filter (no valid key), or by the route's declared-length check (413).
            return super.handle(request, response, callback);
        }
        request.setAttribute(Authenticator.SOURCE_ATTRIBUTE, source);
        var upload = new Upload(request, response, callback, source, limit);
        var reader = new BodyReader(request, limit, settings.idleTimeout(), settings.timeout(), upload::admit, upload::ended,
                request.getComponents().getThreadPool());
        upload.reader = reader;
        if (!reader.readAvailable()) {
            waiting.add(upload);
            reader.await();
        }
        return true;
    }

    /** Ends every read still waiting for its body with {@code problem} (a stopping server's refusal); how many there were. */
    int abandon(Problem problem) {
        int abandoned = 0;
        for (Upload upload : waiting) {
            upload.reader.stop(new BodyReader.Outcome.Refused(problem));
            abandoned++;
        }
        return abandoned;
    }

    private static boolean hasBody(Request request) {
        long length = request.getLength();
        return length > 0 || (length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING));
    }

    private String source(Request request) {
        if (VerdictRoutes.isVerdictPath(request.getHttpURI().getCanonicalPath())) {
            // No key: the link's signature, checked by the route, is the permission; verdicts share one key's slots.
            return VerdictIntake.SOURCE;
        }
        var headers = request.getHeaders();
        return keys.authenticate(PresentedKey.of(headers.get(HttpHeader.AUTHORIZATION), headers.get(PresentedKey.API_KEY_HEADER)))
                .orElse(null);
    }

    /** The batch route's limit for its path, the single route's for any other: the smaller limit when unsure. */
    private int limitFor(Request request) {
        String path = request.getHttpURI().getCanonicalPath();
        boolean batch = path != null && (path.equals(FeedbackRoutes.BATCH) || path.equals(FeedbackRoutes.BATCH + "/"));
        if (VerdictRoutes.isVerdictPath(path)) {
            return VerdictRoutes.MAX_BODY;
        }
        return batch ? limits.maxBatchBytes() : limits.maxBodyBytes();
    }

    /** One request whose body the gate reads, and what happens once the read has ended. */
    private final class Upload {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final String source;
        private final int limit;
        private volatile boolean holdsSlot;
        private BodyReader reader;

        Upload(Request request, Response response, Callback callback, String source, int limit) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.source = source;
            this.limit = limit;
        }

        /** A slot for a body still on its way after its free wait, or why there is none. */
        Problem admit() {
            return switch (slots.tryAcquire(source)) {
                case GRANTED -> {
                    holdsSlot = true;
                    yield null;
                }
                case KEY_FULL -> HttpLayerProblems.tooManyUploadsForKey(slots.maxPerKey(), retryAfter);
                case ALL_FULL -> HttpLayerProblems.tooManyUploads(slots.maxTotal(), retryAfter);
            };
        }

        void ended(BodyReader.Outcome outcome) {
            waiting.remove(this);
            if (holdsSlot) {
                slots.release(source);
            }
            if (outcome instanceof BodyReader.Outcome.Whole whole) {
                handOn(new BufferedRequest(request, whole.body(), whole.length()));
            } else if (outcome instanceof BodyReader.Outcome.Cut cut) {
                refuse(Problems.invalid(List.of(FieldError.invalid("/", "the body could not be read: " + cut.why()))));
            } else if (outcome instanceof BodyReader.Outcome.TimedOut late) {
                refuse(HttpLayerProblems.bodyTimeout(late.why()));
            } else if (outcome instanceof BodyReader.Outcome.Refused refused) {
                refuse(refused.problem());
            } else {
                refuse(Problems.tooLarge(limit, "A body of more than " + limit + " bytes"));
            }
        }

        /** Hands the request on without a body, marked with why; the routes' refusal filter answers it. */
        void refuse(Problem problem) {
            request.setAttribute(REFUSAL_ATTRIBUTE, problem);
            handOn(new BufferedRequest(request, new byte[0], 0));
        }

        private void handOn(Request next) {
            try {
                if (!UploadGate.super.handle(next, response, callback)) {
                    Response.writeError(next, response, callback, HttpStatus.NOT_FOUND_404);
                }
            } catch (Throwable failure) {
                callback.failed(failure);
            }
        }
    }
}
