package dev.heed.cli.local;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code heed down}: asks the running {@code heed up} to stop (as Ctrl-C would) and waits until it has. */
public final class DownCommand {
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final LocalRunConfig config;

    public DownCommand(LocalRunConfig config) {
        this.config = config;
    }

    public int run(PrintStream out) throws InterruptedException {
        var up = RunningUp.find(config.dataDir().resolve("up.pid"));
        if (up.isEmpty()) {
            out.println("heed: nothing is running");
            return 0;
        }
        out.println("heed: stopping pid " + up.get().pid() + " ...");
        up.get().destroy();
        try {
            up.get().onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new LocalRunException("heed up (pid " + up.get().pid() + ") did not stop within " + WAIT + "; its children stop when it dies");
        }
        out.println("heed: stopped");
        return 0;
    }
}
