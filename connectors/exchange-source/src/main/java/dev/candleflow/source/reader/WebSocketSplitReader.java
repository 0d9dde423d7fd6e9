package dev.candleflow.source.reader;

import dev.candleflow.protocol.ExchangeAdapter;
import dev.candleflow.source.split.ExchangeSplit;
import dev.candleflow.source.transport.ConnectionEvents;
import dev.candleflow.source.transport.ConnectionSupervisor;
import dev.candleflow.source.transport.FrameSink;
import dev.candleflow.source.transport.ReconnectPolicy;
import dev.candleflow.source.transport.WebSocketTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;

/**
 * Drains the frames of all this reader's connections from one bounded queue. Connections fill the
 * queue from their I/O threads; when it stays full, the connection is dropped (and counted) rather
 * than buffering without bound.
 */
public final class WebSocketSplitReader implements SplitReader<RawFrame, ExchangeSplit>, FrameSink {

    private static final RawFrame WAKE_UP = new RawFrame("", "", 0L);
    private static final int MAX_BATCH = 4096;
    private static final long POLL_MILLIS = 100;

    private final Function<ExchangeSplit, ExchangeAdapter> adapters;
    private final WebSocketTransport transport;
    private final ReconnectPolicy policy;
    private final ConnectionEvents events;
    private final Duration offerTimeout;
    private final ArrayBlockingQueue<RawFrame> queue;
    private final ScheduledExecutorService scheduler;
    private final Map<String, ConnectionSupervisor> supervisors = new HashMap<>();
    private volatile Exception failure;

    public WebSocketSplitReader(
            Function<ExchangeSplit, ExchangeAdapter> adapters,
            WebSocketTransport transport,
            ReconnectPolicy policy,
            ConnectionEvents events,
            int queueCapacity,
            Duration offerTimeout) {
        this.adapters = adapters;
        this.transport = transport;
        this.policy = policy;
        this.events = events;
        this.offerTimeout = offerTimeout;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "exchange-source-connections");
                            t.setDaemon(true);
                            return t;
                        });
    }

    @Override
    public RecordsWithSplitIds<RawFrame> fetch() throws IOException {
        Exception failed = failure;
        if (failed != null) {
            throw new IOException("Exchange connection failed", failed);
        }
        RecordsBySplits.Builder<RawFrame> batch = new RecordsBySplits.Builder<>();
        RawFrame first;
        try {
            first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return batch.build();
        }
        if (first == null) {
            return batch.build();
        }
        add(batch, first);
        for (int i = 0; i < MAX_BATCH; i++) {
            RawFrame next = queue.poll();
            if (next == null) {
                break;
            }
            add(batch, next);
        }
        return batch.build();
    }

    private static void add(RecordsBySplits.Builder<RawFrame> batch, RawFrame frame) {
        if (frame != WAKE_UP) {
            batch.add(frame.splitId(), frame);
        }
    }

    @Override
    public void handleSplitsChanges(SplitsChange<ExchangeSplit> change) {
        if (!(change instanceof SplitsAddition)) {
            throw new UnsupportedOperationException("Unsupported split change: " + change);
        }
        for (ExchangeSplit split : change.splits()) {
            ConnectionSupervisor supervisor =
                    new ConnectionSupervisor(
                            split.splitId(),
                            adapters.apply(split),
                            split.instruments(),
                            transport,
                            scheduler,
                            this,
                            events,
                            policy);
            supervisors.put(split.splitId(), supervisor);
            supervisor.start();
        }
    }

    @Override
    public void wakeUp() {
        queue.offer(WAKE_UP);
    }

    @Override
    public boolean offer(String splitId, String text, long receivedAtMicros) {
        try {
            return queue.offer(
                    new RawFrame(splitId, text, receivedAtMicros),
                    offerTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void failed(String splitId, Exception cause) {
        failure = cause;
        wakeUp();
    }

    @Override
    public void close() throws Exception {
        supervisors.values().forEach(ConnectionSupervisor::stop);
        supervisors.clear();
        scheduler.shutdown();
        if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
            scheduler.shutdownNow();
        }
    }
}
