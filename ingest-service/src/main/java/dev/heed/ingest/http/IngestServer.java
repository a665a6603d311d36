package dev.heed.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.ingest.IngestConfig;
import dev.heed.ingest.auth.FailedAuthLimiter;
import dev.heed.ingest.auth.RateLimiter;
import dev.heed.ingest.feedback.CloudEventReader;
import dev.heed.ingest.feedback.FeedbackParser;
import dev.heed.ingest.intake.FeedbackIntake;
import dev.heed.ingest.intake.VerdictIntake;
import dev.heed.ingest.problem.Problems;
import dev.heed.runtime.http.Health;
import dev.heed.runtime.http.OpsRoutes;
import io.javalin.Javalin;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front door: routes, the API-key filter, bodies read before the routes run, problem answers for
 * every failure, metrics, health (optionally on their own port), the OpenAPI document and optional TLS. Holds no business rule: it decodes, hands over to
 * {@link FeedbackIntake} and writes what comes back.
 */
public final class IngestServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestServer.class);

    // After the grace, how long the answers to abandoned requests may take to be written before Jetty stops.
    private static final Duration LAST_ANSWERS = Duration.ofSeconds(5);

    private final Javalin app;
    private final List<HandlerMetaInfo> routes;
    private final ExecutorService answering;
    private final DrainingHandler draining;
    private final UploadGate gate;
    private final InFlightAnswers inFlight;
    private final Duration grace;

    private IngestServer(Javalin app, List<HandlerMetaInfo> routes, ExecutorService answering, DrainingHandler draining,
                         UploadGate gate, InFlightAnswers inFlight, IngestConfig config) {
        this.app = app;
        this.routes = routes;
        this.answering = answering;
        this.draining = draining;
        this.gate = gate;
        this.inFlight = inFlight;
        this.grace = config.shutdownGrace();
    }

    /** Builds and starts the server on the configured host and ports (0 picks a free port). */
    public static IngestServer start(IngestConfig config, FeedbackIntake intake, VerdictIntake verdicts, BooleanSupplier ready,
                                     PrometheusMeterRegistry meters, ObjectMapper json, Clock clock) {
        var routes = new CopyOnWriteArrayList<HandlerMetaInfo>();
        var responses = new Responses(json);
        var parser = new FeedbackParser(clock, Duration.ofMinutes(5));
        var decoder = new RequestDecoder(json, parser, new CloudEventReader(parser, json), config.limits().maxBatchItems());
        ExecutorService answering = answeringPool();
        var inFlight = new InFlightAnswers();
        Gauge.builder("heed.ingest.requests.waiting", inFlight, InFlightAnswers::waiting)
                .description("Write requests waiting for Kafka's acknowledgement").register(meters);
        var feedback = new FeedbackRoutes(decoder, intake, responses, config.limits().maxBodyBytes(), config.limits().maxBatchBytes(),
                answering, inFlight);
        var verdictRoutes = new VerdictRoutes(verdicts, responses, json, answering, inFlight);
        var ops = new OpsRoutes(() -> Health.of(true), () -> Health.of(ready.getAsBoolean()), meters);
        var limits = config.limits();
        var failures = config.authFailures();
        var auth = new Authenticator(config.apiKeys(), new RateLimiter(limits.ratePerSecond(), limits.rateBurst(), clock),
                new FailedAuthLimiter(failures.max(), failures.window(), failures.maxAddresses(), clock));
        byte[] openApi = OpenApiDocument.render(json, limits.maxBatchItems(), limits.maxBodyBytes());
        var draining = new DrainingHandler(Problems.shuttingDown(config.retryAfter()), responses);
        var gate = uploadGate(config, meters);
        var errors = new ProblemErrorHandler(responses);

        Javalin app = Javalin.create(cfg -> {
            cfg.events.handlerAdded(routes::add);
            cfg.jsonMapper(new JavalinJackson(json, false));
            // Javalin applies this cap when a body is read through the Context; the write routes read theirs
            // themselves against the per-route limits (FeedbackRoutes.body), so it only guards any other reader.
            cfg.http.maxRequestSize = Math.max(limits.maxBatchBytes(), limits.maxBodyBytes());
            // Longer than any Kafka wait, so the producer's own bound decides, and answers with 503.
            cfg.http.asyncTimeout = 3 * config.kafkaTimeout().toMillis();
            cfg.startup.showJavalinBanner = false;
            Listeners.configure(cfg, config);
            // Javalin attaches its servlet context inside the innermost of these wrappers, so each one sees every
            // request, outermost first: the stop's refusal, the port split, the body reads.
            cfg.jetty.modifyServer(server -> {
                server.insertHandler(gate);
                if (config.opsPort().isPresent()) {
                    server.insertHandler(new OpsPortSplit());
                }
                server.insertHandler(draining);
                server.setErrorHandler(errors);
                server.setStopTimeout(LAST_ANSWERS.toMillis());
            });
            cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(errors));
            cfg.requestLogger.http(new HttpMetrics(meters));
            // Before-matched: a path or method no route serves is 404 or 405 whatever its key.
            cfg.routes.beforeMatched("/v1/*", UploadGate::answerRefusal);
            // A verdict's permission is its link's signature, checked by its route: no API key.
            cfg.routes.beforeMatched("/v1/*", ctx -> {
                if (!VerdictRoutes.isVerdictPath(ctx.path())) {
                    auth.handle(ctx);
                }
            });
            cfg.routes.post(FeedbackRoutes.SINGLE, feedback::single);
            cfg.routes.post(FeedbackRoutes.BATCH, feedback::batch);
            cfg.routes.get(VerdictRoutes.PATH, verdictRoutes::form);
            cfg.routes.post(VerdictRoutes.PATH, verdictRoutes::answer);
            cfg.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            ops.register(cfg);
            new ErrorRoutes(responses, new AllowedMethods(routes)).register(cfg);
        }).start();
        LOG.atInfo().addKeyValue("port", app.port()).addKeyValue("tls", config.tls().isPresent())
                .addKeyValue("opsPort", opsPort(app).stream().boxed().findFirst().orElse(null)).log("ingest-service listening");
        return new IngestServer(app, routes, answering, draining, gate, inFlight, config);
    }

    private static UploadGate uploadGate(IngestConfig config, PrometheusMeterRegistry meters) {
        var slots = new UploadSlots(config.uploads().maxPerKey(), config.uploads().maxTotal());
        Gauge.builder("heed.ingest.uploads.in.progress", slots, UploadSlots::inProgress)
                .description("Request bodies still on their way (those that arrived with their headers never count)").register(meters);
        return new UploadGate(config.apiKeys(), slots, config);
    }

    private static ExecutorService answeringPool() {
        var counter = new AtomicInteger();
        return Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), runnable -> {
            Thread thread = new Thread(runnable, "ingest-answer-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** How many ports Jetty listens on: one, whether plain HTTP or TLS, and the operations port when set. */
    int connectorCount() {
        return app.jettyServer().server().getConnectors().length;
    }

    /** Where each port listens, by name ({@code api}, {@code ops}), as host:port. */
    public Map<String, String> listeners() {
        var listening = new LinkedHashMap<String, String>();
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            var server = (ServerConnector) connector;
            listening.put(server.getName(), server.getHost() + ":" + server.getLocalPort());
        }
        return listening;
    }

    public int port() {
        return app.port();
    }

    /** The operations port, when {@code HEED_INGEST_OPS_PORT} is set. */
    public OptionalInt opsPort() {
        return opsPort(app);
    }

    private static OptionalInt opsPort(Javalin app) {
        return Arrays.stream(app.jettyServer().server().getConnectors())
                .filter(connector -> Listeners.OPS.equals(connector.getName()))
                .mapToInt(connector -> ((ServerConnector) connector).getLocalPort())
                .findFirst();
    }

    /** The routes Javalin registered, as method and path; what the OpenAPI document must describe. */
    public List<HandlerMetaInfo> routes() {
        return List.copyOf(routes);
    }

    /**
     * Stops taking requests (those that still arrive get a 503 problem) and lets those in flight finish, for up
     * to {@code HEED_INGEST_SHUTDOWN_GRACE}. Requests still waiting for Kafka or for the rest of their body after
     * that are answered with the same 503 (and nothing of a body cut short is written), so their clients retry
     * with the same event id; the answering threads run until then.
     */
    @Override
    public void close() {
        CompletableFuture<Void> drained = draining.shutdown();
        try {
            if (!waitFor(drained, grace)) {
                int abandoned = inFlight.abandon(draining.refusal());
                int uploads = gate.abandon(draining.refusal());
                LOG.atWarn().addKeyValue("requests", abandoned).addKeyValue("uploads", uploads).addKeyValue("grace", grace)
                        .log("requests still waited for Kafka or for their bodies when the shutdown grace ran out; they were answered 503");
                waitFor(drained, LAST_ANSWERS);
            }
            app.stop();
        } finally {
            answering.shutdown();
        }
    }

    private static boolean waitFor(CompletableFuture<Void> drained, Duration bound) {
        try {
            drained.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            // Not expected from Jetty's count of requests; the stop goes on, and what is in flight is abandoned.
            LOG.atWarn().setCause(e.getCause()).log("waiting for the requests in flight failed");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
