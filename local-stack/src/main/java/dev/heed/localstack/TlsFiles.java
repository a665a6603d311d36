package dev.heed.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A broker's TLS key and the truststore its clients need, made fresh by the JDK's own {@code keytool} (the one of
 * the running JVM): a self-signed certificate for {@code localhost} and {@code 127.0.0.1}, valid for
 * {@code validDays}. Nothing is committed, so nothing expires in the repository.
 *
 * @param keystore   PKCS12, the broker's key and certificate
 * @param truststore PKCS12, the certificate alone, for clients
 * @param password   of both stores and of the key
 */
public record TlsFiles(Path keystore, Path truststore, String password) {
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    /** Generates both stores in {@code directory} (which must exist). */
    public static TlsFiles generate(Path directory, String password, int validDays) {
        Path keystore = directory.resolve("broker.p12");
        Path certificate = directory.resolve("broker.crt");
        Path truststore = directory.resolve("truststore.p12");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", Integer.toString(validDays),
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-alias", "broker", "-rfc", "-file", certificate.toString(), "-keystore", keystore.toString(),
                "-storepass", password);
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", truststore.toString(), "-storepass", password);
        return new TlsFiles(keystore, truststore, password);
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + args[0] + " did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed (" + process.exitValue() + "): "
                        + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
