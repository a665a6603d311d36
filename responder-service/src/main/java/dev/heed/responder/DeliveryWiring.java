package dev.heed.responder;

import dev.heed.events.DeliveryChannel;
import dev.heed.responder.ack.ComplaintDirectory;
import dev.heed.responder.delivery.DeliveryMetrics;
import dev.heed.responder.delivery.Dispatcher;
import dev.heed.responder.delivery.EmailTransport;
import dev.heed.responder.delivery.PerHostLimit;
import dev.heed.responder.delivery.RetryingSender;
import dev.heed.responder.delivery.SentLog;
import dev.heed.responder.delivery.Sleeper;
import dev.heed.responder.delivery.Transport;
import dev.heed.responder.delivery.WebhookTransport;
import dev.heed.responder.kafka.OutcomeRecorder;
import dev.heed.responder.kafka.TopicTailer;
import dev.heed.responder.kafka.Views;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Delivery: the transports (webhook, and e-mail when SMTP is set), retries, the sent log rebuilt from
 * responses.sent (which also tells the complaint directory the language each complaint's customer was answered in),
 * and the dispatcher that sends each message once and records its outcome.
 */
final class DeliveryWiring implements AutoCloseable {
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(120);

    private final DeliveryMetrics metrics;
    private final OutcomeRecorder recorder;
    private final Dispatcher dispatcher;
    private final TopicTailer sentTailer;
    private final EmailTransport email;

    DeliveryWiring(ResponderBase base, Clock clock, Sleeper sleeper, UnaryOperator<Transport> decorate, ComplaintDirectory directory) {
        ResponderConfig config = base.config();
        metrics = new DeliveryMetrics(base.meters());
        SentLog sentLog = new SentLog(clock, config.sentLogHorizon());
        sentTailer = new TopicTailer("sent", base.clients().tailConsumer(base.clientId("sent-log")),
                Views.sentLogTopics(base.topics()), Views.sentLog(base.topics(), sentLog, directory), sentLog::since).start();
        recorder = new OutcomeRecorder(base.producer(), base.topics().responsesSent(), base.topics().responderDlq(),
                ResponderBase.WRITE_TIMEOUT);
        email = config.smtp() == null ? null : new EmailTransport(config.smtp(), config.concurrency().smtpConnections(), clock);
        RetryingSender sender = new RetryingSender(transports(base, clock, decorate), config.backoff(), sleeper, metrics);
        dispatcher = new Dispatcher(sentLog, sender, recorder, metrics, clock);
    }

    DeliveryMetrics metrics() {
        return metrics;
    }

    OutcomeRecorder recorder() {
        return recorder;
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    /** Waits until the sent log has read responses.sent to its current end, or throws. */
    void awaitSentLog() {
        try {
            sentTailer.caughtUp().get(CATCH_UP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading what was sent", e);
        } catch (Exception e) {
            // Without the sent log a send could repeat: better not to consume at all.
            throw new IllegalStateException("cannot read responses.sent before consuming: " + e, e);
        }
    }

    /** The e-mail transport bounds itself by its connections; webhooks are bounded per receiving host. */
    private Map<DeliveryChannel, Transport> transports(ResponderBase base, Clock clock, UnaryOperator<Transport> decorate) {
        ResponderConfig config = base.config();
        Map<DeliveryChannel, Transport> transports = new EnumMap<>(DeliveryChannel.class);
        transports.put(DeliveryChannel.WEBHOOK, new PerHostLimit(decorate.apply(new WebhookTransport(
                HttpClient.newBuilder().connectTimeout(config.webhookTimeout()).build(), base.json(), clock, config.webhookTimeout())),
                config.concurrency().perWebhookHost()));
        if (email != null) {
            transports.put(DeliveryChannel.EMAIL, decorate.apply(email));
        }
        return transports;
    }

    @Override
    public void close() throws InterruptedException {
        sentTailer.close();
        if (email != null) {
            email.close();
        }
    }
}
