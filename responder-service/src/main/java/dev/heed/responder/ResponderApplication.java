package dev.heed.responder;

import dev.heed.responder.delivery.Sleeper;
import dev.heed.responder.delivery.Transport;
import dev.heed.responder.http.HttpApp;
import dev.heed.runtime.catalog.Services;
import dev.heed.runtime.http.Health;
import dev.heed.runtime.http.OpsRoutes;
import dev.heed.runtime.launch.RunningService;
import dev.heed.runtime.launch.ServiceLauncher;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * Reads the configuration and starts the responder from its features, each wired from the configuration by
 * its own class: the shared clients ({@link ResponderBase}), the complaint directory, delivery, replies and
 * notifications with the consumer loop, acknowledgements, the operator console, and the HTTP app that serves
 * them. Holds no business rule. {@link #close()} stops it cleanly; {@link #main} runs it until the JVM is told
 * to stop, and exits non-zero when the consumer fails.
 */
public final class ResponderApplication implements RunningService {
    private final ResponderBase base;
    private final DirectoryWiring directory;
    private final DeliveryWiring delivery;
    private final RepliesWiring replies;
    private final ConsoleWiring console;
    private final OpsRoutes ops;
    private final Javalin http;
    private Javalin opsHttp;

    private ResponderApplication(ResponderConfig config, Clock clock, Sleeper sleeper, UnaryOperator<Transport> decorate) {
        base = ResponderBase.open(config);
        directory = new DirectoryWiring(base);
        delivery = new DeliveryWiring(base, clock, sleeper, decorate, directory.directory());
        replies = new RepliesWiring(base, clock, directory.directory(), delivery);
        AcknowledgementsWiring acknowledgements = new AcknowledgementsWiring(base, clock, directory.directory());
        console = new ConsoleWiring(base, clock, directory.directory(), acknowledgements.tokens());
        ops = new OpsRoutes(() -> Health.of(replies.failure() == null), () -> Health.of(replies.ready() && directory.ready()),
                base.meters());
        // With an operations port, health and metrics are served there only, not beside the public API.
        http = HttpApp.create(acknowledgements.endpoint(), Optional.of(acknowledgements.updates()), Optional.of(acknowledgements.problems()),
                config.opsPort().isPresent() ? Optional.empty() : Optional.of(ops),
                console::routes);
    }

    /**
     * Starts a responder. Tests pass a fixed clock, a sleeper that does not wait, and a decorator that wraps
     * each transport (to count or to fail deliveries); production passes the system clock, real sleeps and
     * the identity.
     */
    public static ResponderApplication start(ResponderConfig config, Clock clock, Sleeper sleeper, UnaryOperator<Transport> decorate) {
        ResponderApplication app = new ResponderApplication(config, clock, sleeper, decorate);
        app.replies.start();
        app.http.start(config.host(), config.port());
        if (config.opsPort().isPresent()) {
            try {
                app.opsHttp = app.ops.serve(config.host(), config.opsPort().getAsInt());
            } catch (RuntimeException e) {
                app.close(); // the ops port is taken, say: stop what already runs rather than half-start
                throw e;
            }
        }
        return app;
    }

    public static void main(String[] args) {
        ServiceLauncher.launch(Services.RESPONDER.name(),
                settings -> start(ResponderConfig.from(settings), Clock.systemUTC(), Sleeper.system(), t -> t));
    }

    /** The HTTP port actually bound (useful with port 0). */
    public int port() {
        return http.port();
    }

    /** Where health and metrics are served: the operations port when one is set, else {@link #port()}. */
    public int opsPort() {
        return opsHttp == null ? http.port() : opsHttp.port();
    }

    /** Completes with the error that stopped the consumer loop, if one does. */
    @Override
    public CompletableFuture<Throwable> failure() {
        return replies.failed();
    }

    @Override
    public void close() {
        // The console stops pushing first: a push to a page after the HTTP server stopped cannot be delivered.
        console.stopPushing();
        http.stop();
        if (opsHttp != null) {
            opsHttp.stop();
        }
        try {
            replies.stop();
            delivery.close();
            directory.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            console.close();
            base.close();
        }
    }
}
