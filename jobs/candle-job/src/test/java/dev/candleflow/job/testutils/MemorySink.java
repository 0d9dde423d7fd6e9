package dev.candleflow.job.testutils;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink that keeps what it gets in this JVM under a name (the MiniCluster runs in the test's JVM
 * and the sink is serialized, hence the static registry). For job outputs a test reads back without
 * ClickHouse or Kafka.
 */
public final class MemorySink<T> implements Sink<T> {

    private static final Map<String, Queue<Object>> RECEIVED = new ConcurrentHashMap<>();

    private final String name;

    public MemorySink(String name) {
        this.name = name;
        RECEIVED.computeIfAbsent(name, id -> new ConcurrentLinkedQueue<>());
    }

    /**
     * Sinks for a job run whose outputs a test reads back: final candles ({@code <run>-final}),
     * dead letters ({@code <run>-dead-letters}) and accepted trades ({@code <run>-trades}).
     */
    public static dev.candleflow.job.JobSinks jobSinks(String run) {
        return new dev.candleflow.job.JobSinks(
                List.of(new MemorySink<>(run + "-final")),
                List.of(),
                List.of(),
                List.of(new MemorySink<>(run + "-dead-letters")),
                List.of(),
                List.of(new MemorySink<>(run + "-trades")));
    }

    /** What reached the sink named {@code name} so far. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> received(String name) {
        return (List<T>) List.copyOf(RECEIVED.getOrDefault(name, new ConcurrentLinkedQueue<>()));
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        Queue<Object> queue = RECEIVED.computeIfAbsent(name, id -> new ConcurrentLinkedQueue<>());
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {
                queue.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
