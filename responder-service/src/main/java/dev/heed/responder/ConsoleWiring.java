package dev.heed.responder;

import dev.heed.responder.ack.ComplaintDirectory;
import dev.heed.responder.console.Console;
import dev.heed.responder.console.ConsoleRoutes;
import dev.heed.responder.console.TimelineFeed;
import dev.heed.responder.kafka.TopicTailer;
import dev.heed.runtime.auth.TokenStore;
import io.javalin.config.JavalinConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.admin.Admin;

/**
 * The operator console: its model, fed by a tailer of every Heed topic, sampled through its own admin
 * client and pushed to the pages by a scheduler; {@link #routes} adds its pages and API to the HTTP app.
 */
final class ConsoleWiring implements AutoCloseable {
    private final Admin admin;
    private final Console console;
    private final TopicTailer tailer;
    private final ScheduledExecutorService scheduler;

    ConsoleWiring(ResponderBase base, Clock clock, ComplaintDirectory directory, TokenStore tokens) {
        admin = Admin.create(base.config().kafka().clientProperties());
        console = new Console(base.config().console(), base.topics(), directory, admin, tokens, clock);
        tailer = new TopicTailer("console", base.clients().tailConsumer(base.clientId("console")),
                TimelineFeed.topicNames(base.topics()), console.feed()).start();
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "console");
            thread.setDaemon(true);
            return thread;
        });
        console.start(scheduler);
    }

    void routes(JavalinConfig javalin) {
        ConsoleRoutes.register(javalin, console);
    }

    /** Stops pushing to the pages: first thing on close, as a push after the HTTP server stopped cannot be delivered. */
    void stopPushing() {
        scheduler.shutdownNow();
    }

    /** Stops pushing and reading; the admin client is closed even when the wait for the tailer is interrupted. */
    @Override
    public void close() {
        stopPushing();
        try {
            tailer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            admin.close(Duration.ofSeconds(10));
        }
    }
}
