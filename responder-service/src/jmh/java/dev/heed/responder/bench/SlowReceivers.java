package dev.heed.responder.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's receivers, each taking {@code latency} per message on its own side: a GreenMail SMTP sink
 * behind a {@link LatencyProxy} that holds each message's end of DATA for the latency (so the sender's
 * connection is held, as with a real relay), and a local webhook receiver that answers 200 after it.
 */
final class SlowReceivers implements AutoCloseable {
    private final GreenMail smtp;
    private final LatencyProxy smtpLatency;
    private final HttpServer webhooks;
    private final ExecutorService webhookThreads = Executors.newCachedThreadPool();
    private final AtomicInteger webhookRequests = new AtomicInteger();

    SlowReceivers(Duration latency) throws IOException {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        smtpLatency = new LatencyProxy(smtp.getSmtp().getPort(), latency);
        webhooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        webhooks.setExecutor(webhookThreads);
        webhooks.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            pause(latency);
            webhookRequests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhooks.start();
    }

    private static void pause(Duration latency) {
        try {
            Thread.sleep(latency.toMillis()); // the injected latency itself
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where to send e-mail: the latency proxy in front of the sink. */
    int smtpPort() {
        return smtpLatency.port();
    }

    String webhookUrl() {
        return "http://127.0.0.1:" + webhooks.getAddress().getPort() + "/replies";
    }

    int webhookRequests() {
        return webhookRequests.get();
    }

    @Override
    public void close() throws IOException {
        smtpLatency.close();
        webhooks.stop(0);
        webhookThreads.shutdownNow();
        smtp.stop();
    }
}
