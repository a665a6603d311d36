package dev.heed.localstack;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Entry point of every child JVM this module starts: {@code ChildMain <parentPid> <mainClass> [args...]}.
 *
 * <p>Contract: the child ends when the parent process ends, however the parent ended (including
 * {@code kill -9}), then runs {@code mainClass.main(args)} unchanged. A plain child process survives a
 * killed parent and keeps its ports and data directory locked, which breaks the next run.
 *
 * <p>Uses only the JDK, so it can sit on any class path (the broker's, or next to Apicurio's runner jar).
 */
public final class ChildMain {

    /** How long shutdown hooks (a clean broker shutdown) may run once the parent is gone. */
    private static final long GRACE_SECONDS = 5;

    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ChildMain <parentPid> <mainClass> [args...]");
            System.exit(2);
        }
        watchParent(Long.parseLong(args[0]));
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }

    private static void watchParent(long parentPid) {
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(ChildMain::exitWithGrace),
                () -> Runtime.getRuntime().halt(3));
    }

    // System.exit lets the broker flush and unlock its data dir; halt guarantees the exit even if a
    // shutdown hook waits for a peer that will never answer.
    private static void exitWithGrace() {
        Thread halter = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(GRACE_SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(4);
        }, "heed-parent-gone-halt");
        halter.setDaemon(true);
        halter.start();
        new Thread(() -> System.exit(4), "heed-parent-gone-exit").start();
    }
}
