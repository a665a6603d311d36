package dev.heed.ingest.http;

import dev.heed.runtime.http.Problem;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's graceful stop for this API: counts the requests in flight, so that a stopping server can wait
 * for them ({@link #shutdown()} completes when none is left), and from the moment the stop begins refuses
 * every new request with a 503 problem (this API's format rather than Jetty's error page) and
 * {@code Connection: close}, so the client retries on another instance.
 */
final class DrainingHandler extends GracefulHandler {
    private final Problem refusal;
    private final byte[] body;

    DrainingHandler(Problem refusal, Responses responses) {
        this.refusal = refusal;
        this.body = responses.bytes(refusal);
    }

    /** What every request gets once the stop has begun, and what a stopping server answers those it abandons. */
    Problem refusal() {
        return refusal;
    }

    // Checked before GracefulHandler's own check, which would answer with Jetty's error page (the Jetty this
    // build uses has no hook for that answer).
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!isShutdown()) {
            return super.handle(request, response, callback);
        }
        response.setStatus(refusal.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()));
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
