package dev.heed.cli.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One Heed service as the local run starts it: from its module's built classes and class path file
 * (written by the build into {@code target/classpath.txt}), with its environment and readiness URL.
 */
record ServiceSpec(String name, String module, String mainClass, int port, Map<String, String> environment) {

    String classPath(Path repository) {
        Path target = repository.resolve(module).resolve("target");
        Path file = target.resolve("classpath.txt");
        if (!Files.isRegularFile(file)) {
            throw new LocalRunException(module + " is not built (no " + file + "): run ./heed up, which builds it");
        }
        try {
            return target.resolve("classes") + File.pathSeparator + Files.readString(file).strip();
        } catch (IOException e) {
            throw new LocalRunException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
