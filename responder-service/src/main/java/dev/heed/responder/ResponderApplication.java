package dev.heed.responder;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.events.DeliveryChannel;
import dev.heed.responder.ack.Acknowledger;
import dev.heed.responder.ack.ComplaintDirectory;
import dev.heed.schemas.auth.TokenStore;
import dev.heed.responder.console.Console;
import dev.heed.responder.console.ConsoleRoutes;
import dev.heed.responder.console.TimelineFeed;
import dev.heed.responder.delivery.DeliveryMetrics;
import dev.heed.responder.delivery.Dispatcher;
import dev.heed.responder.delivery.EmailTransport;
import dev.heed.responder.delivery.RetryingSender;
import dev.heed.responder.delivery.SentLog;
import dev.heed.responder.delivery.Sleeper;
import dev.heed.responder.delivery.Transport;
import dev.heed.responder.delivery.WebhookTransport;
import dev.heed.responder.http.AckEndpoint;
import dev.heed.responder.http.HttpApp;
import dev.heed.responder.input.InputDecoder;
import dev.heed.responder.kafka.KafkaAckWriter;
import dev.heed.responder.kafka.KafkaClients;
import dev.heed.responder.kafka.OutcomeRecorder;
import dev.heed.responder.kafka.RecordProcessor;
import dev.heed.responder.kafka.ResponderLoop;
import dev.heed.responder.kafka.TopicTailer;
import dev.heed.responder.kafka.Views;
import dev.heed.responder.notify.AgentNotifications;
import dev.heed.responder.reply.CustomerReplies;
import dev.heed.responder.respond.Responses;
import dev.heed.responder.reply.ReplyRouting;
import dev.heed.responder.reply.ReplyTemplate;
import dev.heed.responder.reply.TemplateLibrary;
import dev.heed.responder.reply.TimeFormat;
import dev.heed.schemas.registry.HttpSchemaRegistryClient;
import dev.heed.schemas.topics.HeedTopics;
import dev.heed.schemas.topics.TopicCreator;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Reads the configuration, wires the responder and starts it: the views (sent log, complaint directory),
 * the consumer loop, the operator console and the HTTP app. Holds no business rule. {@link #close()} stops it cleanly;
 * {@link #main} runs it until the JVM is told to stop, and exits non-zero when the consumer fails.
 */
public final class ResponderApplication implements AutoCloseable {
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(120);

    private final KafkaProducer<byte[], byte[]> producer;
    private final TopicTailer sentTailer;
    private final TopicTailer directoryTailer;
    private final TopicTailer consoleTailer;
    private final Admin consoleAdmin;
    private final ScheduledExecutorService consoleScheduler;
    private final ResponderLoop loop;
    private final Thread loopThread;
    private final Javalin http;
    private final Javalin opsHttp;

    private ResponderApplication(ResponderConfig config, Clock clock, Sleeper sleeper, UnaryOperator<Transport> decorate) {
        ObjectMapper json = new ObjectMapper();
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        DeliveryMetrics metrics = new DeliveryMetrics(meters);
        HeedTopics topics = HeedTopics.create(new HttpSchemaRegistryClient(config.registryUrl()), true,
                config.partitions(), config.topicSuffix());
        KafkaClients clients = new KafkaClients(config.kafka());
        try (Admin admin = Admin.create(config.kafka())) {
            TopicCreator.createMissing(admin, topics.all(), config.replicationFactor(), WRITE_TIMEOUT);
        }
        producer = clients.producer(config.groupId() + "-producer");
        new KafkaClientMetrics(producer).bindTo(meters);

        SentLog sentLog = new SentLog(clock, config.sentLogHorizon());
        sentTailer = new TopicTailer("sent", clients.tailConsumer(config.groupId() + "-sent-log"),
                Views.sentLogTopics(topics), Views.sentLog(topics, sentLog), sentLog::since).start();
        ComplaintDirectory directory = new ComplaintDirectory();
        directoryTailer = new TopicTailer("complaints", clients.tailConsumer(config.groupId() + "-directory"),
                Views.directoryTopics(topics), Views.directory(topics, directory)).start();

        TemplateLibrary templates = new TemplateLibrary(config.templateDir(), config.defaultLanguage());
        templates.requireDefaults(ReplyTemplate.allNames());
        templates.requireDefaults(List.of(AgentNotifications.ESCALATED_TEMPLATE, AgentNotifications.DUE_TEMPLATE));
        TimeFormat times = new TimeFormat(config.zone());
        OutcomeRecorder recorder = new OutcomeRecorder(producer, topics.responsesSent(), topics.responderDlq(), WRITE_TIMEOUT);
        RetryingSender sender = new RetryingSender(transports(config, clock, json, decorate), config.backoff(), sleeper, metrics);
        RecordProcessor processor = new RecordProcessor(new InputDecoder(topics), new Responses(
                new CustomerReplies(templates, new ReplyRouting(config.sources()), times),
                new AgentNotifications(templates, config.agentRoutes(), times, clock, config.publicUrl(), config.agentLanguage()),
                directory, new Dispatcher(sentLog, sender, recorder, metrics, clock), metrics, clock, config.escalationWait()), recorder);

        KafkaConsumer<byte[], byte[]> consumer = clients.groupConsumer(config.groupId(), config.groupId() + "-consumer");
        new KafkaClientMetrics(consumer).bindTo(meters);
        loop = new ResponderLoop(consumer, List.of(topics.feedbackClassified().name(), topics.complaintsEscalated().name(),
                topics.responseDue().name()), processor, () -> await(sentTailer), Duration.ofMillis(200));
        loopThread = new Thread(loop, "responder-loop");

        Acknowledger acknowledger = new Acknowledger(directory, new KafkaAckWriter(producer, topics.complaintsAcknowledged(), WRITE_TIMEOUT), clock);
        TokenStore tokens = TokenStore.parse(config.ackTokens());
        AckEndpoint ack = new AckEndpoint(acknowledger, tokens, json, clock);
        consoleAdmin = Admin.create(config.kafka());
        Console console = new Console(config.console(), topics, directory, consoleAdmin, tokens, clock);
        consoleTailer = new TopicTailer("console", clients.tailConsumer(config.groupId() + "-console"),
                TimelineFeed.topicNames(topics), console.feed()).start();
        consoleScheduler = Executors.newSingleThreadScheduledExecutor(daemon("console"));
        console.start(consoleScheduler);
        var directoryReady = directoryTailer.caughtUp();
        HttpApp.Ops ops = new HttpApp.Ops(meters, () -> loop.failure() == null,
                () -> loop.ready() && directoryReady.isDone() && !directoryReady.isCompletedExceptionally());
        // With an operations port, health and metrics are served there only, not beside the public API.
        http = HttpApp.create(ack, config.opsPort().isPresent() ? Optional.empty() : Optional.of(ops), json,
                javalin -> ConsoleRoutes.register(javalin, console));
        opsHttp = config.opsPort().isPresent() ? HttpApp.ops(ops, json) : null;
    }

    /**
     * Starts a responder. Tests pass a fixed clock, a sleeper that does not wait, and a decorator that wraps
     * each transport (to count or to fail deliveries); production passes the system clock, real sleeps and
     * the identity.
     */
    public static ResponderApplication start(ResponderConfig config, Clock clock, Sleeper sleeper, UnaryOperator<Transport> decorate) {
        ResponderApplication app = new ResponderApplication(config, clock, sleeper, decorate);
        app.loopThread.start();
        app.http.start(config.host(), config.port());
        if (app.opsHttp != null) {
            try {
                app.opsHttp.start(config.host(), config.opsPort().getAsInt());
            } catch (RuntimeException e) {
                app.close(); // the ops port is taken, say: stop what already runs rather than half-start
                throw e;
            }
        }
        return app;
    }

    public static void main(String[] args) throws InterruptedException {
        ResponderApplication app = start(ResponderConfig.from(System.getenv()), Clock.systemUTC(), Sleeper.system(), t -> t);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "responder-shutdown"));
        app.loopThread.join();
        if (app.loop.failure() != null) {
            System.exit(1);
        }
    }

    /** The HTTP port actually bound (useful with port 0). */
    public int port() {
        return http.port();
    }

    /** Where health and metrics are served: the operations port when one is set, else {@link #port()}. */
    public int opsPort() {
        return opsHttp == null ? http.port() : opsHttp.port();
    }

    /** The error that stopped the consumer loop, or null. */
    public Throwable failure() {
        return loop.failure();
    }

    private static Map<DeliveryChannel, Transport> transports(ResponderConfig config, Clock clock, ObjectMapper json,
                                                              UnaryOperator<Transport> decorate) {
        Map<DeliveryChannel, Transport> transports = new EnumMap<>(DeliveryChannel.class);
        transports.put(DeliveryChannel.WEBHOOK, decorate.apply(new WebhookTransport(
                HttpClient.newBuilder().connectTimeout(config.webhookTimeout()).build(), json, clock, config.webhookTimeout())));
        if (config.smtp() != null) {
            transports.put(DeliveryChannel.EMAIL, decorate.apply(new EmailTransport(config.smtp(), clock)));
        }
        return transports;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void await(TopicTailer tailer) {
        try {
            tailer.caughtUp().get(CATCH_UP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading what was sent", e);
        } catch (Exception e) {
            // Without the sent log a send could repeat: better not to consume at all.
            throw new IllegalStateException("cannot read responses.sent before consuming: " + e, e);
        }
    }

    @Override
    public void close() {
        // The console stops pushing first: a push to a page after the HTTP server stopped cannot be delivered.
        consoleScheduler.shutdownNow();
        http.stop();
        if (opsHttp != null) {
            opsHttp.stop();
        }
        loop.stop();
        try {
            loopThread.join(Duration.ofSeconds(30).toMillis());
            sentTailer.close();
            directoryTailer.close();
            consoleTailer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consoleAdmin.close(Duration.ofSeconds(10));
        producer.close(Duration.ofSeconds(10));
    }
}
