package dev.heed.cli.local;

import dev.heed.localstack.BrokerSecurity;
import dev.heed.localstack.TlsFiles;
import dev.heed.runtime.catalog.KafkaAccess;
import dev.heed.runtime.catalog.KafkaAccess.Role;
import dev.heed.runtime.catalog.Services;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * {@code heed up --secure}: the local broker takes only SASL_SSL with SCRAM-SHA-512 and authorizes by ACLs, and
 * every service and the CLI connect as their own user with exactly the grants of {@link KafkaAccess}. The admin's
 * password and the TLS files are made on the first secured start and kept in {@code <data>/secure} (readable by
 * the owner only), since the broker's storage holds the admin's credential from then on; the services' passwords
 * are new on every start.
 */
final class SecureRun {
    private static final int SCRAM_ITERATIONS = 4096;
    private static final int CERTIFICATE_DAYS = 365;

    private final BrokerSecurity security;
    private final KafkaAccess access;
    private final Map<String, String> passwords = new HashMap<>();

    private SecureRun(BrokerSecurity security, KafkaAccess access) {
        this.security = security;
        this.access = access;
        access.all().forEach(role -> passwords.put(role.user(), BrokerSecurity.randomSecret()));
    }

    /** Reads the admin's secrets and TLS files from {@code directory}, or makes them there. */
    static SecureRun prepare(Path where, KafkaAccess access) {
        // Absolute: the broker and the services read these files from their own working directories.
        Path directory = where.toAbsolutePath();
        try {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            Path secrets = directory.resolve("admin.properties");
            Properties kept = new Properties();
            if (Files.isRegularFile(secrets)) {
                try (Reader in = Files.newBufferedReader(secrets, StandardCharsets.UTF_8)) {
                    kept.load(in);
                }
                TlsFiles tls = new TlsFiles(directory.resolve("broker.p12"), directory.resolve("truststore.p12"), kept.getProperty("tls.password"));
                return new SecureRun(new BrokerSecurity(kept.getProperty("admin.user"), kept.getProperty("admin.password"), tls), access);
            }
            String tlsPassword = BrokerSecurity.randomSecret();
            BrokerSecurity security = new BrokerSecurity("admin", BrokerSecurity.randomSecret(),
                    TlsFiles.generate(directory, tlsPassword, CERTIFICATE_DAYS));
            kept.setProperty("admin.user", security.adminUser());
            kept.setProperty("admin.password", security.adminPassword());
            kept.setProperty("tls.password", tlsPassword);
            try (Writer out = Files.newBufferedWriter(secrets, StandardCharsets.UTF_8)) {
                kept.store(out, "heed up --secure: the local broker's super user and TLS store password; keep private");
            }
            return new SecureRun(security, access);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + directory, e);
        }
    }

    BrokerSecurity security() {
        return security;
    }

    /** Creates (or renews) every Heed user's SCRAM credential and grants its ACLs, as the admin. */
    void grant(String bootstrapServers) {
        Map<String, Object> props = new HashMap<>(security.adminClientProperties());
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            for (Role role : access.all()) {
                admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(role.user(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), passwords.get(role.user()))))
                        .all().get(30, TimeUnit.SECONDS);
                admin.createAcls(role.bindings()).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalRunException("interrupted while granting the services their ACLs", e);
        } catch (Exception e) {
            throw new LocalRunException("cannot create the services' users and ACLs: " + e.getMessage(), e);
        }
    }

    /** The {@code HEED_KAFKA_*} variables of the user the service named {@code service} connects as. */
    Map<String, String> environment(String service) {
        Role role = service.equals(Services.INGEST.name()) ? access.ingest()
                : service.equals(Services.ROUTING.name()) ? access.routing()
                : service.equals(Services.RESPONDER.name()) ? access.responder() : null;
        if (role == null) {
            throw new IllegalArgumentException("no Kafka user for " + service);
        }
        return BrokerSecurity.heedEnvironment(clientProperties(role));
    }

    private Map<String, String> clientProperties(Role role) {
        return security.clientProperties(role.user(), passwords.get(role.user()));
    }

    /** The CLI's client settings: the operator's user. */
    Map<String, String> operatorClientProperties() {
        return clientProperties(access.operator());
    }
}
