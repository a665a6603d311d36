package dev.heed.ingest.http;

import dev.heed.ingest.IngestConfig;
import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The ports the service listens on, all on {@code HEED_INGEST_HOST}: the API's (plain HTTP, or HTTPS only when
 * a keystore is configured, so no plain-HTTP port stays open beside it) and, when {@code HEED_INGEST_OPS_PORT}
 * is set, a plain-HTTP operations port for health and metrics. Javalin uses these instead of its default one.
 */
final class Listeners {
    static final String API = "api";
    static final String OPS = "ops";

    private Listeners() {}

    static void configure(JavalinConfig cfg, IngestConfig config) {
        cfg.jetty.addConnector((server, httpConfig) -> {
            ServerConnector api = config.tls()
                    .map(tls -> TlsConnector.create(server, httpConfig, tls))
                    .orElseGet(() -> new ServerConnector(server, new HttpConnectionFactory(httpConfig)));
            return bind(api, API, config.host(), config.port());
        });
        config.opsPort().ifPresent(port -> cfg.jetty.addConnector((server, httpConfig) ->
                bind(new ServerConnector(server, new HttpConnectionFactory(httpConfig)), OPS, config.host(), port)));
    }

    // Connections the kernel has completed and Jetty not yet accepted. The JDK's default of 50 is full within a
    // burst of new connections (a thousand slow clients opening at once in SlowClientIT): a connect beyond it
    // waits a second or more for its SYN to be sent again. The kernel caps it at net.core.somaxconn.
    static final int ACCEPT_QUEUE = 1024;

    private static Connector bind(ServerConnector connector, String name, String host, int port) {
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        connector.setName(name);
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /** Whether the request came in on the operations port. */
    static boolean onOpsPort(Request request) {
        return OPS.equals(request.getConnectionMetaData().getConnector().getName());
    }
}
