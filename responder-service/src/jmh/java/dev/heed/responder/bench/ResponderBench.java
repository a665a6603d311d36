package dev.heed.responder.bench;

import static org.awaitility.Awaitility.await;

import dev.heed.events.Classification;
import dev.heed.events.DeliveryChannel;
import dev.heed.events.DeliveryOutcome;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.Intent;
import dev.heed.events.ResponseSent;
import dev.heed.events.Sentiment;
import dev.heed.localstack.LocalStack;
import dev.heed.localstack.Stack;
import dev.heed.responder.ResponderApplication;
import dev.heed.responder.ResponderConfig;
import dev.heed.responder.delivery.Sleeper;
import dev.heed.runtime.kafka.TopicEnsure;
import dev.heed.schemas.SampleEvents;
import dev.heed.schemas.registry.HttpSchemaRegistryClient;
import dev.heed.schemas.topics.HeedTopics;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Customer replies per second through the whole responder: a burst of classified feedback is written to
 * feedback.classified first, then a responder starts and answers it, half by e-mail to a GreenMail SMTP sink and
 * half by webhook to a local receiver, each receiver taking {@code bench.latencyMs} (50) per message. The rate
 * is taken from the first to the last outcome on responses.sent (so start-up and the group join do not count),
 * for a baseline run with one send at a time and the measured run with the bench's concurrency, in the same
 * process against the same in-process broker and registry. Not a JMH benchmark: the bench profile runs it as a
 * plain main. Options (system properties of the forked JVM): {@code bench.messages} (5000),
 * {@code bench.baseline} (100), {@code bench.warmup} (3000), {@code bench.latencyMs}, {@code bench.concurrency}
 * (128), {@code bench.perHost} (64), {@code bench.smtpConnections} (64).
 */
public final class ResponderBench {
    private ResponderBench() {}

    /** How much one run may do at once. */
    record Settings(int concurrency, int perHost, int smtpConnections) {}

    /** What one run measured. */
    record Run(int messages, Duration span, Map<DeliveryChannel, Integer> byChannel, Duration cpu, Duration wall) {
        double perSecond() {
            return (messages - 1) / (span.toNanos() / 1e9);
        }

        /** The whole process's CPU (responder, broker, receivers, proxy, JIT, GC) per reply while it answered. */
        double cpuMillisPerReply() {
            return cpu.toNanos() / 1e6 / messages;
        }

