package dev.heed.routing.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the classifier's word-list resources: UTF-8, one entry a line, tab-separated columns. */
final class WordLists {

    private WordLists() {
    }

    /** Rows of a resource next to this class; blank lines and lines starting with {@code "# "} are skipped. */
    static List<String[]> rows(String resource) {
        return read(resource, true);
    }

    /** Rows of a resource taken verbatim (VADER's list has tokens that start with {@code #}). */
    static List<String[]> rawRows(String resource) {
        return read(resource, false);
    }

    private static List<String[]> read(String resource, boolean skipComments) {
        InputStream in = WordLists.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classifier resource " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || (skipComments && (line.startsWith("# ") || line.equals("#")))) {
                    continue;
                }
                rows.add(line.split("\t"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classifier resource " + resource, e);
        }
        return rows;
    }
}
