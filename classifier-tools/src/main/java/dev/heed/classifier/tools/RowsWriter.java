package dev.heed.classifier.tools;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/** Writes {@code --rows}: one TSV line per classified row, with a header; does nothing without a path. */
final class RowsWriter implements AutoCloseable {

    private final BufferedWriter out;

    private RowsWriter(BufferedWriter out) {
        this.out = out;
    }

    static RowsWriter open(Path path) throws IOException {
        if (path == null) {
            return new RowsWriter(null);
        }
        BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        out.write("file\tid\tlabel\tverdict\tescalate\tscore\tconfidence\tcategory\tevidence\n");
        return new RowsWriter(out);
    }

    Consumer<RowResult> forFile(String file) {
        return r -> {
            if (out == null) {
                return;
            }
            try {
                out.write(String.format(Locale.ROOT, "%s\t%s\t%s\t%s\t%s\t%.3f\t%.3f\t%s\t%s%n", file, r.id(), r.label(),
                        r.verdict(), r.escalate(), r.score(), r.confidence(), r.category(), r.topEvidence()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
