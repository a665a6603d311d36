package dev.heed.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** Where the CLI's settings come from, in order: a command-line option, the environment, the local run's endpoints file. */
final class OptionSources {
    private OptionSources() {}

    /** The first of the option, a non-blank environment value, and the file's value that is there. */
    static Optional<String> first(Optional<String> option, String env, String file) {
        if (option.isPresent()) {
            return option;
        }
        if (env != null && !env.isBlank()) {
            return Optional.of(env);
        }
        return Optional.ofNullable(file);
    }

    /** The endpoints file {@code heed up} writes; empty when there is none (nothing is running). */
    static Properties localRun(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UsageException("cannot read " + file + ": " + e.getMessage());
            }
        }
        return properties;
    }
}
