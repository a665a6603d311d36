package dev.heed.routing.topology.processor;

import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Counts acknowledgements that found no running clock, as a Streams metric per task
 * ({@code heed-routing / acks-without-clock-total}), so the Streams metrics binder exports it with the rest; and, under
 * another name, other things the clock skips on purpose ({@link #FIXES_SKIPPED}).
 */
public final class AckCounter implements AutoCloseable {

    public static final String GROUP = "heed-routing";
    public static final String NAME = "acks-without-clock-total";
    /** Problem fixes not sent: their complaint was resolved already, or routing does not hold it. */
    public static final String FIXES_SKIPPED = "problem-fixes-skipped-total";

    private final ProcessorContext<?, ?> context;
    private final Sensor sensor;

    private AckCounter(ProcessorContext<?, ?> context, Sensor sensor) {
        this.context = context;
        this.sensor = sensor;
    }

    static AckCounter register(ProcessorContext<?, ?> context) {
        return register(context, NAME, "Acknowledgements that found no running clock (early, unknown or repeated)");
    }

    /** A counter per task named {@code name} in the {@value #GROUP} group. */
    static AckCounter register(ProcessorContext<?, ?> context, String name, String description) {
        String task = context.taskId().toString();
        Sensor sensor = context.metrics().addSensor("heed." + name + "." + task, Sensor.RecordingLevel.INFO);
        sensor.add(new MetricName(name, GROUP, description, Map.of("task-id", task)), new CumulativeCount());
        return new AckCounter(context, sensor);
    }

    void increment() {
        sensor.record();
    }

    @Override
    public void close() {
        context.metrics().removeSensor(sensor);
    }
}
