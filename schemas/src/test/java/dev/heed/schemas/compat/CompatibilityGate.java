package dev.heed.schemas.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The build's compatibility gate. Every released version of an event schema is kept under
 * {@code schemas/released/<Event>/<version>.avsc}; the current schema must be both backward compatible
 * (new consumers read old records) and forward compatible (old consumers read new records) with each of
 * them, because producers and consumers of one topic are upgraded at different times.
 */
final class CompatibilityGate {
    private CompatibilityGate() {}

    /** One way in which the current schema breaks a released version. */
    record Violation(String event, String releasedVersion, String direction, String detail) {
        @Override
        public String toString() {
            return event + " breaks released version " + releasedVersion + " (" + direction + "): " + detail;
        }
    }

    static List<Violation> check(String event, String releasedVersion, Schema released, Schema current) {
        List<Violation> violations = new ArrayList<>();
        var backward = SchemaCompatibility.checkReaderWriterCompatibility(current, released);
        if (backward.getType() != SchemaCompatibilityType.COMPATIBLE) {
            violations.add(new Violation(event, releasedVersion, "backward: the new schema cannot read old records",
                    backward.getResult().getIncompatibilities().toString()));
        }
        var forward = SchemaCompatibility.checkReaderWriterCompatibility(released, current);
        if (forward.getType() != SchemaCompatibilityType.COMPATIBLE) {
            violations.add(new Violation(event, releasedVersion, "forward: old readers cannot read new records",
                    forward.getResult().getIncompatibilities().toString()));
        }
        return violations;
    }

    /** Released versions of one event, oldest first. */
    static List<Path> releasedVersions(Path releasedDir, String event) {
        Path dir = releasedDir.resolve(event);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
