package dev.heed.ingest.http;

import dev.heed.ingest.IngestConfig;
import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Serves HTTPS from a keystore instead of plain HTTP on the configured port. Javalin uses the added
 * connector in place of its default one, so no plain-HTTP port stays open beside it.
 */
final class TlsConnector {
    private TlsConnector() {}

    static void configure(JavalinConfig cfg, IngestConfig.Tls tls, String host, int port) {
        cfg.jetty.addConnector((server, httpConfig) -> {
            var ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
            ssl.setKeyStorePassword(tls.password());
            ssl.setKeyStoreType(tls.type());
            var https = new HttpConfiguration(httpConfig);
            var customizer = new SecureRequestCustomizer();
            // Certificates are the operator's; SNI host checks would refuse clients that dial by IP.
            customizer.setSniHostCheck(false);
            https.addCustomizer(customizer);
            var connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
            connector.setHost(host);
            connector.setPort(port);
            return connector;
        });
    }
}
