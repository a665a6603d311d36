package dev.heed.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code docker save} image tar, unpacked into a root file system and run the way a container runtime
 * runs it, without one: its own PID namespace with a fresh {@code /proc}, {@code chroot} into the layers,
 * the image's user, working directory, environment and entrypoint.
 *
 * <p>Contract: {@link #unpack} needs root (layer files keep their owners; {@code chroot} needs it too).
 * The network is the host's, so a service in the image reaches a broker on 127.0.0.1. What is not
 * reproduced: cgroup limits, capabilities, seccomp, a private network; the checks here are about what is
 * inside the image (runtime, class path, user, paths), not about isolation.
 */
final class ContainerImage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final JsonNode config;

    private ContainerImage(Path root, JsonNode config) {
        this.root = root;
        this.config = config;
    }

    /** Unpacks every layer of {@code imageTar}, base first, into {@code root}. */
    static ContainerImage unpack(Path imageTar, Path root) throws IOException, InterruptedException {
        Path staging = Files.createDirectories(root.resolveSibling(root.getFileName() + "-tar"));
        run(List.of("tar", "-xf", imageTar.toString(), "-C", staging.toString()));
        JsonNode manifest = JSON.readTree(staging.resolve("manifest.json").toFile()).get(0);
        JsonNode config = JSON.readTree(staging.resolve(manifest.get("Config").asText()).toFile());
        Files.createDirectories(root);
        for (JsonNode layer : manifest.get("Layers")) {
            // GNU tar recognises a gzip'd layer by itself; owners are kept because this runs as root.
            run(List.of("tar", "--same-owner", "-xf", staging.resolve(layer.asText()).toString(), "-C", root.toString()));
        }
        return new ContainerImage(root, config);
    }

    Path root() {
        return root;
    }

    /** The image's runtime configuration ({@code config} of the image config JSON). */
    JsonNode runtime() {
        return config.get("config");
    }

    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode entry : runtime().path("Env")) {
            String[] pair = entry.asText().split("=", 2);
            env.put(pair[0], pair[1]);
        }
        return env;
    }

    /**
     * Starts the image's entrypoint as its user, with the image's environment plus {@code extraEnv}, writing
     * stdout and stderr to {@code log}. The process dies with this JVM's calling thread.
     */
    Process start(Map<String, String> extraEnv, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                "setpriv", "--pdeathsig", "KILL",
                "unshare", "--fork", "--pid", "--kill-child=SIGKILL", "--mount-proc=" + root.resolve("proc"),
                "chroot", "--userspec=" + runtime().path("User").asText("0:0"), root.toString(),
                "/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", runtime().path("WorkingDir").asText("/")));
        runtime().path("Entrypoint").forEach(part -> command.add(part.asText()));
        runtime().path("Cmd").forEach(part -> command.add(part.asText()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment());
        builder.environment().putAll(extraEnv);
        return builder.start();
    }

    /**
     * The entrypoint's own process (inside the namespace, below {@code unshare}), once it has started.
     */
    static ProcessHandle service(Process started) {
        return started.descendants().filter(ContainerImage::isJvm)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no java process below pid " + started.pid()));
    }

    /** SIGTERM to the service itself (its graceful shutdown), then up to 30 s before killing. */
    static void stop(Process started) throws InterruptedException {
        started.descendants().filter(ContainerImage::isJvm).forEach(ProcessHandle::destroy);
        if (!started.waitFor(30, TimeUnit.SECONDS)) {
            started.descendants().forEach(ProcessHandle::destroyForcibly);
            started.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean isJvm(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("java")).orElse(false);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
