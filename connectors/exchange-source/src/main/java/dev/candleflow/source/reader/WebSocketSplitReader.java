package dev.candleflow.source.reader;

import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ExchangeAdapter;
import dev.candleflow.source.FeedEvent;
import dev.candleflow.source.backfill.BackfillCoordinator;
import dev.candleflow.source.backfill.BackfillPage;
import dev.candleflow.source.backfill.SequenceGuard;
import dev.candleflow.source.split.ExchangeSplit;
import dev.candleflow.source.transport.Clocks;
import dev.candleflow.source.transport.ConnectionSupervisor;
import dev.candleflow.source.transport.FrameSink;
import dev.candleflow.source.transport.TokenBucket;
import dev.candleflow.source.transport.WebSocketTransport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fetcher side of the reader: drains the frames of all this reader's connections from one
 * bounded queue (a connection that finds it full for too long is dropped, counted, and backfilled
 * after its reconnect), parses them, keeps each split's trades complete with REST backfills and
 * emits each split's health report. Connections fill the queue from their I/O threads; backfill
 * answers come from the workers of a {@link BackfillCoordinator}; neither blocks this thread.
 */
public final class WebSocketSplitReader
        implements SplitReader<FeedEvent, ExchangeSplit>, FrameSink {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketSplitReader.class);
    private static final RawFrame WAKE_UP = new RawFrame("", "", 0L);
    private static final int MAX_BATCH = 4096;
    private static final long POLL_MILLIS = 100;

    private final Function<Venue, ExchangeAdapter> adapters;
    private final WebSocketTransport transport;
    private final ReaderSettings settings;
    private final FeedMetrics metrics;
    private final ArrayBlockingQueue<RawFrame> queue;
    private final ScheduledExecutorService scheduler;
    private final BackfillCoordinator backfill;
    private final Map<Venue, TokenBucket> connectRates = new EnumMap<>(Venue.class);
    private final Map<String, SplitFeed> feeds = new HashMap<>();
    private final Set<String> reconnected = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
    private volatile Exception failure;

    /**
     * @param settings this reader's share of the venue limits ({@link ReaderSettings#perReader})
     */
    public WebSocketSplitReader(
            Function<Venue, ExchangeAdapter> adapters,
            WebSocketTransport transport,
            ReaderSettings settings,
            FeedMetrics metrics) {
        this.adapters = adapters;
        this.transport = transport;
        this.settings = settings;
        this.metrics = metrics;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "exchange-source-connections");
                            t.setDaemon(true);
                            return t;
                        });
        this.backfill =
                new BackfillCoordinator(
                        settings.backfill(),
                        v -> adapters.apply(v).backfill().orElseThrow(),
                        this::wakeUp);
    }

    @Override
    public RecordsWithSplitIds<FeedEvent> fetch() throws IOException {
        Exception failed = failure;
        if (failed != null) {
            throw new IOException("Exchange connection failed", failed);
        }
        RecordsBySplits.Builder<FeedEvent> batch = new RecordsBySplits.Builder<>();
        long nowMicros = Clocks.nowMicros();
        boolean busy = false;
        for (BackfillPage page : backfill.drain()) {
            String id = page.request().splitId();
            SplitFeed feed = feeds.get(id);
            if (feed != null) {
                feed.onPage(page, to(batch, id));
            }
            busy = true;
        }
        for (String id : List.copyOf(reconnected)) {
            reconnected.remove(id);
            SplitFeed feed = feeds.get(id);
            if (feed != null) {
                feed.onConnected(nowMicros, to(batch, id));
            }
            busy = true;
        }
        drainFrames(batch, busy);
        long nowNanos = System.nanoTime();
        long reportMicros = Clocks.nowMicros();
        feeds.forEach((id, feed) -> feed.report(nowNanos, reportMicros, to(batch, id)));
        return batch.build();
    }

    private void drainFrames(RecordsBySplits.Builder<FeedEvent> batch, boolean busy) {
        RawFrame frame;
        try {
            frame = busy ? queue.poll() : queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (int i = 0; frame != null; i++) {
            if (frame == WAKE_UP) {
                wakeUpQueued.set(false);
            }
            SplitFeed feed = feeds.get(frame.splitId());
            if (frame != WAKE_UP && feed != null) {
                feed.onFrame(frame, to(batch, frame.splitId()));
            }
            frame = i + 1 < MAX_BATCH ? queue.poll() : null;
        }
    }

    private static Consumer<FeedEvent> to(RecordsBySplits.Builder<FeedEvent> batch, String id) {
        return event -> batch.add(id, event);
    }

    @Override
    public void handleSplitsChanges(SplitsChange<ExchangeSplit> change) {
        if (!(change instanceof SplitsAddition)) {
            throw new UnsupportedOperationException("Unsupported split change: " + change);
        }
        List<ConnectionSupervisor> started = new ArrayList<>();
        for (ExchangeSplit split : change.splits()) {
            SplitFeed feed = feed(split);
            feeds.put(split.splitId(), feed);
            started.add(feed.supervisor());
        }
        started.forEach(ConnectionSupervisor::start);
    }

    private SplitFeed feed(ExchangeSplit split) {
        String id = split.splitId();
        ExchangeAdapter adapter = adapters.apply(split.venue());
        SplitMetrics m = metrics.split(id, split.venue());
        TokenBucket rate =
                connectRates.computeIfAbsent(
                        split.venue(),
                        v ->
                                new TokenBucket(
                                        settings.connectsPerSecond(), settings.connectBurst()));
        ConnectionSupervisor supervisor =
                new ConnectionSupervisor(
                        id,
                        adapter,
                        split.instruments(),
                        transport,
                        scheduler,
                        this,
                        new SplitConnectionEvents(m, this::onReconnected),
                        settings.reconnect(),
                        rate);
        SequenceGuard guard = new SequenceGuard(split, adapter, backfill, m, settings.backfill());
        HealthReporter health =
                new HealthReporter(
                        id, split.venue(), m, settings.healthInterval(), System.nanoTime());
        return new SplitFeed(id, split.venue(), adapter, supervisor, guard, m, health);
    }

    private void onReconnected(String splitId) {
        reconnected.add(splitId);
        wakeUp();
    }

    @Override
    public void wakeUp() {
        // One token in the queue is enough to end a waiting poll; more would only take room.
        if (wakeUpQueued.compareAndSet(false, true) && !queue.offer(WAKE_UP)) {
            wakeUpQueued.set(false); // the queue is full: the poll does not wait anyway
        }
    }

    @Override
    public boolean offer(String splitId, String text, long receivedAtMicros) {
        try {
            return queue.offer(
                    new RawFrame(splitId, text, receivedAtMicros),
                    settings.offerTimeout().toMillis(),
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
        feeds.values().forEach(f -> f.supervisor().stop());
        feeds.clear();
        backfill.close();
        // The stops are queued on the scheduler; once this marker ran, they have too. Delayed
        // tasks (reconnects, forced closes) are then dropped rather than awaited.
        Future<?> stopped = scheduler.submit(() -> {});
        try {
            stopped.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Connections did not stop within 5 s; closing anyway");
        } finally {
            scheduler.shutdownNow();
        }
    }
}
