package dev.heed.localstack;

import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.metadata.UserScramCredentialRecord;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.server.common.ApiMessageAndVersion;

/**
 * A broker that takes clients only over SASL_SSL with SCRAM-SHA-512 and authorizes every request against ACLs
 * ({@code StandardAuthorizer}, nothing allowed without an ACL), with one super user, the admin, who creates the
 * other users and their ACLs. The broker talks to itself as the admin too: over SCRAM on the client listener (the
 * admin's credential is written into the cluster's bootstrap metadata, as {@code kafka-storage format --add-scram}
 * does), and over SASL_SSL with PLAIN to its controller, since a controller cannot check SCRAM before its metadata
 * is loaded.
 *
 * @param adminUser     the super user
 * @param adminPassword its password, random per broker
 * @param tls           the broker's key and the clients' truststore
 */
public record BrokerSecurity(String adminUser, String adminPassword, TlsFiles tls) {
    public static final String MECHANISM = "SCRAM-SHA-512";
    private static final int SCRAM_ITERATIONS = 4096;
    private static final int CERTIFICATE_DAYS = 30;

    /** Fresh credentials and TLS files in {@code directory}. */
    public static BrokerSecurity generate(Path directory) {
        return new BrokerSecurity("admin", randomSecret(), TlsFiles.generate(directory, randomSecret(), CERTIFICATE_DAYS));
    }

    public static String randomSecret() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** The broker's settings, for a node whose client listener is {@code brokerListener} and controller listener {@code controllerListener}. */
    public Map<String, String> brokerProperties(String brokerListener, String controllerListener) {
        String broker = "listener.name." + brokerListener.toLowerCase(Locale.ROOT) + ".";
        String controller = "listener.name." + controllerListener.toLowerCase(Locale.ROOT) + ".";
        Map<String, String> props = new HashMap<>();
        props.put("listener.security.protocol.map", brokerListener + ":SASL_SSL," + controllerListener + ":SASL_SSL");
        props.put("sasl.enabled.mechanisms", MECHANISM);
        props.put(broker + "sasl.enabled.mechanisms", MECHANISM);
        props.put(broker + "scram-sha-512.sasl.jaas.config", scramJaas(adminUser, adminPassword));
        props.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        props.put(controller + "sasl.enabled.mechanisms", "PLAIN");
        props.put(controller + "plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + adminUser + "\" password=\"" + adminPassword + "\" user_" + adminUser + "=\"" + adminPassword + "\";");
        props.put("sasl.mechanism.controller.protocol", "PLAIN");
        props.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PKCS12");
        props.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, tls.keystore().toString());
        props.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, tls.password());
        props.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, tls.password());
        props.putAll(trust());
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        props.put("super.users", "User:" + adminUser);
        props.put("allow.everyone.if.no.acl.found", "false");
        return props;
    }

    /** The admin's SCRAM credential as a metadata record, for the cluster's bootstrap metadata. */
    public ApiMessageAndVersion adminCredentialRecord() {
        try {
            var mechanism = org.apache.kafka.common.security.scram.internals.ScramMechanism.SCRAM_SHA_512;
            ScramCredential credential = new ScramFormatter(mechanism).generateCredential(adminPassword, SCRAM_ITERATIONS);
            return new ApiMessageAndVersion(new UserScramCredentialRecord().setName(adminUser)
                    .setMechanism(ScramMechanism.SCRAM_SHA_512.type()).setSalt(credential.salt())
                    .setStoredKey(credential.storedKey()).setServerKey(credential.serverKey())
                    .setIterations(credential.iterations()), (short) 0);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-512", e);
        }
    }

    /** What a client of {@code user} sets: SASL_SSL, SCRAM-SHA-512, this broker's truststore. */
    public Map<String, String> clientProperties(String user, String password) {
        Map<String, String> props = new HashMap<>(trust());
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        props.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        props.put(SaslConfigs.SASL_JAAS_CONFIG, scramJaas(user, password));
        return props;
    }

    /** The admin's client settings. */
    public Map<String, String> adminClientProperties() {
        return clientProperties(adminUser, adminPassword);
    }

    /** {@link #clientProperties} as the {@code HEED_KAFKA_*} variables a Heed service or the CLI reads. */
    public static Map<String, String> heedEnvironment(Map<String, String> clientProperties) {
        Map<String, String> env = new HashMap<>();
        clientProperties.forEach((key, value) -> env.put("HEED_KAFKA_" + key.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        return env;
    }

    private Map<String, String> trust() {
        return Map.of(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12",
                SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, tls.truststore().toString(),
                SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, tls.password());
    }

    private static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\"" + password + "\";";
    }

    @Override
    public String toString() {
        return "BrokerSecurity[admin=" + adminUser + ", tls=" + tls.keystore() + "]";
    }
}
