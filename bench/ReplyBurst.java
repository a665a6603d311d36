import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Issue #19's burst, measured as a customer feels it, through the README's run command: starts {@code ./heed up}
 * with the responder's e-mail going to an SMTP sink in this process, posts N feedback over S seconds through the
 * ingest API (each from its own customer address, half of them complaints) after an unmeasured warm-up burst of a
 * fifth of them, and prints, from each 202 to the moment the sink accepted the customer's reply, p50 / p99 / max
 * and the slowest reply per second of the burst; then {@code ./heed down}.
 *
 * <pre>java bench/ReplyBurst.java [count 300] [seconds 15]</pre>
 *
 * Plain JDK (the source launcher), no dependencies. Run from the repository root with nothing on the local run's
 * ports; the sink listens on 127.0.0.1:2525. The clock is this process's for both ends, so the figures include
 * ingest, Kafka, routing and the responder, not the client's own HTTP stack.
 */
public final class ReplyBurst {

    private static final int SINK_PORT = 2525;
    private static final String INGEST = "http://127.0.0.1:28080";
    private static final String[] TEXTS = {
            "My parcel never arrived and nobody answers the phone.",
            "Thanks, the new app is great and the staff were lovely.",
            "I was charged twice for the same order, please refund me.",
            "Can I change the delivery address for my next order?",
    };

    private final Map<String, Instant> accepted = new ConcurrentHashMap<>();
    private final Map<String, Integer> index = new ConcurrentHashMap<>();
    private final Map<String, Instant> replied = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        new ReplyBurst().run(count, seconds);
    }

    private void run(int count, int seconds) throws Exception {
        ServerSocket sink = new ServerSocket(SINK_PORT, 200, java.net.InetAddress.getLoopbackAddress());
        daemon(() -> serve(sink));
        ProcessBuilder up = new ProcessBuilder("./heed", "up").redirectErrorStream(true)
                .redirectOutput(Path.of(".heed-burst-up.log").toFile());
        up.environment().put("HEED_SMTP_HOST", "127.0.0.1");
        up.environment().put("HEED_SMTP_PORT", String.valueOf(SINK_PORT));
        Process heed = up.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            awaitReady(http, heed);
            // A running system is warm: a first, unmeasured burst lets the JIT compile and every client connect.
            System.out.println("warm-up: " + count / 5 + " feedback over " + Math.max(1, seconds / 3) + " s");
            post(http, count / 5, Math.max(1, seconds / 3));
            awaitReplies();
            accepted.clear();
            replied.clear();
            index.clear();
            post(http, count, seconds);
            awaitReplies();
            report(count, seconds);
        } finally {
            new ProcessBuilder("./heed", "down").inheritIO().start().waitFor(120, TimeUnit.SECONDS);
            heed.waitFor(60, TimeUnit.SECONDS);
            sink.close();
        }
    }

    private void awaitReplies() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (!replied.keySet().containsAll(accepted.keySet()) && Instant.now().isBefore(deadline)) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static void awaitReady(HttpClient http, Process heed) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        System.out.println("waiting for ./heed up (log: .heed-burst-up.log) ...");
        while (Instant.now().isBefore(deadline)) {
            if (!heed.isAlive()) {
                throw new IllegalStateException("./heed up exited with " + heed.exitValue() + ": see .heed-burst-up.log");
            }
            try {
                var ready = http.send(HttpRequest.newBuilder(URI.create(INGEST + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200 && java.nio.file.Files.readString(Path.of(".heed-burst-up.log"))
                        .contains("28083")) {
                    TimeUnit.SECONDS.sleep(5); // let routing's and the responder's consumers join their groups
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.SECONDS.sleep(1);
        }
        throw new IllegalStateException("the local run was not ready within 10 minutes");
    }

    private void post(HttpClient http, int count, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long start = System.nanoTime();
        long gapNanos = TimeUnit.SECONDS.toNanos(seconds) / count;
        List<java.util.concurrent.Future<?>> posts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long due = start + i * gapNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int n = i;
            String email = "burst-" + i + "-" + start + "@example.com";
            String body = "{\"channel\":\"EMAIL\",\"text\":\"" + TEXTS[i % TEXTS.length] + "\",\"occurredAt\":\""
                    + Instant.now() + "\",\"customer\":{\"email\":\"" + email + "\"}}";
            posts.add(pool.submit(() -> {
                var response = http.send(HttpRequest.newBuilder(URI.create(INGEST + "/v1/feedback"))
                        .header("Authorization", "Bearer heed-local-demo-key").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    accepted.put(email.toLowerCase(Locale.ROOT), Instant.now());
                    index.put(email.toLowerCase(Locale.ROOT), n);
                } else {
                    System.out.println("not accepted: " + response.statusCode() + " " + response.body());
                }
                return null;
            }));
        }
        for (var p : posts) {
            p.get();
        }
        pool.shutdown();
    }

    private void report(int count, int seconds) {
        List<Long> millis = new ArrayList<>();
        long[] bySecond = new long[seconds + 1];
        accepted.forEach((email, at) -> {
            Instant reply = replied.get(email);
            if (reply != null) {
                long ms = Duration.between(at, reply).toMillis();
                millis.add(ms);
                int second = (int) ((long) index.get(email) * seconds / count);
                bySecond[second] = Math.max(bySecond[second], ms);
            }
        });
        millis.sort(null);
        System.out.printf("posted %d over %d s: %d accepted (202), %d replies received, %d missing after 120 s%n",
                count, seconds, accepted.size(), millis.size(), accepted.size() - millis.size());
        if (!millis.isEmpty()) {
            System.out.printf("202 -> customer reply at the SMTP sink: p50 %d ms, p99 %d ms, max %d ms%n",
                    pct(millis, 0.50), pct(millis, 0.99), millis.get(millis.size() - 1));
            StringBuilder line = new StringBuilder("slowest reply of the feedback posted in each second (ms):");
            for (int s = 0; s < seconds; s++) {
                line.append(' ').append(bySecond[s]);
            }
            System.out.println(line);
        }
    }

    private static long pct(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    /** A minimal SMTP server: accepts every message and records when each recipient's message was complete. */
    private void serve(ServerSocket sink) {
        while (!sink.isClosed()) {
            try {
                Socket socket = sink.accept();
                daemon(() -> session(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void session(Socket socket) {
        try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
             OutputStream out = socket.getOutputStream()) {
            send(out, "220 burst-sink ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    send(out, "250-burst-sink\r\n250 8BITMIME");
                } else if (upper.startsWith("RCPT TO:")) {
                    recipients.add(line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase(Locale.ROOT));
                    send(out, "250 OK");
                } else if (upper.equals("DATA")) {
                    send(out, "354 go ahead");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // the message itself is not needed
                    }
                    Instant now = Instant.now();
                    recipients.forEach(r -> replied.putIfAbsent(r, now));
                    recipients.clear();
                    send(out, "250 OK");
                } else if (upper.equals("QUIT")) {
                    send(out, "221 bye");
                    return;
                } else if (upper.startsWith("RSET")) {
                    recipients.clear();
                    send(out, "250 OK");
                } else {
                    send(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work);
        thread.setDaemon(true);
        thread.start();
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
