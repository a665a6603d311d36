package dev.heed.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

/**
 * Apicurio Registry's runnable distribution, unpacked once per machine from the Maven artifact
 * {@code io.apicurio:apicurio-registry-app:<version>:tar.gz:all}.
 *
 * <p>Where the tarball is: system property {@code heed.apicurio.archive} (the parent POM passes it to
 * failsafe), else the default local repository path. Where it is unpacked:
 * {@code ~/.cache/heed/apicurio-<version>} (or system property {@code heed.cache.dir}). Concurrent JVMs
 * each unpack into their own temporary directory and rename it into place; the loser of the race uses
 * the winner's copy, so nobody ever runs a half-unpacked tree.
 */
public final class ApicurioDistribution {

    public static final String VERSION = "2.6.13.Final";
    private static final String RUNNER = "apicurio-registry-app-" + VERSION + "-runner.jar";

    private ApicurioDistribution() {
    }

    /** The runner jar, unpacking the tarball first if this machine has not yet. */
    public static Path runnerJar() {
        Path home = cacheDir().resolve("apicurio-" + VERSION);
        Path runner = home.resolve(RUNNER);
        if (!Files.isRegularFile(runner)) {
            unpackInto(archive(), home);
        }
        return runner;
    }

    static Path archive() {
        String explicit = System.getProperty("heed.apicurio.archive");
        if (explicit != null && !explicit.isBlank() && !explicit.contains("${")) {
            return Paths.get(explicit);
        }
        String repo = System.getProperty("maven.repo.local",
                Paths.get(System.getProperty("user.home"), ".m2", "repository").toString());
        return Paths.get(repo, "io", "apicurio", "apicurio-registry-app", VERSION,
                "apicurio-registry-app-" + VERSION + "-all.tar.gz");
    }

    private static Path cacheDir() {
        String explicit = System.getProperty("heed.cache.dir");
        return explicit != null ? Paths.get(explicit)
                : Paths.get(System.getProperty("user.home"), ".cache", "heed");
    }

    private static void unpackInto(Path archive, Path home) {
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("Apicurio tarball not found at " + archive + ": build with Maven so it "
                    + "resolves io.apicurio:apicurio-registry-app:" + VERSION + ":tar.gz:all, or set -Dheed.apicurio.archive");
        }
        try {
            Files.createDirectories(home.getParent());
            Path temp = Files.createTempDirectory(home.getParent(), home.getFileName() + ".unpacking-");
            try {
                TarGz.unpack(archive, temp);
                Files.move(temp, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                // Another JVM won the race; its tree is complete because it arrived by rename.
                Directories.deleteTree(temp);
            } catch (IOException e) {
                Directories.deleteTree(temp); // a half-unpacked tree must not pile up in the cache
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + archive + " into " + home, e);
        }
    }
}
