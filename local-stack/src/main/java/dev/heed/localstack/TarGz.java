package dev.heed.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks a {@code .tar.gz} (ustar, GNU long names, PAX path records) into a directory.
 *
 * <p>Plain JDK code rather than commons-compress: the format subset Apicurio's tarball uses fits in a
 * page, and it keeps the module from pinning a compression library next to the one Testcontainers
 * brings in. Entries that would land outside the target directory are refused.
 */
final class TarGz {

    private static final int BLOCK = 512;

    private TarGz() {
    }

    static void unpack(Path archive, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive), 1 << 16)) {
            String pendingName = null;
            byte[] header = new byte[BLOCK];
            while (readBlock(in, header) && header[0] != 0) {
                String name = pendingName != null ? pendingName : headerName(header);
                pendingName = null;
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                switch (type) {
                    case 'L' -> pendingName = trimNul(new String(readData(in, size), StandardCharsets.UTF_8));
                    case 'x' -> pendingName = paxPath(new String(readData(in, size), StandardCharsets.UTF_8));
                    case '5' -> Files.createDirectories(inside(root, name));
                    case '0', '\0' -> writeFile(in, inside(root, name), size);
                    default -> readData(in, size); // links, devices, global PAX headers: not used by our archives
                }
            }
        }
    }

    private static void writeFile(InputStream in, Path file, long size) throws IOException {
        Files.createDirectories(file.getParent());
        try (InputStream body = new BoundedStream(in, size)) {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
        }
        skipPadding(in, size);
    }

    private static byte[] readData(InputStream in, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BoundedStream(in, size).transferTo(out);
        skipPadding(in, size);
        return out.toByteArray();
    }

    private static void skipPadding(InputStream in, long size) throws IOException {
        long padding = (BLOCK - size % BLOCK) % BLOCK;
        in.skipNBytes(padding);
    }

    private static Path inside(Path root, String name) throws IOException {
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("tar entry escapes the target directory: " + name);
        }
        return path;
    }

    private static String headerName(byte[] header) {
        String name = field(header, 0, 100);
        String prefix = field(header, 345, 155);
        boolean ustar = field(header, 257, 6).startsWith("ustar");
        return ustar && !prefix.isEmpty() ? prefix + "/" + name : name;
    }

    // PAX records look like "<len> path=<value>\n".
    private static String paxPath(String records) {
        for (String record : records.split("\n")) {
            int eq = record.indexOf(" path=");
            if (eq >= 0) {
                return record.substring(eq + " path=".length());
            }
        }
        return null;
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        return in.readNBytes(block, 0, BLOCK) == BLOCK;
    }

    private static String field(byte[] header, int offset, int length) {
        return trimNul(new String(header, offset, length, StandardCharsets.UTF_8));
    }

    private static String trimNul(String value) {
        int nul = value.indexOf('\0');
        return nul >= 0 ? value.substring(0, nul) : value;
    }

    private static long octal(byte[] header, int offset, int length) {
        String digits = field(header, offset, length).trim();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }

    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedStream(InputStream in, long size) {
            this.in = in;
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (n < 0) {
                throw new IOException("truncated tar");
            }
            remaining -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.skipNBytes(remaining);
            remaining = 0;
        }
    }
}
