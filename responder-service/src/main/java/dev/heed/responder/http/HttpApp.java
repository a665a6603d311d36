package dev.heed.responder.http;

import dev.heed.events.UpdateAction;
import dev.heed.runtime.http.OpsRoutes;
import dev.heed.runtime.http.ProblemRoutes;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The responder's HTTP face: the acknowledge and update APIs, health and metrics (beside it, or on an operations port of
 * their own, see {@link OpsRoutes#serve}), and whatever else is added (the operator console). Every error is a
 * problem+json document, unknown paths included.
 */
public final class HttpApp {
    private HttpApp() {}

    /**
     * The acknowledge API and {@code more}, with health and metrics only when {@code ops} is given (without
     * them, they are served on a port of their own).
     */
    public static Javalin create(AckEndpoint ack, Optional<OpsRoutes> ops, Consumer<JavalinConfig> more) {
        return create(ack, Optional.empty(), ops, more);
    }

    /** The same, with the update, resolution and reopening APIs when {@code updates} is given. */
    public static Javalin create(AckEndpoint ack, Optional<UpdateEndpoint> updates, Optional<OpsRoutes> ops, Consumer<JavalinConfig> more) {
        return create(ack, updates, Optional.empty(), ops, more);
    }

    /** The same, with the known-problem API (link, unlink, resolve) when {@code problems} is given. */
    public static Javalin create(AckEndpoint ack, Optional<UpdateEndpoint> updates, Optional<ProblemEndpoint> problems,
            Optional<OpsRoutes> ops, Consumer<JavalinConfig> more) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            more.accept(config);
            config.routes.post(AckEndpoint.PATH, ack::handle);
            updates.ifPresent(u -> {
                config.routes.post(UpdateEndpoint.PATH, u::handle);
                config.routes.post(UpdateEndpoint.RESOLUTION_PATH, u.as(UpdateAction.RESOLVE));
                config.routes.post(UpdateEndpoint.REOPENINGS_PATH, u.as(UpdateAction.REOPEN));
                config.routes.post(UpdateEndpoint.WAIT_ON_CUSTOMER_PATH, u.as(UpdateAction.WAIT_ON_CUSTOMER));
                config.routes.post(UpdateEndpoint.WAIT_ON_THIRD_PARTY_PATH, u.as(UpdateAction.WAIT_ON_THIRD_PARTY));
                config.routes.post(UpdateEndpoint.RESUMPTION_PATH, u.as(UpdateAction.RESUME));
            });
            problems.ifPresent(p -> {
                config.routes.post(ProblemEndpoint.LINKS_PATH, p::link);
                config.routes.delete(ProblemEndpoint.LINK_PATH, p::unlink);
                config.routes.post(ProblemEndpoint.RESOLVE_PATH, p::resolve);
            });
            ops.ifPresent(o -> o.register(config));
            ProblemRoutes.register(config);
        });
    }
}
