package dev.heed.responder;

import dev.heed.responder.ack.ComplaintDirectory;
import dev.heed.responder.input.InputDecoder;
import dev.heed.responder.kafka.RecordProcessor;
import dev.heed.responder.kafka.ResponderLoop;
import dev.heed.responder.notify.AgentNotifications;
import dev.heed.responder.reply.CustomerReplies;
import dev.heed.responder.reply.CustomerUpdates;
import dev.heed.responder.reply.ReplyRouting;
import dev.heed.responder.reply.ReplyTemplate;
import dev.heed.responder.reply.TemplateLibrary;
import dev.heed.responder.reply.TimeFormat;
import dev.heed.responder.respond.Responses;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Customer replies and agent notifications: the templates, what each input sends, and the consumer loop
 * that reads feedback.classified, complaints.escalated, complaints.response-due and complaints.updated on its own
 * thread.
 */
final class RepliesWiring {
    /** The poll's wait when nothing is in flight, and how soon a record that had to wait is tried again. */
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    /** The poll's wait while work is in flight: how late, at most, a finished record lets the next one start. */
    private static final Duration BUSY_POLL = Duration.ofMillis(5);

    private final ResponderLoop loop;
    private final ExecutorService workers;
    private final Duration stopWithin;
    private final Thread thread;
    private final CompletableFuture<Throwable> failed = new CompletableFuture<>();

    RepliesWiring(ResponderBase base, Clock clock, ComplaintDirectory directory, DeliveryWiring delivery) {
        ResponderConfig config = base.config();
        TemplateLibrary templates = new TemplateLibrary(config.templateDir(), config.defaultLanguage());
        templates.requireDefaults(ReplyTemplate.allNames());
        templates.requireDefaults(CustomerUpdates.TEMPLATES);
        templates.requireDefaults(List.of(AgentNotifications.ESCALATED_TEMPLATE, AgentNotifications.DUE_TEMPLATE,
                AgentNotifications.PROMISE_TEMPLATE, AgentNotifications.RESOLUTION_TEMPLATE));
        TimeFormat times = new TimeFormat(config.zone());
        ReplyRouting routing = new ReplyRouting(config.sources());
        Responses responses = new Responses(new CustomerReplies(templates, routing, times),
                new CustomerUpdates(templates, routing, times, config.verdictQuestion()),
                new AgentNotifications(templates, config.agentRoutes(), times, clock, config.publicUrl(), config.agentLanguage()),
                directory, delivery.dispatcher(), delivery.metrics(), clock, config.escalationWait());
        RecordProcessor processor = new RecordProcessor(new InputDecoder(base.topics()), responses, delivery.recorder());

        KafkaConsumer<byte[], byte[]> consumer = base.clients().groupConsumer(config.groupId(), base.clientId("consumer"));
        new KafkaClientMetrics(consumer).bindTo(base.meters());
        ResponderConfig.Concurrency concurrency = config.concurrency();
        workers = Executors.newFixedThreadPool(concurrency.sends(), new ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable task) {
                return new Thread(task, "responder-send-" + count.incrementAndGet());
            }
        });
        stopWithin = concurrency.revokeWait().plus(Duration.ofSeconds(10));
        loop = new ResponderLoop(consumer, List.of(base.topics().feedbackClassified().name(),
                base.topics().complaintsEscalated().name(), base.topics().responseDue().name(),
                base.topics().complaintsUpdated().name()),
                processor, delivery::awaitSentLog, workers, clock, new ResponderLoop.Limits(concurrency.sends(),
                concurrency.maxPending(), concurrency.revokeWait(), POLL_TIMEOUT, BUSY_POLL, POLL_TIMEOUT));
        thread = new Thread(() -> {
            loop.run();
            if (loop.failure() != null) {
                failed.complete(loop.failure());
            }
        }, "responder-loop");
    }

    void start() {
        thread.start();
    }

    boolean ready() {
        return loop.ready();
    }

    /** The error that stopped the consumer loop, or null. */
    Throwable failure() {
        return loop.failure();
    }

    /** Completes with the error that stopped the consumer loop, if one does; a stop when told to leaves it pending. */
    CompletableFuture<Throwable> failed() {
        return failed;
    }

    /** Stops the loop and waits (a bounded time) for its started records to finish. */
    void stop() throws InterruptedException {
        loop.stop();
        thread.join(stopWithin.toMillis());
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
    }
}
