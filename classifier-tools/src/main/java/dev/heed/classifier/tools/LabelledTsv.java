package dev.heed.classifier.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a labelled TSV with a header naming at least {@code id, label, category, rating, text} (in any order).
 * The text is the last column and may not contain tabs; an empty rating is {@code null}.
 */
public final class LabelledTsv {

    private LabelledTsv() {
    }

    public static List<LabelledRow> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(file + ": empty, expected a header id, label, category, rating, text");
        }
        List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
        int id = column(header, "id", file);
        int label = column(header, "label", file);
        int category = column(header, "category", file);
        int rating = column(header, "rating", file);
        int text = column(header, "text", file);
        List<LabelledRow> rows = new ArrayList<>(lines.size());
        for (int n = 1; n < lines.size(); n++) {
            String[] cells = lines.get(n).split("\t", -1);
            if (cells.length < header.size()) {
                throw new IOException(file + ":" + (n + 1) + ": expected " + header.size() + " columns, got " + cells.length);
            }
            String stars = cells[rating].trim();
            rows.add(new LabelledRow(cells[id], cells[label].trim().toLowerCase(java.util.Locale.ROOT), cells[category],
                    stars.isEmpty() ? null : Integer.valueOf(stars), cells[text]));
        }
        return rows;
    }

    private static int column(List<String> header, String name, Path file) throws IOException {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IOException(file + ": header lacks column '" + name + "': " + header);
        }
        return i;
    }
}
