package dev.heed.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarGzTest {

    @TempDir
    Path dir;

    @Test
    void shouldUnpackFilesDirectoriesAndLongNames() throws IOException {
        String longName = "lib/" + "x".repeat(120) + ".jar";
        Path archive = dir.resolve("a.tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive))) {
            entry(out, "lib/", '5', new byte[0]);
            entry(out, "runner.jar", '0', "runner".getBytes(StandardCharsets.UTF_8));
            entry(out, "././@LongLink", 'L', (longName + "\0").getBytes(StandardCharsets.UTF_8));
            entry(out, longName.substring(0, 99), '0', new byte[700]);
            String pax = "34 path=meta/" + "p".repeat(16) + ".txt\n";
            entry(out, "PaxHeader", 'x', pax.getBytes(StandardCharsets.UTF_8));
            entry(out, "ignored-name", '0', "pax".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[1024]);
        }

        Path target = dir.resolve("out");
        TarGz.unpack(archive, target);

        assertThat(target.resolve("lib")).isDirectory();
        assertThat(target.resolve("runner.jar")).hasContent("runner");
        assertThat(Files.size(target.resolve(longName))).isEqualTo(700);
        assertThat(target.resolve("meta/" + "p".repeat(16) + ".txt")).hasContent("pax");
    }

    @Test
    void shouldRefuseEntriesThatEscapeTheTarget() throws IOException {
        Path archive = dir.resolve("evil.tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive))) {
            entry(out, "../evil.txt", '0', "x".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[1024]);
        }

        assertThatThrownBy(() -> TarGz.unpack(archive, dir.resolve("out")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("escapes");
        assertThat(dir.resolve("evil.txt")).doesNotExist();
    }

    private static void entry(OutputStream out, String name, char type, byte[] data) throws IOException {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 124, String.format("%011o", data.length));
        header[156] = (byte) type;
        put(header, 257, "ustar");
        put(header, 263, "00");
        out.write(header);
        out.write(data);
        out.write(new byte[(512 - data.length % 512) % 512]);
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
