package dev.candleflow.source.testutils;

import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ExchangeAdapter;
import dev.candleflow.source.FeedEvent;
import dev.candleflow.source.reader.FeedMetrics;
import dev.candleflow.source.reader.ReaderSettings;
import dev.candleflow.source.reader.TradeRecordEmitter;
import dev.candleflow.source.reader.WebSocketSplitReader;
import dev.candleflow.source.split.ExchangeSplit;
import dev.candleflow.source.split.ExchangeSplitState;
import dev.candleflow.source.transport.WebSocketTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;

/**
 * The reader's two halves wired as Flink wires them, without Flink: the split reader's batches go
 * through the record emitter into a {@link CollectingOutput}, with the split state it advances.
 */
public final class ReaderHarness implements AutoCloseable {

    public final FeedMetrics metrics = new FeedMetrics(new UnregisteredMetricsGroup());
    public final CollectingOutput out = new CollectingOutput();
    public final WebSocketSplitReader reader;
    private final TradeRecordEmitter emitter;
    private final Map<String, ExchangeSplitState> states = new HashMap<>();

    public ReaderHarness(
            ExchangeAdapter adapter, WebSocketTransport transport, ReaderSettings settings) {
        this.reader = new WebSocketSplitReader(v -> adapter, transport, settings, metrics);
        this.emitter = new TradeRecordEmitter(v -> adapter, metrics);
    }

    public void add(ExchangeSplit split) {
        states.put(split.splitId(), new ExchangeSplitState(split));
        reader.handleSplitsChanges(new SplitsAddition<>(List.of(split)));
    }

    public ExchangeSplitState state(String splitId) {
        return states.get(splitId);
    }

    /** Fetches and emits once. */
    public void pumpOnce() throws IOException {
        RecordsWithSplitIds<FeedEvent> batch = reader.fetch();
        String split;
        while ((split = batch.nextSplit()) != null) {
            FeedEvent e;
            while ((e = batch.nextRecordFromSplit()) != null) {
                emitter.emitRecord(e, out, states.get(split));
            }
        }
        batch.recycle();
    }

    /** Fetches and emits until the condition holds. */
    public void pumpUntil(String what, Duration timeout, BooleanSupplier done) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            pumpOnce();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } catch (Exception e) {
            throw new IOException("Failed to close the reader", e);
        }
    }

    /** Settings for fast tests: short health interval, quick retries, generous rates. */
    public static ReaderSettings fastSettings(int queueCapacity, Duration offerTimeout) {
        return new ReaderSettings(
                new dev.candleflow.source.transport.ReconnectPolicy(
                        Duration.ofMillis(20),
                        Duration.ofMillis(100),
                        Duration.ofSeconds(30),
                        50,
                        Duration.ofHours(24),
                        Duration.ofMillis(100)),
                queueCapacity,
                offerTimeout,
                Duration.ofMillis(200),
                100.0,
                10,
                new dev.candleflow.source.backfill.BackfillSettings(
                        Duration.ofSeconds(2),
                        5,
                        Duration.ofMillis(20),
                        Duration.ofMillis(100),
                        100.0,
                        10_000));
    }

    /** The venue id of the splits these tests use. */
    public static final Venue VENUE = Venue.BINANCE;
}