        double coresUsed() {
            return (double) cpu.toNanos() / wall.toNanos();
        }
    }

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("bench.messages", 5000);
        int baseline = Integer.getInteger("bench.baseline", 100);
        // Shorter warm-ups left the JIT compiling through the measured run (a third of the CPU in one profile).
        int warmup = Integer.getInteger("bench.warmup", 3000);
        Duration latency = Duration.ofMillis(Long.getLong("bench.latencyMs", 50));
        Settings measured = new Settings(Integer.getInteger("bench.concurrency", 128), Integer.getInteger("bench.perHost", 64),
                Integer.getInteger("bench.smtpConnections", 64));
        try (Stack stack = LocalStack.startInProcess(1, LocalStack.DEFAULT_COMPATIBILITY);
             SlowReceivers receivers = new SlowReceivers(latency)) {
            System.out.printf("responder bench: %d replies, half e-mail and half webhook, %d ms per message at each receiver%n",
                    messages, latency.toMillis());
            Run warm = run(stack, receivers, warmup, measured);
            System.out.printf("warm-up: %,.0f replies/s (%d)%n", warm.perSecond(), warmup);
            Run one = run(stack, receivers, baseline, new Settings(1, 1, 1));
            report("baseline, one send at a time", one);
            Run many = run(stack, receivers, messages, measured);
            report("HEED_SEND_CONCURRENCY=" + measured.concurrency() + ", HEED_WEBHOOK_CONCURRENCY_PER_HOST=" + measured.perHost()
                    + ", HEED_SMTP_CONNECTIONS=" + measured.smtpConnections(), many);
            System.out.printf("RESULT replies/s %,.0f (goal >= 500); ratio to one at a time %.1f; load average %.1f on %d cores%n",
                    many.perSecond(), many.perSecond() / one.perSecond(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static void report(String what, Run run) {
        System.out.printf("%s: %,d replies in %.2f s = %,.1f replies/s %s; process CPU %.2f ms per reply, %.2f cores%n", what,
                run.messages(), run.span().toNanos() / 1e9, run.perSecond(), run.byChannel(), run.cpuMillisPerReply(), run.coresUsed());
    }

    /** Writes {@code messages} feedbacks on fresh topics, starts a responder on them, and times its outcomes. */
    private static Run run(Stack stack, SlowReceivers receivers, int messages, Settings settings) throws Exception {
        String suffix = "." + stack.uniqueName("bench");
        HeedTopics topics = HeedTopics.create(new HttpSchemaRegistryClient(stack.registryUrl()), true, 6, suffix);
        TopicEnsure.createMissing(stack.admin(), topics.all(), (short) 1, Duration.ofSeconds(30));
        awaitLeaders(stack, topics.feedbackClassified().name());
        write(stack, topics, messages);
        Map<String, String> env = new HashMap<>();
        env.put("HEED_KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
        env.put("HEED_REGISTRY_URL", stack.registryUrl());
        env.put("HEED_TOPIC_SUFFIX", suffix);
        env.put("HEED_TOPIC_PARTITIONS", "6");
        env.put("HEED_RESPONDER_GROUP_ID", "responder" + suffix);
        env.put("HEED_RESPONDER_PORT", "0");
        env.put("HEED_RESPONDER_HOST", "127.0.0.1");
        env.put("HEED_SMTP_HOST", "127.0.0.1");
        env.put("HEED_SMTP_PORT", Integer.toString(receivers.smtpPort()));
        env.put("HEED_SOURCE_CHAT_WEBHOOK_URL", receivers.webhookUrl());
        env.put("HEED_SEND_CONCURRENCY", Integer.toString(settings.concurrency()));
        env.put("HEED_WEBHOOK_CONCURRENCY_PER_HOST", Integer.toString(settings.perHost()));
        env.put("HEED_SMTP_CONNECTIONS", Integer.toString(settings.smtpConnections()));
        try (ResponderApplication responder = ResponderApplication.start(ResponderConfig.from(env), Clock.systemUTC(),
                Sleeper.system(), t -> t)) {
            return outcomes(stack, topics, messages, responder);
        }
    }

    /** Waits until every partition of the topic has a leader, so the first writes do not meet a leader election. */
    private static void awaitLeaders(Stack stack, String topic) {
        await(topic + " has partitions without a leader").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> stack.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
    }

    /** Half the feedback gives an e-mail address (a reply by e-mail), half none but a source with a webhook. */
    private static void write(Stack stack, HeedTopics topics, int messages) {
        // Not idempotent: on topics this fresh, an idempotent producer was seen retrying OUT_OF_ORDER_SEQUENCE_NUMBER
        // forever after a NOT_LEADER_OR_FOLLOWER. A repeated input would only be skipped by the sent log.
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        try (KafkaProducer<String, FeedbackClassified> producer = new KafkaProducer<>(props, new StringSerializer(),
                topics.feedbackClassified().valueSerde().serializer())) {
            for (int i = 0; i < messages; i++) {
                String id = "fb-" + i;
                FeedbackClassified event = SampleEvents.classified(id);
                boolean email = i % 2 == 0;
                event.getFeedback().setSourceSystem(email ? "web-form" : "chat");
                // A few recipients, not one each: GreenMail finds a mailbox by a linear search of its users.
                event.getFeedback().getCustomer().setEmail(email ? "customer" + i % 20 + "@example.com" : null);
                Classification c = event.getClassification();
                c.setEscalate(false);
                c.setSentiment(Sentiment.POSITIVE);
                c.setIntents(List.of(Intent.PRAISE));
                producer.send(new ProducerRecord<>(topics.feedbackClassified().name(), id, event));
            }
            producer.flush();
        }
    }

    /** Reads responses.sent until every message has its outcome; the span runs from the first outcome to the last. */
    private static Run outcomes(Stack stack, HeedTopics topics, int messages, ResponderApplication responder) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.GROUP_ID_CONFIG, stack.uniqueName("bench-reader"));
        Set<String> ids = new HashSet<>();
        Map<DeliveryChannel, Integer> byChannel = new EnumMap<>(DeliveryChannel.class);
        Instant first = null;
        Instant last = null;
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(10));
        long cpuBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topics.responsesSent().name()));
            while (ids.size() < messages) {
                if (Instant.now().isAfter(giveUp) || responder.failure().isDone()) {
                    throw new IllegalStateException("only " + ids.size() + " of " + messages + " outcomes: " + responder.failure().getNow(null));
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    ResponseSent sent = topics.responsesSent().valueSerde().deserializer().deserialize(record.topic(), record.value());
                    if (sent.getOutcome() != DeliveryOutcome.SENT) {
                        throw new IllegalStateException("not sent: " + sent);
                    }
                    if (ids.add(sent.getMessageId())) {
                        byChannel.merge(sent.getChannel(), 1, Integer::sum);
                    }
                    first = first == null || sent.getSentAt().isBefore(first) ? sent.getSentAt() : first;
                    last = last == null || sent.getSentAt().isAfter(last) ? sent.getSentAt() : last;
                }
            }
        }
        return new Run(messages, Duration.between(first, last), byChannel, Duration.ofNanos(processCpuNanos() - cpuBefore),
                Duration.ofNanos(System.nanoTime() - wallBefore));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
