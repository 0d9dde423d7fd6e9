package dev.candleflow.source.testutils;

import dev.candleflow.source.FeedEvent;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink that keeps every event in this JVM under a test's run id (the MiniCluster runs in the
 * test's JVM, and the sink itself is serialized, hence the static registry).
 */
public final class CollectingSink implements Sink<FeedEvent> {

    private static final Map<String, Queue<FeedEvent>> RUNS = new ConcurrentHashMap<>();

    private final String runId;

    public CollectingSink(String runId) {
        this.runId = runId;
        RUNS.computeIfAbsent(runId, id -> new ConcurrentLinkedQueue<>());
    }

    /** What reached the sink so far, in arrival order per writer. */
    public static List<FeedEvent> events(String runId) {
        return List.copyOf(RUNS.getOrDefault(runId, new ConcurrentLinkedQueue<>()));
    }

    public static void forget(String runId) {
        RUNS.remove(runId);
    }

    @Override
    public SinkWriter<FeedEvent> createWriter(WriterInitContext context) {
        Queue<FeedEvent> events = RUNS.computeIfAbsent(runId, id -> new ConcurrentLinkedQueue<>());
        return new SinkWriter<>() {
            @Override
            public void write(FeedEvent element, Context ctx) {
                events.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
