package dev.heed.ingest.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A closed-loop HTTP load generator for loopback servers: {@code concurrency} threads, each sending one
 * request at a time over a shared keep-alive HTTP/1.1 client, for a bounded time and a bounded count.
 * Every answer must have the expected status, so a benchmark never counts failures as throughput.
 */
final class LoadGenerator {
    private static final AtomicLong RETRIES = new AtomicLong();

    /** What one run measured; latencies in milliseconds. */
    record Result(long requests, double seconds, double p50, double p99) {
        double perSecond() {
            return requests / seconds;
        }
    }


    /**
     * @param body     the body of the n-th request (unique ids keep idempotency from answering from memory)
     * @param headers  name/value pairs sent with every request
     */
    Result run(URI uri, String contentType, LongFunction<byte[]> body, int expectedStatus, int concurrency,
               Duration duration, long maxRequests, String... headers) throws InterruptedException {
        var counter = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        // A client per run: connections left idle by an earlier run may be closed by the server meanwhile,
        // and the JDK client does not retry a POST on such a connection.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        long started = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            long[] mine = new long[(int) Math.min(maxRequests, 2_000_000)];
            latencies.add(mine);
            Thread thread = new Thread(() -> loop(client, uri, contentType, body, expectedStatus, deadline, maxRequests, counter, mine,
                    failure, headers));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("load run failed", failure.get());
        }
        long[] all = latencies.stream().flatMapToLong(a -> Arrays.stream(a).filter(v -> v > 0)).sorted().toArray();
        return new Result(all.length, seconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    private static void loop(HttpClient client, URI uri, String contentType, LongFunction<byte[]> body, int expectedStatus, long deadline, long maxRequests,
                      AtomicLong counter, long[] latencies, java.util.concurrent.atomic.AtomicReference<Throwable> failure,
                      String... headers) {
        int i = 0;
        long n;
        while (System.nanoTime() < deadline && i < latencies.length && failure.get() == null
                && (n = counter.getAndIncrement()) < maxRequests) {
            var request = HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.apply(n)));
            for (int h = 0; h < headers.length; h += 2) {
                request.header(headers[h], headers[h + 1]);
            }
            long start = System.nanoTime();
            try {
                // Answers are taken as bytes and decoded only to report a wrong status: decoding every
                // 90 KB batch answer was client work counted against the service.
                HttpResponse<byte[]> response = send(client, request.build());
                if (response.statusCode() != expectedStatus) {
                    throw new IllegalStateException("status " + response.statusCode() + ": "
                            + new String(response.body(), StandardCharsets.UTF_8));
                }
            } catch (Exception e) {
                failure.compareAndSet(null, new IllegalStateException(uri + " failed", e));
                return;
            }
            latencies[i++] = Math.max(1, System.nanoTime() - start);
        }
    }

    /**
     * One retry when a pooled keep-alive connection turns out to be closed: the JDK client retries only
     * idempotent methods by itself. A repeated POST is safe here, since every body carries its event id.
     */
    private static HttpResponse<byte[]> send(HttpClient client, HttpRequest request) throws Exception {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            RETRIES.incrementAndGet();
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    /** How many requests needed the retry above, over the whole benchmark. */
    static long retries() {
        return RETRIES.get();
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
}
