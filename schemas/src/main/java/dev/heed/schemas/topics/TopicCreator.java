package dev.heed.schemas.topics;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics that do not exist yet; existing topics are left as they are (their partition count is
 * never changed behind an operator's back, since that would move keys between partitions).
 */
public final class TopicCreator {
    private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);

    private TopicCreator() {}

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

    private static NewTopic newTopic(TopicSpec spec, short replicationFactor) {
        var configs = new java.util.HashMap<>(spec.allConfigs());
        if (replicationFactor >= 3) {
            configs.putIfAbsent("min.insync.replicas", "2");
        }
        return new NewTopic(spec.name(), spec.partitions(), replicationFactor).configs(configs);
    }
}
