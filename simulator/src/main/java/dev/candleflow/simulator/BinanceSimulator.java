package dev.candleflow.simulator;

import dev.candleflow.simulator.binance.BinanceTradeJson;
import dev.candleflow.simulator.binance.BinanceWebSocketServer;
import dev.candleflow.simulator.fault.Faults;
import dev.candleflow.simulator.feed.Feed;
import dev.candleflow.simulator.market.PacedMarket;
import dev.candleflow.simulator.market.SimTrade;
import dev.candleflow.simulator.replay.ReplayFeed;
import dev.candleflow.simulator.replay.ReplayFrame;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local Binance spot trade-stream venue for tests and demos: a seeded market (or a replayed
 * capture) served over Binance's WebSocket protocol on 127.0.0.1.
 *
 * <pre>{@code
 * try (BinanceSimulator sim = BinanceSimulator.builder()
 *         .symbols("BTCUSDT", "ETHUSDT").seed(7).tradesPerSecond(50).speed(60)
 *         .eventDuration(Duration.ofMinutes(5)).build().start()) {
 *     URI uri = sim.combinedStreamUri("btcusdt@trade", "ethusdt@trade");
 *     // ... run the job against uri; the market opens on its first subscription ...
 *     sim.awaitFinished(Duration.ofSeconds(30));
 *     List<SimTrade> expected = sim.publishedTrades();
 * }
 * }</pre>
 */
public final class BinanceSimulator implements AutoCloseable {

    /** Replay speed factor meaning "as fast as possible". */
    public static final double REPLAY_FULL_SPEED = ReplayFeed.FULL_SPEED;

    private static final Logger LOG = LoggerFactory.getLogger(BinanceSimulator.class);
    private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);
    private static final String HOST = "127.0.0.1";

    private final SimulatorConfig config;
    private final PublishedTrades published;
    private final List<Consumer<SimTrade>> listeners = new CopyOnWriteArrayList<>();
    private final Set<Consumer<SimTrade>> failedListeners = ConcurrentHashMap.newKeySet();
    private final BinanceWebSocketServer server;
    private final Faults faults;
    private final Feed feed;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile int port = -1;

    BinanceSimulator(SimulatorConfig config) {
        this.config = config;
        this.published = new PublishedTrades(config.recordCapacity());
        this.server = new BinanceWebSocketServer(config.server(), this::onSubscription);
        this.faults = new Faults(server);
        this.feed =
                config.replay()
                        .<Feed>map(r -> new ReplayFeed(r.file(), r.speed(), this::publishFrame))
                        .orElseGet(
                                () ->
                                        new PacedMarket(
                                                config.market().orElseThrow(),
                                                this::publishGenerated));
    }

    public static BinanceSimulatorBuilder builder() {
        return new BinanceSimulatorBuilder();
    }

    /**
     * Binds the server; starts the feed now unless it waits for the first subscription.
     *
     * @return this, for try-with-resources chaining
     * @throws IOException if the port cannot be bound
     */
    public BinanceSimulator start() throws IOException {
        if (closed.get()) {
            throw new IllegalStateException("simulator is closed");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("simulator already started");
        }
        try {
            port = server.startAndAwait(BIND_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IOException("Interrupted while starting the simulator", e);
        } catch (IOException e) {
            close();
            throw e;
        }
        if (!config.startOnFirstSubscription()) {
            feed.start();
        }
        LOG.info(
                "Binance simulator on {} ({})",
                wsBaseUri(),
                config.replay().map(r -> "replay " + r.file()).orElse("generated market"));
        return this;
    }

    /** The bound port; only after {@link #start()}. */
    public int port() {
        int p = port;
        if (p < 0) {
            throw new IllegalStateException("simulator not started");
        }
        return p;
    }

    /** {@code ws://127.0.0.1:<port>}. */
    public URI wsBaseUri() {
        return URI.create("ws://" + HOST + ":" + port());
    }

    /** {@code ws://127.0.0.1:<port>/ws/<stream>}: raw payloads. */
    public URI rawStreamUri(String stream) {
        return URI.create(wsBaseUri() + "/ws/" + stream);
    }

    /** {@code ws://127.0.0.1:<port>/stream?streams=<s1>/<s2>}: wrapped payloads. */
    public URI combinedStreamUri(String... streams) {
        return URI.create(wsBaseUri() + "/stream?streams=" + String.join("/", streams));
    }

    /** Snapshot of the published trades in publication order (at most recordCapacity). */
    public List<SimTrade> publishedTrades() {
        return published.snapshot();
    }

    /** All trades published so far, including any evicted from the record. */
    public long publishedTradeCount() {
        return published.total();
    }

    /**
     * Registers a listener called on the feed thread for every published trade, after it is
     * recorded and sent. It must be quick: it paces the market.
     */
    public void addTradeListener(Consumer<SimTrade> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeTradeListener(Consumer<SimTrade> listener) {
        listeners.remove(listener);
    }

    /**
     * Waits until every trade with event time {@code <= epochMillis} has been published (or the run
     * finished).
     *
     * @return false on timeout
     */
    public boolean awaitEventTimeReached(long epochMillis, Duration timeout)
            throws InterruptedException {
        return feed.awaitProgress(epochMillis, timeout);
    }

    /** Waits for a bounded run (eventDuration, or the end of a replay) to finish. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return feed.awaitProgress(Long.MAX_VALUE, timeout);
    }

    /** True once a bounded run has produced everything. */
    public boolean isFinished() {
        return feed.isFinished();
    }

    /** True once the market (or replay) has started producing. */
    public boolean isMarketStarted() {
        return feed.isStarted();
    }

    /** Event time of the market open (or the first replayed {@code E}), once started. */
    public OptionalLong eventStartMillis() {
        return feed.eventStartMillis();
    }

    /** Open client connections. */
    public int connectionCount() {
        return server.connectionCount();
    }

    public Faults faults() {
        return faults;
    }

    /** Stops the feed and the server; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        feed.close();
        server.shutdown();
        LOG.info("Binance simulator closed after {} trades", published.total());
    }

    // ---- feed -> wire ----

    private void onSubscription() {
        if (!closed.get()) {
            feed.start();
        }
    }

    private void publishGenerated(SimTrade trade) {
        faults.beforePublish(trade, this::publishTrade);
    }

    private void publishTrade(SimTrade trade) {
        // Recorded before sending, so a client never holds a trade the record lacks.
        published.add(trade);
        server.publish(
                BinanceTradeJson.streamName(trade.symbol()), BinanceTradeJson.payload(trade));
        notifyListeners(trade);
    }

    private void publishFrame(ReplayFrame frame) {
        frame.trade().ifPresent(published::add);
        frame.route()
                .ifPresentOrElse(
                        route -> server.publish(route.stream(), route.payload()),
                        () -> server.broadcastRaw(frame.line()));
        frame.trade().ifPresent(this::notifyListeners);
    }

    private void notifyListeners(SimTrade trade) {
        for (Consumer<SimTrade> listener : listeners) {
            try {
                listener.accept(trade);
            } catch (RuntimeException e) {
                // Full report once per listener; a listener failing on every trade would flood.
                if (failedListeners.add(listener)) {
                    LOG.warn(
                            "Trade listener failed on {} #{}; further failures at DEBUG",
                            trade.symbol(),
                            trade.tradeId(),
                            e);
                } else {
                    LOG.debug(
                            "Trade listener failed on {} #{}: {}",
                            trade.symbol(),
                            trade.tradeId(),
                            e.toString());
                }
            }
        }
    }
}
