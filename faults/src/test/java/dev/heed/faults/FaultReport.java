package dev.heed.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fault table of one test JVM (failsafe runs every IT of the module in one): each scenario adds its row,
 * and the whole table so far is printed and written to {@code target/fault-table.md}, so the last print of a
 * run is its summary.
 */
final class FaultReport {
    private static final FaultTable TABLE = new FaultTable();
    private static final Path FILE = Path.of("target", "fault-table.md");

    private FaultReport() {}

    static synchronized void add(FaultTable.Row row, Counts counts) {
        TABLE.add(row);
        String rendered = TABLE.render();
        System.out.println("\nFault table so far:\n" + rendered + "last counts (" + row.fault() + "): " + counts + "\n");
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, rendered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
