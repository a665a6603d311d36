package dev.heed.runtime.kafka;

import dev.heed.schemas.topics.TopicSpec;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a service's topics exist before it uses them, the same way in every service: with
 * {@code HEED_CREATE_TOPICS} (the default) the missing ones are created; existing topics are left as they are
 * (their partition count is never changed behind an operator's back, since that would move keys between
 * partitions). Without it, missing topics are named in a warning and nothing is created.
 */
public final class TopicEnsure {
    private static final Logger LOG = LoggerFactory.getLogger(TopicEnsure.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TopicEnsure() {}

    /**
     * Creates the missing topics of {@code specs} when {@code kafka.createTopics()}, else lists what is missing.
     *
     * @return the names of the topics this call created, or found missing without creating them
     */
    public static Set<String> ensure(KafkaSettings kafka, Collection<TopicSpec> specs) {
        var props = new HashMap<String, Object>(kafka.clientProperties());
        props.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "heed-topic-ensure");
        try (Admin admin = Admin.create(props)) {
            if (kafka.createTopics()) {
                return createMissing(admin, specs, kafka.replicationFactor(), TIMEOUT);
            }
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Set<String> missing = new java.util.TreeSet<>();
            specs.stream().map(TopicSpec::name).filter(name -> !existing.contains(name)).forEach(missing::add);
            if (!missing.isEmpty()) {
                LOG.warn("topics {} do not exist and HEED_CREATE_TOPICS=false: create them before this service uses them", missing);
            }
            return missing;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list topics: " + e, e);
        }
    }

    /**
     * @param replicationFactor 1 on a single local broker; 3 in production, where {@code min.insync.replicas=2}
     *                          is added so an acks=all write survives one broker loss
     * @return the names of the topics this call created
     */
    public static Set<String> createMissing(Admin admin, Collection<TopicSpec> specs, short replicationFactor, Duration timeout) {
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = specs.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(spec -> newTopic(spec, replicationFactor))
                    .toList();
            if (missing.isEmpty()) {
                return Set.of();
            }
            Map<String, KafkaFuture<Void>> results = admin.createTopics(missing).values();
            for (var entry : results.entrySet()) {
                awaitCreated(entry.getKey(), entry.getValue(), timeout);
            }
            awaitVisible(admin, missing, timeout);
            LOG.info("created topics {}", results.keySet());
            return results.keySet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list or create topics: " + e, e);
        }
    }

    private static void awaitCreated(String name, KafkaFuture<Void> future, Duration timeout)
            throws InterruptedException, TimeoutException, ExecutionException {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // Another instance starting at the same moment may have won the race: that is success.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            LOG.debug("topic {} was created concurrently", name);
        }
    }

    /**
     * Waits until every created topic is in the brokers' metadata with a leader for each partition. The controller has a
     * topic when createTopics returns, the brokers a moment later; a client that asks in between is told the topic has no
     * partitions, and Kafka Streams' global thread fails on that when it initialises a global store over a topic the
     * service has just created (routing's reply index, on its first start).
     */
    private static void awaitVisible(Admin admin, List<NewTopic> created, Duration timeout)
            throws InterruptedException, TimeoutException, ExecutionException {
        Map<String, Integer> partitions = new HashMap<>();
        created.forEach(topic -> partitions.put(topic.name(), topic.numPartitions()));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(partitions.keySet()).allTopicNames()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (described.values().stream().allMatch(d -> d.partitions().size() >= partitions.get(d.name())
                        && d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()))) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("topics " + partitions.keySet() + " not in the brokers' metadata " + timeout + " after their creation");
            }
            Thread.sleep(100);
        }
    }

    private static NewTopic newTopic(TopicSpec spec, short replicationFactor) {
        var configs = new HashMap<>(spec.allConfigs());
        if (replicationFactor >= 3) {
            configs.putIfAbsent("min.insync.replicas", "2");
        }
        return new NewTopic(spec.name(), spec.partitions(), replicationFactor).configs(configs);
    }
}
