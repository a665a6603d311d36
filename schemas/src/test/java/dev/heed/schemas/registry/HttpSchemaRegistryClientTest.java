package dev.heed.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.heed.events.FeedbackReceived;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's answers to what a registry may say, against a scripted local HTTP server. */
class HttpSchemaRegistryClientTest {
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private HttpSchemaRegistryClient client;

    private record Answer(int status, String body) {}

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        client = new HttpSchemaRegistryClient("http://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v7/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
                new Answer(404, "{\"error_code\":40401}"));
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void shouldRegisterOnceAndServeTheIdFromItsCacheAfterwards() {
        answers.put("POST /apis/ccompat/v7/subjects/t-value/versions", new Answer(200, "{\"id\":7}"));

        assertThat(client.register("t-value", FeedbackReceived.getClassSchema())).isEqualTo(7);
        assertThat(client.register("t-value", FeedbackReceived.getClassSchema())).isEqualTo(7);
        assertThat(client.getById(7)).isEqualTo(FeedbackReceived.getClassSchema());
        assertThat(requests).hasValue(1);
    }

    @Test
    void shouldTakeTheExistingIdWhenAConcurrentRegistrationWonTheRace() {
        answers.put("POST /apis/ccompat/v7/subjects/t-value/versions", new Answer(409, "{\"message\":\"artifact already exists\"}"));
        answers.put("POST /apis/ccompat/v7/subjects/t-value", new Answer(200, "{\"subject\":\"t-value\",\"id\":3,\"version\":1}"));

        assertThat(client.register("t-value", FeedbackReceived.getClassSchema())).isEqualTo(3);
    }

    @Test
    void shouldReportAnIncompatibleSchemaAsAConflictThatIsNotRetriable() {
        answers.put("POST /apis/ccompat/v7/subjects/t-value/versions", new Answer(409, "{\"message\":\"incompatible\"}"));

        assertThatThrownBy(() -> client.register("t-value", FeedbackReceived.getClassSchema()))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.retriable()).isFalse())
                .hasMessageContaining("409");
    }

    @Test
    void shouldReportAnUnknownIdAndAServerErrorDifferently() {
        answers.put("GET /apis/ccompat/v7/schemas/ids/5", new Answer(503, "busy"));

        assertThatThrownBy(() -> client.getById(4)).isInstanceOf(UnknownSchemaException.class);
        assertThatThrownBy(() -> client.getById(5))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.retriable()).isTrue());
    }

    @Test
    void shouldReportAnUnreachableRegistryAsRetriable() {
        server.stop(0);

        assertThatThrownBy(() -> client.getById(1))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.retriable()).isTrue());
    }

    /**
     * Callers asking for the same schema while one request is on its way share that request's answer. With the
     * request made inside {@code computeIfAbsent}, each waiting caller asked again after the one before it had
     * failed, so the n-th waited n timeouts (a hung registry left ingest's requests hanging, one 503 per 10 s).
     */
    @Test
    void shouldShareOneRequestBetweenConcurrentCallersAndItsFailureToo() throws Exception {
        try (HeldRegistry hung = new HeldRegistry(503, "busy")) {
            var shared = new HttpSchemaRegistryClient(hung.url(),
                    Duration.ofSeconds(60), Duration.ofSeconds(60));
            List<CompletableFuture<Integer>> callers = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                CompletableFuture<Integer> caller = new CompletableFuture<>();
                Thread thread = new Thread(() -> {
                    try {
                        caller.complete(shared.lookup("t-value", FeedbackReceived.getClassSchema()));
                    } catch (RuntimeException e) {
                        caller.completeExceptionally(e);
                    }
                });
                callers.add(caller);
                threads.add(thread);
                thread.start();
                if (i == 0) {
                    assertThat(hung.first.await(30, TimeUnit.SECONDS)).as("the first request reached the registry").isTrue();
                }
            }
            // The others are waiting (for the shared answer, or at the map's lock) before the registry answers.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (Thread thread : threads.subList(1, threads.size())) {
                while (!EnumSet.of(Thread.State.WAITING, Thread.State.TIMED_WAITING, Thread.State.BLOCKED).contains(thread.getState())) {
                    assertThat(System.nanoTime()).as("%s waiting within 30 s", thread.getName()).isLessThan(deadline);
                    Thread.onSpinWait();
                }
            }
            hung.release.countDown();

            for (CompletableFuture<Integer> caller : callers) {
                assertThatThrownBy(() -> caller.get(30, TimeUnit.SECONDS)).cause()
                        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.retriable()).isTrue());
            }
            assertThat(hung.asked).as("requests the registry saw").hasValue(1);
        }
    }

    /**
     * A caller that finds the request for its key unanswered for longer than the patience fails at once (retriable)
     * rather than hold its thread: ingest answers 503 on its request thread, and a whole timeout per caller filled
     * them while the registry was SIGSTOPped. The request already on its way is not repeated.
     */
    @Test
    void shouldFailAtOnceWhenTheRequestForTheSameKeyIsOverdue() throws Exception {
        try (HeldRegistry hung = new HeldRegistry(200, "{\"id\":9}")) {
            // Patience zero: any request on its way is overdue, so the outcome does not depend on timing.
            var impatient = new HttpSchemaRegistryClient(hung.url(),
                    Duration.ofSeconds(60), Duration.ZERO);
            CompletableFuture<Integer> firstCaller = CompletableFuture.supplyAsync(
                    () -> impatient.lookup("t-value", FeedbackReceived.getClassSchema()));
            assertThat(hung.first.await(30, TimeUnit.SECONDS)).as("the first request reached the registry").isTrue();

            assertThatThrownBy(() -> impatient.lookup("t-value", FeedbackReceived.getClassSchema()))
                    .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.retriable()).isTrue())
                    .hasMessageContaining("has not answered");
            hung.release.countDown();
            assertThat(firstCaller.get(30, TimeUnit.SECONDS)).isEqualTo(9);
            assertThat(impatient.lookup("t-value", FeedbackReceived.getClassSchema())).isEqualTo(9);
            assertThat(hung.asked).as("requests the registry saw").hasValue(1);
        }
    }
    /** A registry that counts requests, holds each until released, then answers them all with one status and body. */
    private static final class HeldRegistry implements AutoCloseable {
        final AtomicInteger asked = new AtomicInteger();
        final CountDownLatch first = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final HttpServer server;

        HeldRegistry(int status, String answer) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                asked.incrementAndGet();
                first.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] body = answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v7";
        }

        @Override
        public void close() {
            release.countDown();
            server.stop(0);
        }
    }
}
