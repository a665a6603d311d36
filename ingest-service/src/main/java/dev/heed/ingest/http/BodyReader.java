package dev.heed.ingest.http;

import dev.heed.runtime.http.Problem;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads one request body into memory without holding a thread while it arrives: it takes what is there, asks
 * Jetty to call back when more comes, and ends with exactly one {@link Outcome}. A body counts as read only
 * when its last byte arrived ({@link Outcome.Whole}); one that stops early, breaks the limit or takes too long
 * ends otherwise, and nothing of it is handed on.
 *
 * <p>A body gets one wait for free: most clients send the body right behind the head, in the next packet. A
 * body still incomplete after that is a slow one, and must be admitted ({@code admission}, asked once) to be
 * waited for further, or ends {@link Outcome.Refused}.
 *
 * <p>The time bounds are real time (Jetty's scheduler and {@link NanoTime}), as they bound real sockets: the
 * whole body within {@code timeout} of the first wait, and no pause longer than {@code idleTimeout}. When one
 * runs out, or the read is {@link #stop stopped}, the outcome is given there and then, and the request is failed
 * so that Jetty reads no more of it; the outcome never waits for Jetty to wake a pending read.
 *
 * <p>An outcome reached after waiting is given on a thread of the server's pool ({@code handOff}), never on
 * the thread of a Jetty read callback or of its scheduler: what follows runs a blocking route, which must not
 * hold either.
 */
final class BodyReader implements Runnable {
    /** How the read ended. */
    sealed interface Outcome {
        /** Every byte arrived. */
        record Whole(byte[] body, int length) implements Outcome {}

        /** More than the limit arrived, or was declared. */
        record TooLarge() implements Outcome {}

        /** The body ended before its end: the connection closed or broke. */
        record Cut(String why) implements Outcome {}

        /** A time bound ran out first. */
        record TimedOut(String why) implements Outcome {}

        /** Still on its way after its free wait, and not admitted to wait further. */
        record Refused(Problem problem) implements Outcome {}
    }

    // The first buffer of a body that does not arrive at once; it doubles as bytes come, up to the declared
    // length, so a client that declares 4 MB and sends a byte a second holds a few kilobytes, not 4 MB.
    private static final int FIRST_BUFFER = 16 * 1024;

    private final Request request;
    private final int limit;
    private final Duration idleTimeout;
    private final Duration timeout;
    private final Supplier<Problem> admission;
    private final Consumer<Outcome> done;
    private final Executor handOff;
    private boolean admitted;
    private byte[] buffer;
    private int length;
    private volatile long lastProgress;
    private long deadline;
    private Scheduler.Task timer;
    // Set under this lock, once: whether the outcome was given. Read without it to stop reading early.
    private volatile boolean finished;
    // Whether the read waited (await was called): its outcome is then handed off.
    private volatile boolean waited;

    /**
     * @param admission asked once, when the body is still incomplete after its free wait: null admits it to wait
     *                  further, a problem refuses it
     * @param done      given the outcome, once: on the calling thread when the body was there at once, else
     *                  through {@code handOff}
     */
    BodyReader(Request request, int limit, Duration idleTimeout, Duration timeout, Supplier<Problem> admission, Consumer<Outcome> done,
            Executor handOff) {
        this.request = request;
        this.limit = limit;
        this.idleTimeout = idleTimeout;
        this.timeout = timeout;
        this.admission = admission;
        this.done = done;
        this.handOff = handOff;
    }

    /**
     * Reads what has arrived already. True when that was the whole body (or the end of the read for another
     * reason) and the outcome was given; false when the rest is still on its way, and {@link #await} must follow.
     */
    boolean readAvailable() {
        lastProgress = NanoTime.now();
        return readUntilMissing();
    }

    /** Waits for the rest of the body, within the time bounds; the outcome is given on a Jetty thread. */
    void await() {
        waited = true;
        deadline = NanoTime.now() + timeout.toNanos();
        synchronized (this) {
            timer = schedule(Math.min(timeout.toNanos(), idleTimeout.toNanos()));
        }
        request.demand(this);
    }

    @Override
    public void run() {
        if (readUntilMissing()) {
            return;
        }
        if (finished) {
            // Stopped while this callback ran: read no more.
            return;
        }
        if (!admitted) {
            admitted = true;
            Problem refusal = admission.get();
            if (refusal != null) {
                finish(new Outcome.Refused(refusal));
                return;
            }
        }
        request.demand(this);
    }

    /** True when the read ended; false when Jetty has nothing more yet. */
    private boolean readUntilMissing() {
        while (true) {
            if (finished) {
                return true;
            }
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                return false;
            }
            if (Content.Chunk.isFailure(chunk)) {
                if (!chunk.isLast()) {
                    // A transient failure (Jetty's own idle timeout) ends this read for good.
                    request.fail(chunk.getFailure());
                }
                finish(new Outcome.Cut(cut()));
                return true;
            }
            boolean fits = append(chunk);
            chunk.release();
            if (!fits) {
                finish(new Outcome.TooLarge());
                return true;
            }
            if (chunk.isLast()) {
                finish(new Outcome.Whole(buffer == null ? new byte[0] : buffer, length));
                return true;
            }
        }
    }

    private boolean append(Content.Chunk chunk) {
        int size = chunk.remaining();
        if (size == 0) {
            return true;
        }
        if ((long) length + size > limit) {
            return false;
        }
        int needed = length + size;
        if (buffer == null || needed > buffer.length) {
            long declared = request.getLength();
            int ceiling = declared >= 0 ? (int) Math.min(declared, limit) : limit;
            // The whole body in hand (the usual case: one chunk) gets an array of its size; else room to grow.
            int capacity = chunk.isLast() || needed >= ceiling ? needed : Math.min(ceiling, Math.max(2 * needed, FIRST_BUFFER));
            buffer = buffer == null ? new byte[capacity] : Arrays.copyOf(buffer, capacity);
        }
        chunk.getByteBuffer().get(buffer, length, size);
        length = needed;
        lastProgress = NanoTime.now();
        return true;
    }

    private String cut() {
        long declared = request.getLength();
        return declared >= 0
                ? "the body ended after " + length + " of the " + declared + " bytes declared"
                : "the body ended after " + length + " bytes, before its last chunk";
    }

    /** Gives the outcome, unless one was given already; true when this call gave it. */
    private boolean finish(Outcome outcome) {
        if (!claim()) {
            return false;
        }
        deliver(outcome);
        return true;
    }

    /** Marks the read finished, unless it was already; true when this call did. */
    private boolean claim() {
        synchronized (this) {
            if (finished) {
                return false;
            }
            finished = true;
            if (timer != null) {
                timer.cancel();
            }
            return true;
        }
    }

    private void deliver(Outcome outcome) {
        if (waited) {
            handOff.execute(() -> done.accept(outcome));
        } else {
            done.accept(outcome);
        }
    }

    private Scheduler.Task schedule(long nanos) {
        return request.getComponents().getScheduler().schedule(this::check, Math.max(1, nanos), TimeUnit.NANOSECONDS);
    }

    private void check() {
        long now = NanoTime.now();
        long idleEnd = lastProgress + idleTimeout.toNanos();
        if (now - deadline >= 0) {
            stop(new Outcome.TimedOut("the body did not arrive within " + timeout));
        } else if (now - idleEnd >= 0) {
            stop(new Outcome.TimedOut("no part of the body arrived for " + idleTimeout));
        } else {
            synchronized (this) {
                if (!finished) {
                    timer = schedule(Math.min(deadline, idleEnd) - now);
                }
            }
        }
    }

    /**
     * Ends a read that is still waiting with {@code outcome} (a stopping server refuses what is still on its way),
     * and fails the request so that Jetty reads no more of it. Does nothing once the outcome was given.
     */
    void stop(Outcome outcome) {
        if (claim()) {
            // Failed before the outcome is handed on, never beside it: the handling that follows reads what is left
            // of the request, and Jetty's failing it on this thread at the same time once released the connection's
            // buffer under that read (a NullPointerException in Jetty, and the client never answered).
            request.fail(outcome instanceof Outcome.TimedOut late
                    ? new TimeoutException(late.why())
                    : new CancellationException("the server stopped reading the body"));
            deliver(outcome);
        }
    }
}
