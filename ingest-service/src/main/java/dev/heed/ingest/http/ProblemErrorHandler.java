package dev.heed.ingest.http;

import dev.heed.ingest.problem.HttpLayerProblems;
import dev.heed.runtime.http.Problem;
import dev.heed.ingest.problem.Problems;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error page, replaced: whatever the server answers on its own (a request it could not parse, a
 * header block over the limit, an HTTP version it does not speak, an ambiguous path) is a problem document,
 * like every answer of this API. Registered on the server, which Jetty asks for errors found before a
 * request reaches any handler, and on the servlet context, which Jetty asks for errors inside it.
 *
 * <p>Unlike Jetty's own handler it answers every method (Jetty's leaves PRI, OPTIONS and others with an empty
 * body) and ignores {@code Accept}: a client that cannot take problem+json gets it anyway rather than nothing.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private final Responses responses;

    ProblemErrorHandler(Responses responses) {
        this.responses = responses;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String reason = (String) request.getAttribute(ERROR_MESSAGE);
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
            status = http.getCode();
            reason = reason == null ? http.getReason() : reason;
        }
        if (status < 400) {
            // Jetty asks for an error page only for errors; a status below 400 here means it had none to give.
            status = HttpStatus.INTERNAL_SERVER_ERROR_500;
        }
        String title = HttpStatus.getMessage(status);
        Problem problem = status == HttpStatus.NOT_FOUND_404
                ? Problems.notFound(request.getHttpURI().getPath())
                : HttpLayerProblems.serverError(status, title, reason);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.getHeaders().put(ERROR_CACHE_CONTROL);
        response.write(true, ByteBuffer.wrap(responses.bytes(problem)), callback);
        return true;
    }
}
