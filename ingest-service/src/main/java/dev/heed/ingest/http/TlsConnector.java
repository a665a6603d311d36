package dev.heed.ingest.http;

import dev.heed.ingest.IngestConfig;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** An HTTPS connector serving from a keystore; {@link Listeners} puts it in place of the plain-HTTP one. */
final class TlsConnector {
    private TlsConnector() {}

    static ServerConnector create(Server server, HttpConfiguration httpConfig, IngestConfig.Tls tls) {
        var ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(tls.password());
        ssl.setKeyStoreType(tls.type());
        var https = new HttpConfiguration(httpConfig);
        var customizer = new SecureRequestCustomizer();
        // Certificates are the operator's; SNI host checks would refuse clients that dial by IP.
        customizer.setSniHostCheck(false);
        https.addCustomizer(customizer);
        return new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    }
}
