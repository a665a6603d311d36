package dev.heed.routing.app;

import dev.heed.routing.deadletter.DeadLetterConfig;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings of the routing service, from its configuration. */
public final class StreamsProperties {

    private StreamsProperties() {
    }

    /** @param deadLetters the dead-letter topic's name (suffixed like every topic) */
    static Properties of(RoutingConfig config, String deadLetters, AtomicLong deadLettered) {
        Properties props = new Properties();
        props.putAll(config.kafka().clientProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        processing(props);
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.advertisedHost() + ":" + config.httpPort());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.standbyReplicas());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.kafka().replicationFactor());
        if (config.stateDir() != null) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir());
        }
        DeadLetterConfig.apply(props, deadLetters, deadLettered);
        return props;
    }

    /** How the topology processes, shared with the benchmark so it measures what runs. */
    public static void processing(Properties props) {
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // Never hold back a task to align feedback and acknowledgement timestamps: an acknowledgement that
        // overtakes its escalation is remembered anyway, and with the default (0) Streams formats a log
        // message for every processing decision while the acknowledgement partition is empty.
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
    }
}
