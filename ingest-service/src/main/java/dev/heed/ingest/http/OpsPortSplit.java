package dev.heed.ingest.http;

import dev.heed.runtime.http.OpsRoutes;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * With an operations port ({@code HEED_INGEST_OPS_PORT}), health and metrics are served there only, and the
 * API only on its own port: anything asked on the other port is 404, as if it did not exist there.
 */
final class OpsPortSplit extends Handler.Wrapper {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (Listeners.onOpsPort(request) != OpsRoutes.isOpsPath(request.getHttpURI().getCanonicalPath())) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
        return super.handle(request, response, callback);
    }
}
