package dev.heed.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real tmpfs mounts: skipped where mounting is not permitted (not root, no CAP_SYS_ADMIN). */
class SmallDiskTest {
    private static final long MB = 1 << 20;
    private static final long PAGE = 4096;

    @TempDir
    Path directory;

    @BeforeEach
    void requireMount() {
        Assumptions.assumeTrue(SmallDisk.supported(), "cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN)");
    }

    @Test
    void shouldLeaveTheRequestedFreeSpaceAndGiveItAllBackWhenTheFillerIsFreed() {
        try (SmallDisk disk = SmallDisk.mount(directory.resolve("disk"), 4 * MB)) {
            assertThat(disk.totalBytes()).isEqualTo(4 * MB);
            long free = disk.fillLeaving(MB);

            // tmpfs counts whole pages: at most one page below what was asked, never above.
            assertThat(free).isBetween(MB - PAGE, MB);
            assertThat(disk.fillerBytes()).isBetween(3 * MB - PAGE, 3 * MB);

            disk.freeFiller();
            assertThat(disk.fillerBytes()).isZero();
            assertThat(disk.freeBytes()).isEqualTo(4 * MB);
        }
    }

    @Test
    void shouldMakeTheNextWriteFailWithNoSpaceWhenFilledToZero() {
        try (SmallDisk disk = SmallDisk.mount(directory.resolve("disk"), 2 * MB)) {
            assertThat(disk.fillLeaving(0)).isZero();

            assertThatThrownBy(() -> Files.write(disk.directory().resolve("one-more"), new byte[(int) PAGE]))
                    .isInstanceOf(IOException.class).hasMessageContaining("No space left on device");
        }
    }

    @Test
    void shouldUnmountOnCloseLeavingTheDirectoryOnItsFormerFilesystem() throws IOException {
        Path mountPoint = directory.resolve("disk");
        try (SmallDisk disk = SmallDisk.mount(mountPoint, MB)) {
            Files.writeString(mountPoint.resolve("on-the-tmpfs"), "x");
            assertThat(Files.getFileStore(mountPoint).type()).isEqualTo("tmpfs");
        }

        assertThat(Files.getFileStore(mountPoint)).isEqualTo(Files.getFileStore(directory));
        try (var entries = Files.list(mountPoint)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void shouldRefuseToHideWhatADirectoryHolds() throws IOException {
        Path full = Files.createDirectories(directory.resolve("full"));
        Files.writeString(full.resolve("kept"), "x");

        assertThatThrownBy(() -> SmallDisk.mount(full, MB)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not empty");
    }
}
