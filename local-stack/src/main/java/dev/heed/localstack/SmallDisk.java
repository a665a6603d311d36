package dev.heed.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small, size-limited filesystem (a {@code tmpfs}) mounted on a directory, so that whatever writes there runs
 * out of space for real ({@code ENOSPC}) rather than by a simulated exception: a broker's log directory, say,
 * mounted before the broker's first start so that its formatting and every log go onto it.
 *
 * <p>{@link #fillLeaving(long)} writes a filler file until only the given number of bytes are free (or the disk
 * is full, when someone else writes at the same time); {@link #freeFiller()} deletes it. {@link #close()}
 * unmounts (lazily, if something still holds a file open, so the test's clean-up of the directory is not
 * blocked) and leaves the directory as it was before, empty.
 *
 * <p>Needs {@code mount} and the right to use it (root, or {@code CAP_SYS_ADMIN} in a container): check
 * {@link #supported()} first and skip where it is not. Not thread-safe: one owner.
 */
public final class SmallDisk implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmallDisk.class);
    private static final String FILLER = ".small-disk-filler";
    private static final int CHUNK = 1 << 20;
    private static final long COMMAND_TIMEOUT_SECONDS = 30;
    private static Boolean supported;

    private final Path mountPoint;
    private final long size;
    private boolean mounted;

    private SmallDisk(Path mountPoint, long size) {
        this.mountPoint = mountPoint;
        this.size = size;
    }

    /**
     * Whether a tmpfs can be mounted here: tries a tiny one in a temporary directory (once per JVM). False when
     * there is no {@code mount} binary or mounting is not permitted (not root, a container without
     * {@code CAP_SYS_ADMIN}).
     */
    public static synchronized boolean supported() {
        if (supported == null) {
            supported = probe();
        }
        return supported;
    }

    private static boolean probe() {
        Path probe = null;
        try {
            probe = Files.createTempDirectory("small-disk-probe");
            try (SmallDisk disk = mount(probe, 1 << 20)) {
                return disk.totalBytes() > 0;
            }
        } catch (IOException | RuntimeException e) {
            LOG.info("no small disks here (cannot mount a tmpfs): {}", e.getMessage());
            return false;
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}", probe, e);
                }
            }
        }
    }

    /**
     * Mounts a tmpfs of {@code bytes} (rounded up to whole pages by the kernel) on {@code directory}, created if
     * missing; it must be empty, since the mount hides what it holds.
     */
    public static SmallDisk mount(Path directory, long bytes) {
        Path mountPoint = directory.toAbsolutePath();
        try {
            Files.createDirectories(mountPoint);
            try (var entries = Files.list(mountPoint)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException(mountPoint + " is not empty: a mount would hide what it holds");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + mountPoint, e);
        }
        run(List.of("mount", "-t", "tmpfs", "-o", "size=" + bytes + ",mode=0755", "tmpfs", mountPoint.toString()));
        SmallDisk disk = new SmallDisk(mountPoint, bytes);
        disk.mounted = true;
        LOG.info("tmpfs of {} bytes mounted on {}", bytes, mountPoint);
        return disk;
    }

    public Path directory() {
        return mountPoint;
    }

    /** The filesystem's size as it reports it. */
    public long totalBytes() {
        try {
            return Files.getFileStore(mountPoint).getTotalSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is free now (what an unprivileged writer may still use; on a tmpfs the same as what is free). */
    public long freeBytes() {
        try {
            return Files.getFileStore(mountPoint).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The filler's size now: 0 when there is none. */
    public long fillerBytes() {
        try {
            return Files.exists(filler()) ? Files.size(filler()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends to the filler file until at most {@code bytes} are free, and returns what is free then. Whoever else
     * writes meanwhile may take the rest first: the write that finds the disk full ends the filling, so with
     * {@code bytes} 0 the disk is full when this returns. The filler is forced to the filesystem (on a tmpfs its
     * pages are taken as it is written).
     */
    public long fillLeaving(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("free bytes " + bytes + " < 0");
        }
        try (FileChannel out = FileChannel.open(filler(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer zeros = ByteBuffer.allocate(CHUNK);
            long free;
            while ((free = freeBytes()) > bytes) {
                zeros.clear().limit((int) Math.min(CHUNK, free - bytes));
                try {
                    while (zeros.hasRemaining()) {
                        out.write(zeros);
                    }
                } catch (IOException e) {
                    // ENOSPC: someone else took the rest first; the disk is as full as it gets.
                    LOG.info("filler on {} stopped by a full disk ({}) at {} bytes", mountPoint, e.getMessage(), out.size());
                    break;
                }
            }
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fill " + mountPoint, e);
        }
        long free = freeBytes();
        LOG.info("{} filled: filler {} bytes, {} bytes free of {}", mountPoint, fillerBytes(), free, size);
        return free;
    }

    /** Deletes the filler: the space it took is free again at once. */
    public void freeFiller() {
        try {
            Files.deleteIfExists(filler());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the filler on " + mountPoint, e);
        }
        LOG.info("{}: filler deleted, {} bytes free", mountPoint, freeBytes());
    }

    private Path filler() {
        return mountPoint.resolve(FILLER);
    }

    /**
     * Unmounts; whatever was on the disk is gone. Falls back to a lazy unmount ({@code umount -l}) when the
     * filesystem is busy (a process still holding a file open), so the directory is free at once either way.
     */
    @Override
    public void close() {
        if (!mounted) {
            return;
        }
        mounted = false;
        try {
            run(List.of("umount", mountPoint.toString()));
        } catch (RuntimeException busy) {
            LOG.warn("umount {} failed ({}); unmounting lazily", mountPoint, busy.getMessage());
            run(List.of("umount", "-l", mountPoint.toString()));
        }
        LOG.info("tmpfs on {} unmounted", mountPoint);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ": " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        }
    }
}
