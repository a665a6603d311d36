package dev.heed.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM started through {@link ChildMain}, so it dies with this JVM, with stdout and stderr
 * appended to a log file.
 *
 * <p>Contract: {@link #stop(long)} asks politely (SIGTERM, which runs the child's shutdown hooks),
 * waits up to the given bound, then kills; it returns once the process is gone.
 */
final class ChildJvm {

    private final Process process;
    private final Path logFile;

    private ChildJvm(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
    }

    static ChildJvm start(String classPath, List<String> jvmOptions, String mainClass, List<String> args,
                          Path logFile) {
        return start(classPath, jvmOptions, mainClass, args, java.util.Map.of(), logFile);
    }

    static ChildJvm start(String classPath, List<String> jvmOptions, String mainClass, List<String> args,
                          java.util.Map<String, String> environment, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(ChildMain.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(mainClass);
        command.addAll(args);
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            Process process = builder
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            return new ChildJvm(process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass, e);
        }
    }

    /** Where this module's own classes live, so a child can find {@link ChildMain}. */
    static String ownClassPathEntry() {
        try {
            return Paths.get(ChildMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    void stop(long timeoutSeconds) {
        process.destroy();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(timeoutSeconds, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL ({@link Process#destroyForcibly()} on Linux and macOS); returns once the process is gone. */
    void kill(long timeoutSeconds) {
        try {
            process.destroyForcibly().waitFor(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The end of the log, for error messages when the child fails to come up. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
