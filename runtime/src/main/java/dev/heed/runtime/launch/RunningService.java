package dev.heed.runtime.launch;

import java.util.concurrent.CompletableFuture;

/**
 * A started service, as {@link ServiceLauncher} runs it. {@link #failure()} completes when the service can no
 * longer do its work by itself (its consumer loop stopped on an error, its Streams client went to ERROR); a
 * service that cannot fail that way returns a future that never completes. {@link #close()} stops it cleanly and
 * may be called more than once.
 */
public interface RunningService extends AutoCloseable {
    CompletableFuture<Throwable> failure();

    @Override
    void close();
}
